import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatCode } from './alphabet.ts';
import { issueCode } from './code.ts';
import { hashCode, responseIdForCode, secretForCode } from './derive.ts';

const KEY = 'test-access-code-key-0123456789abcdef';
const CODE = issueCode(KEY, 17, 4242);
const OTHER_CODE = issueCode(KEY, 17, 4243);

describe('responseIdForCode', () => {
  it('is the same however the code was typed', () => {
    const id = responseIdForCode(KEY, CODE);
    expect(responseIdForCode(KEY, formatCode(CODE).toLowerCase())).toBe(id);
  });

  it('is URL-safe, 22 characters, and does not contain the code', () => {
    const id = responseIdForCode(KEY, CODE);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(id.toUpperCase()).not.toContain(CODE.slice(0, 4));
  });

  it('differs between codes and between keys', () => {
    const id = responseIdForCode(KEY, CODE);
    expect(responseIdForCode(KEY, OTHER_CODE)).not.toBe(id);
    expect(responseIdForCode('another-key', CODE)).not.toBe(id);
  });
});

describe('secretForCode', () => {
  it('is 32 bytes of base64url, stable for a code', () => {
    const secret = secretForCode(KEY, CODE);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secretForCode(KEY, formatCode(CODE))).toBe(secret);
  });

  it('is derived apart from the response id, and differs between codes and keys', () => {
    const secret = secretForCode(KEY, CODE);
    expect(secret.startsWith(responseIdForCode(KEY, CODE))).toBe(false);
    expect(secretForCode(KEY, OTHER_CODE)).not.toBe(secret);
    expect(secretForCode('another-key', CODE)).not.toBe(secret);
  });
});

describe('hashCode', () => {
  it('is a labelled SHA-256 in hex, the same however the code was typed', () => {
    const hash = hashCode(CODE);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode(formatCode(CODE).toLowerCase())).toBe(hash);
    expect(hash).not.toBe(createHash('sha256').update(CODE).digest('hex'));
    expect(hashCode(OTHER_CODE)).not.toBe(hash);
  });
});
