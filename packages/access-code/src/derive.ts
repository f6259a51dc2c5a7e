import { createHash } from 'node:crypto';
import { normaliseCode } from './alphabet.ts';
import { type AccessCodeKey, derive, LABEL_PREFIX } from './keyed.ts';

/** Any spelling of a code derives the same values as its canonical form. */
const canonical = (code: string): string => normaliseCode(code) ?? code;

/**
 * The response a code stands for: the same on every device and runner, so entering the code
 * again resumes the response. 128 bits, base64url (22 characters); reveals nothing of the code
 * without the key.
 */
export function responseIdForCode(key: AccessCodeKey, code: string): string {
  return derive(key, 'response-id', canonical(code)).subarray(0, 16).toString('base64url');
}

/** The respondent's key material for a code's response: 32 bytes, base64url. */
export function secretForCode(key: AccessCodeKey, code: string): string {
  return derive(key, 'secret', canonical(code)).toString('base64url');
}

/**
 * What the author app keeps of an issued code (SHA-256 under a label, hex), so a database dump
 * does not hand out working codes, while a code presented later can still be matched or revoked.
 */
export function hashCode(code: string): string {
  return createHash('sha256').update(`${LABEL_PREFIX}hash\0`).update(canonical(code)).digest('hex');
}
