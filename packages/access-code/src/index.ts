export { ALPHABET, CODE_LENGTH, formatCode, normaliseCode } from './alphabet.ts';
export { issueCode, issueCodes, type VerifyResult, verifyCode } from './code.ts';
export { hashCode, responseIdForCode, secretForCode } from './derive.ts';
export type { AccessCodeKey } from './keyed.ts';
export { SERIAL_LIMIT, SERIES_LIMIT } from './layout.ts';
