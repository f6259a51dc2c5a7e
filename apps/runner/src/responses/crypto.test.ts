import { describe, expect, it } from 'vitest';
import { ResponseCipher } from './crypto.ts';

const SERVER_KEY = 'server-key-of-at-least-thirty-two-bytes!';
const SECRET = 'c2VjcmV0LW9mLXRoZS1yZXNwb25kZW50LTMyYnl0ZXM';
const cipher = new ResponseCipher(SERVER_KEY);
const PLAINTEXT = JSON.stringify({ answers: { name: 'Siân Evans 👩‍👩‍👧', note: '<script>alert(1)</script>' } });

/** The sealed text with one byte of its ciphertext flipped, still well-formed base64url. */
function flipByte(sealed: string, index: number): string {
  const [format, iv, body] = sealed.split('.') as [string, string, string];
  const bytes = Buffer.from(body, 'base64url');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return `${format}.${iv}.${bytes.toString('base64url')}`;
}

describe('ResponseCipher', () => {
  it('opens what it sealed for the same response and secret', () => {
    const sealed = cipher.seal(PLAINTEXT, 'r1', SECRET);
    expect(cipher.open(sealed, 'r1', SECRET)).toBe(PLAINTEXT);
  });

  it('seals as v1.<iv>.<ciphertext and tag> in base64url, revealing none of the plaintext', () => {
    const sealed = cipher.seal(PLAINTEXT, 'r1', SECRET);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    // Neither the text nor its base64 encoding shows through (a two-letter check would fail by chance).
    expect(sealed).not.toContain(Buffer.from(PLAINTEXT).toString('base64url').slice(0, 12));
    const body = Buffer.from(sealed.split('.')[2] ?? '', 'base64url').toString('latin1');
    for (const word of ['answers', 'Evans', 'script']) expect(body).not.toContain(word);
  });

  it('uses a fresh IV on every seal, so the same record never seals the same way twice', () => {
    const a = cipher.seal(PLAINTEXT, 'r1', SECRET);
    const b = cipher.seal(PLAINTEXT, 'r1', SECRET);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it('never seals two records with the same IV, however many it seals', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const sealed = cipher.seal(PLAINTEXT, 'r1', SECRET);
      ivs.add(sealed.split('.')[1] ?? '');
      expect(cipher.open(sealed, 'r1', SECRET)).toBe(PLAINTEXT);
    }
    expect(ivs.size).toBe(1000);
  });

  it('does not open with another respondent secret', () => {
    const sealed = cipher.seal(PLAINTEXT, 'r1', SECRET);
    expect(cipher.open(sealed, 'r1', `${SECRET}x`)).toBeUndefined();
    expect(cipher.open(sealed, 'r1', '')).toBeUndefined();
  });

  it('does not open with another server key', () => {
    const sealed = cipher.seal(PLAINTEXT, 'r1', SECRET);
    const other = new ResponseCipher('another-server-key-of-thirty-two-bytes!!');
    expect(other.open(sealed, 'r1', SECRET)).toBeUndefined();
  });

  it('does not open under another response id, even with the same secret', () => {
    const sealed = cipher.seal(PLAINTEXT, 'r1', SECRET);
    expect(cipher.open(sealed, 'r2', SECRET)).toBeUndefined();
    expect(cipher.open(sealed, 'r1 ', SECRET)).toBeUndefined();
  });

  it('does not open a tampered ciphertext, IV or tag', () => {
    const sealed = cipher.seal(PLAINTEXT, 'r1', SECRET);
    const bodyLength = Buffer.from(sealed.split('.')[2] ?? '', 'base64url').length;
    expect(cipher.open(flipByte(sealed, 0), 'r1', SECRET)).toBeUndefined();
    expect(cipher.open(flipByte(sealed, bodyLength - 1), 'r1', SECRET)).toBeUndefined();
    const [format, iv, body] = sealed.split('.') as [string, string, string];
    const ivBytes = Buffer.from(iv, 'base64url');
    ivBytes[0] = (ivBytes[0] ?? 0) ^ 0x80;
    expect(cipher.open(`${format}.${ivBytes.toString('base64url')}.${body}`, 'r1', SECRET)).toBeUndefined();
  });

  it('reads malformed sealed texts as nothing, without throwing', () => {
    const sealed = cipher.seal(PLAINTEXT, 'r1', SECRET);
    const [, iv, body] = sealed.split('.') as [string, string, string];
    for (const bad of [
      '',
      'v1',
      'v1..',
      `v2.${iv}.${body}`,
      `v1.${iv}.${body}.extra`,
      `v1.${iv.slice(2)}.${body}`,
      `v1.${iv}.${body.slice(0, 10)}`,
      `v1.${iv}.${body}=`,
      `v1.${iv}.${body.slice(0, -1)}+`,
      'v1.!!!!.????',
      '__proto__',
    ]) {
      expect(cipher.open(bad, 'r1', SECRET)).toBeUndefined();
    }
  });

  it('opens texts of every length, and nothing whose base64url is not in its one canonical form', () => {
    for (const plaintext of ['', 'a', 'ab', 'abc', 'abcd', 'abcde']) {
      const sealed = cipher.seal(plaintext, 'r1', SECRET);
      expect(cipher.open(sealed, 'r1', SECRET)).toBe(plaintext);
      const [format, iv, body] = sealed.split('.') as [string, string, string];
      const last = body.length - 1;
      // The same bytes written otherwise: the last character with a spare bit set, an alphabet swap, padding, a space.
      const spareBitSet = String.fromCharCode((body.charCodeAt(last) ?? 65) + 1);
      const variants = [
        ...(body.length % 4 > 1 ? [`${body.slice(0, last)}${spareBitSet}`] : []),
        body.replaceAll('-', '+').replaceAll('_', '/'),
        `${body}==`,
        `${body.slice(0, 4)} ${body.slice(4)}`,
        `${body.slice(0, 4)}é${body.slice(4)}`,
      ].filter((variant) => variant !== body);
      for (const variant of variants)
        expect(cipher.open(`${format}.${iv}.${variant}`, 'r1', SECRET), variant).toBeUndefined();
    }
  });

  it('refuses a server key shorter than 32 bytes', () => {
    expect(() => new ResponseCipher('too-short')).toThrow(/at least 32 bytes/);
    expect(() => new ResponseCipher(new Uint8Array(31))).toThrow(/at least 32 bytes/);
    expect(() => new ResponseCipher(new Uint8Array(32))).not.toThrow();
  });
});

