/**
 * How the 75 data bits of a code are laid out: series (20 bits) and serial (24 bits), masked,
 * then a 31-bit MAC over series and serial. The mask is derived from the MAC and the key, so codes
 * look random: they reveal neither the questionnaire nor the order of issue, and codes issued
 * one after another differ in every group rather than only in the last characters.
 */
import { type AccessCodeKey, derive } from './keyed.ts';

export const SERIES_BITS = 20;
export const SERIAL_BITS = 24;
const MAC_BITS = 31;
const ID_BITS = SERIES_BITS + SERIAL_BITS;
export const DATA_SYMBOLS = (ID_BITS + MAC_BITS) / 5;

/** Series run from 0 to SERIES_LIMIT - 1: the author app gives each questionnaire its own. */
export const SERIES_LIMIT = 2 ** SERIES_BITS;
/** Serials run from 0 to SERIAL_LIMIT - 1 within a series. */
export const SERIAL_LIMIT = 2 ** SERIAL_BITS;

export interface CodeId {
  series: number;
  serial: number;
}

export function mac(key: AccessCodeKey, { series, serial }: CodeId): number {
  const input = Buffer.alloc(8);
  input.writeUInt32BE(series, 0);
  input.writeUInt32BE(serial, 4);
  return derive(key, 'mac', input).readUInt32BE(0) >>> (32 - MAC_BITS);
}

function mask(key: AccessCodeKey, macValue: number): bigint {
  const input = Buffer.alloc(4);
  input.writeUInt32BE(macValue, 0);
  return BigInt(derive(key, 'mask', input).readUIntBE(0, 6)) >> BigInt(48 - ID_BITS);
}

/** The 15 data symbols for an id and its MAC. */
export function pack(key: AccessCodeKey, id: CodeId, macValue: number): number[] {
  const plain = (BigInt(id.series) << BigInt(SERIAL_BITS)) | BigInt(id.serial);
  let bits = ((plain ^ mask(key, macValue)) << BigInt(MAC_BITS)) | BigInt(macValue);
  const symbols: number[] = new Array(DATA_SYMBOLS);
  for (let i = DATA_SYMBOLS - 1; i >= 0; i--) {
    symbols[i] = Number(bits & 31n);
    bits >>= 5n;
  }
  return symbols;
}

/** The id and MAC carried by 15 data symbols (any symbols give some id; the MAC says if it was issued). */
export function unpack(key: AccessCodeKey, data: readonly number[]): { id: CodeId; mac: number } {
  let bits = 0n;
  for (const symbol of data) bits = (bits << 5n) | BigInt(symbol);
  const macValue = Number(bits & BigInt(2 ** MAC_BITS - 1));
  const plain = (bits >> BigInt(MAC_BITS)) ^ mask(key, macValue);
  return {
    id: { series: Number(plain >> BigInt(SERIAL_BITS)), serial: Number(plain & BigInt(SERIAL_LIMIT - 1)) },
    mac: macValue,
  };
}
