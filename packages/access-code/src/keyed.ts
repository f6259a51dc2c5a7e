import { createHmac } from 'node:crypto';

/** `ACCESS_CODE_KEY`: shared by the author app (which issues codes) and every runner. */
export type AccessCodeKey = string | Uint8Array;

/**
 * Every value derived from the key is an HMAC-SHA256 under its own label, so no derived value
 * (a MAC, a mask, a response id, a respondent's secret) can stand in for another.
 */
export type Purpose = 'mac' | 'mask' | 'response-id' | 'secret';

export const LABEL_PREFIX = 'eq-access-code/v1/';

/** An empty key would let anyone issue codes, so nothing is ever derived from one. */
export function isUsableKey(key: AccessCodeKey): boolean {
  return key.length > 0;
}

export function derive(key: AccessCodeKey, purpose: Purpose, data: string | Uint8Array): Buffer {
  return createHmac('sha256', key).update(`${LABEL_PREFIX}${purpose}\0`).update(data).digest();
}