describe('ResponseCipher, the bytes form', () => {
  const key = cipher.keyFor('r1', SECRET);

  it('opens what it sealed for the same response and secret, from any view of the bytes', () => {
    const sealed = cipher.sealBytesWith(key, PLAINTEXT, 'r1');
    expect(cipher.openWith(key, sealed, 'r1')).toBe(PLAINTEXT);
    expect(cipher.open(sealed, 'r1', SECRET)).toBe(PLAINTEXT);
    const within = Buffer.concat([Buffer.from('before'), sealed, Buffer.from('after')]);
    expect(cipher.open(within.subarray(6, 6 + sealed.length), 'r1', SECRET)).toBe(PLAINTEXT);
    expect(cipher.open(new Uint8Array(sealed), 'r1', SECRET)).toBe(PLAINTEXT);
  });

  it('seals as 0x02, the IV, the ciphertext and the tag: shorter than the text form by a quarter, revealing none of the plaintext', () => {
    const sealed = cipher.sealBytesWith(key, PLAINTEXT, 'r1');
    const plain = Buffer.from(PLAINTEXT, 'utf8');
    expect(sealed[0]).toBe(0x02);
    expect(sealed.length).toBe(1 + 12 + plain.length + 16);
    expect(sealed.length).toBeLessThan(cipher.sealWith(key, PLAINTEXT, 'r1').length * 0.8);
    for (const word of ['answers', 'Evans', 'script']) expect(sealed.includes(Buffer.from(word))).toBe(false);
  });

  it('seals into a buffer of its own, however short, not a slice of a shared one', () => {
    for (const plaintext of ['', 'a short record', PLAINTEXT]) {
      const sealed = cipher.sealBytesWith(key, plaintext, 'r1');
      expect(sealed.byteOffset).toBe(0);
      expect(sealed.buffer.byteLength).toBe(sealed.length);
    }
  });

  it('opens a text-form value given as its bytes, as a runner before the bytes form wrote and read it', () => {
    for (const plaintext of ['', 'a', PLAINTEXT]) {
      const text = cipher.sealWith(key, plaintext, 'r1');
      expect(cipher.open(Buffer.from(text, 'utf8'), 'r1', SECRET)).toBe(plaintext);
      expect(cipher.open(flipByte(text, 0), 'r1', SECRET)).toBeUndefined();
      expect(cipher.open(Buffer.from(flipByte(text, 0)), 'r1', SECRET)).toBeUndefined();
    }
  });

  it('opens no text-form value whose bytes are not ASCII', () => {
    const text = cipher.sealWith(key, PLAINTEXT, 'r1');
    const [format, iv, body] = text.split('.') as [string, string, string];
    for (const bytes of [
      Buffer.from(`${format}.${iv}.${body.slice(0, 4)}é${body.slice(4)}`, 'utf8'),
      Buffer.from(`${format}.${iv}.${body.slice(0, 4)}é${body.slice(4)}`, 'latin1'),
      Buffer.concat([Buffer.from(text), Buffer.of(0xff)]),
      Buffer.concat([Buffer.from(`${format}.${iv}.`), Buffer.of(0xc3, 0xa9), Buffer.from(body)]),
    ]) {
      expect(cipher.open(bytes, 'r1', SECRET)).toBeUndefined();
    }
  });

  it('does not open with another secret, server key or response id', () => {
    const sealed = cipher.sealBytesWith(key, PLAINTEXT, 'r1');
    expect(cipher.open(sealed, 'r1', `${SECRET}x`)).toBeUndefined();
    expect(new ResponseCipher('another-server-key-of-thirty-two-bytes!!').open(sealed, 'r1', SECRET)).toBeUndefined();
    expect(cipher.open(sealed, 'r2', SECRET)).toBeUndefined();
  });

  it('does not open when any byte is changed, nor when one is added or taken away', () => {
    const sealed = cipher.sealBytesWith(key, 'a short record', 'r1');
    for (let index = 0; index < sealed.length; index++) {
      for (const bit of [0x01, 0x80]) {
        const tampered = Buffer.from(sealed);
        tampered[index] = (tampered[index] ?? 0) ^ bit;
        expect(cipher.open(tampered, 'r1', SECRET)).toBeUndefined();
      }
    }
    expect(cipher.open(Buffer.concat([sealed, Buffer.of(0)]), 'r1', SECRET)).toBeUndefined();
    expect(cipher.open(sealed.subarray(0, -1), 'r1', SECRET)).toBeUndefined();
    expect(cipher.open(Buffer.concat([sealed.subarray(0, 13), sealed.subarray(14)]), 'r1', SECRET)).toBeUndefined();
  });

  it('reads malformed values as nothing, without throwing', () => {
    const sealed = cipher.sealBytesWith(key, '', 'r1');
    expect(sealed.length).toBe(29);
    for (const bad of [
      Buffer.alloc(0),
      Buffer.of(0x02),
      sealed.subarray(0, 28),
      Buffer.alloc(29),
      Buffer.concat([Buffer.of(0x03), sealed.subarray(1)]),
      Buffer.concat([Buffer.of(0x76), sealed.subarray(1)]),
      Buffer.from('v1..'),
    ]) {
      expect(cipher.open(bad, 'r1', SECRET)).toBeUndefined();
    }
  });

  it('never seals two records with the same IV, in either form', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 500; i++) {
      ivs.add(cipher.sealBytesWith(key, PLAINTEXT, 'r1').subarray(1, 13).toString('hex'));
      ivs.add(Buffer.from(cipher.sealWith(key, PLAINTEXT, 'r1').split('.')[1] ?? '', 'base64url').toString('hex'));
    }
    expect(ivs.size).toBe(1000);
  });
});
