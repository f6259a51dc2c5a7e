import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../testing/hostile-strings.ts';
import type { Session } from './session.ts';
import { sessionSeal } from './session-seal.ts';

const KEY = 'k'.repeat(40);
const SESSION: Session = {
  responseId: 'response-0001',
  secret: 'A'.repeat(43),
  lang: 'cy',
  expiresAt: 1_780_000_000,
  idleMinutes: 45,
  via: 'code',
};

/** The sealed text with one character of its body changed. */
function flipped(sealed: string, at: number): string {
  return `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;
}

describe('a sealed session', () => {
  it('opens to the same session with the same key', () => {
    const seal = sessionSeal(KEY);
    expect(seal.open(seal.seal(SESSION))).toEqual(SESSION);
  });

  it('is versioned and shows none of its claims', () => {
    const sealed = sessionSeal(KEY).seal(SESSION);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    const bytes = Buffer.from(sealed.slice(3), 'base64url').toString('latin1');
    for (const claim of ['response-0001', 'AAAAAAAA', 'code', 'rid']) expect(bytes).not.toContain(claim);
  });

  it('differs every time it is sealed (a fresh nonce)', () => {
    const seal = sessionSeal(KEY);
    expect(seal.seal(SESSION)).not.toBe(seal.seal(SESSION));
  });

  it('opens nothing with another key', () => {
    expect(
      sessionSeal('another key of forty characters, or so..').open(sessionSeal(KEY).seal(SESSION)),
    ).toBeUndefined();
  });

  it('opens nothing once any byte is changed, or when cut short or lengthened', () => {
    const seal = sessionSeal(KEY);
    const sealed = seal.seal(SESSION);
    for (let at = 3; at < sealed.length; at += 7) expect(seal.open(flipped(sealed, at)), `at ${at}`).toBeUndefined();
    expect(seal.open(sealed.slice(0, -4))).toBeUndefined();
    expect(seal.open(`${sealed}AAAA`)).toBeUndefined();
  });

  it('opens nothing under another version prefix', () => {
    const seal = sessionSeal(KEY);
    const sealed = seal.seal(SESSION);
    expect(seal.open(`v2.${sealed.slice(3)}`)).toBeUndefined();
    expect(seal.open(sealed.slice(3))).toBeUndefined();
  });

  it('opens nothing whose claims are not a session’s, though sealed with the key', () => {
    const seal = sessionSeal(KEY);
    expect(seal.open(seal.seal({ ...SESSION, lang: 'en-GB' }))).toBeUndefined();
    expect(seal.open(seal.seal({ ...SESSION, secret: 'short' }))).toBeUndefined();
    expect(seal.open(seal.seal({ ...SESSION, idleMinutes: 0 }))).toBeUndefined();
  });

  it('opens nothing from hostile text, without throwing', () => {
    const seal = sessionSeal(KEY);
    for (const text of [...HOSTILE_STRINGS, '', 'v1.', 'v1.=', 'v1.AAAA', `v1.${'A'.repeat(40)}`]) {
      expect(seal.open(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
