import { timingSafeEqual } from 'node:crypto';
import { fromSymbols, normaliseCode, toSymbols } from './alphabet.ts';
import { checkSymbol, hasValidCheck } from './check-character.ts';
import { type AccessCodeKey, isUsableKey } from './keyed.ts';
import { type CodeId, DATA_SYMBOLS, mac, pack, SERIAL_LIMIT, SERIES_LIMIT, unpack } from './layout.ts';

export type VerifyResult =
  | { ok: true; code: string; series: number; serial: number }
  | {
      ok: false;
      /**
       * `format`: not 16 alphabet characters; `check-character`: a typo (tell the respondent to check
       * the code); `not-issued`: well formed but never issued with this key.
       */
      reason: 'format' | 'check-character' | 'not-issued';
    };

function isInRange(value: number, limit: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value < limit;
}

/**
 * The only functions of the package that throw: issuing with an empty key or outside the ranges
 * is a bug in the caller, and a code that silently stood for another series would be worse.
 */
function assertIssuable(key: AccessCodeKey, series: number, firstSerial: number, count: number): void {
  if (!isUsableKey(key)) throw new RangeError('access codes need a non-empty key');
  if (!isInRange(series, SERIES_LIMIT)) throw new RangeError(`series must be an integer from 0 to ${SERIES_LIMIT - 1}`);
  if (!isInRange(count, SERIAL_LIMIT + 1)) throw new RangeError(`count must be an integer from 0 to ${SERIAL_LIMIT}`);
  if (!isInRange(firstSerial, SERIAL_LIMIT) || firstSerial + count > SERIAL_LIMIT) {
    throw new RangeError(`serials must be integers from 0 to ${SERIAL_LIMIT - 1}`);
  }
}

function encode(key: AccessCodeKey, id: CodeId): string {
  const data = pack(key, id, mac(key, id));
  data.push(checkSymbol(data));
  return fromSymbols(data);
}

/** The code (canonical: 16 characters, no spaces) for one serial of a series. */
export function issueCode(key: AccessCodeKey, series: number, serial: number): string {
  assertIssuable(key, series, serial, 1);
  return encode(key, { series, serial });
}

/** Codes for `count` consecutive serials, from `firstSerial`. */
export function issueCodes(key: AccessCodeKey, series: number, firstSerial: number, count: number): string[] {
  assertIssuable(key, series, firstSerial, count);
  const codes: string[] = new Array(count);
  for (let i = 0; i < count; i++) codes[i] = encode(key, { series, serial: firstSerial + i });
  return codes;
}

function macBytes(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value, 0);
  return bytes;
}

/** Checks a code as typed by a respondent; never throws. */
export function verifyCode(key: AccessCodeKey, input: unknown): VerifyResult {
  const code = normaliseCode(input);
  if (code === undefined) return { ok: false, reason: 'format' };
  const symbols = toSymbols(code);
  if (!hasValidCheck(symbols)) return { ok: false, reason: 'check-character' };
  if (!isUsableKey(key)) return { ok: false, reason: 'not-issued' };
  const { id, mac: carried } = unpack(key, symbols.slice(0, DATA_SYMBOLS));
  if (!timingSafeEqual(macBytes(carried), macBytes(mac(key, id)))) return { ok: false, reason: 'not-issued' };
  return { ok: true, code, ...id };
}
