import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALPHABET, formatCode } from './alphabet.ts';
import { checkSymbol } from './check-character.ts';
import { issueCode, issueCodes, verifyCode } from './code.ts';
import { mac, pack, SERIAL_LIMIT, SERIES_LIMIT } from './layout.ts';

const KEY = 'test-access-code-key-0123456789abcdef';
const OTHER_KEY = 'another-access-code-key-0123456789ab';

const series = fc.integer({ min: 0, max: SERIES_LIMIT - 1 });
const serial = fc.integer({ min: 0, max: SERIAL_LIMIT - 1 });

/** The same code with one data symbol changed and the check character recomputed: a forgery attempt. */
function forged(code: string): string {
  const symbols = [...code.slice(0, 15)].map((char) => ALPHABET.indexOf(char));
  symbols[3] = ((symbols[3] ?? 0) + 1) % 32;
  symbols.push(checkSymbol(symbols));
  return symbols.map((value) => ALPHABET[value]).join('');
}

describe('issueCode and verifyCode', () => {
  it('verifies an issued code and gives back its series and serial', () => {
    const code = issueCode(KEY, 4021, 77);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(verifyCode(KEY, code)).toEqual({ ok: true, code, series: 4021, serial: 77 });
  });

  it('round-trips every series and serial', () => {
    fc.assert(
      fc.property(series, serial, (s, n) => {
        expect(verifyCode(KEY, issueCode(KEY, s, n))).toEqual({
          ok: true,
          code: issueCode(KEY, s, n),
          series: s,
          serial: n,
        });
      }),
    );
  });

  it('accepts the code as people type it: grouped, lower case, hyphenated', () => {
    const code = issueCode(KEY, 12, 3456);
    const grouped = formatCode(code);
    for (const typed of [grouped, grouped.toLowerCase(), grouped.replaceAll(' ', '-'), ` ${code.toLowerCase()} `]) {
      expect(verifyCode(KEY, typed)).toMatchObject({ ok: true, code });
    }
  });

  it('reports a typo as a check-character problem', () => {
    const code = issueCode(KEY, 12, 3456);
    const typo = code.slice(0, 5) + (code[5] === 'X' ? 'Y' : 'X') + code.slice(6);
    expect(verifyCode(KEY, typo)).toEqual({ ok: false, reason: 'check-character' });
  });

  it('reports a code of the wrong length or characters as a format problem', () => {
    expect(verifyCode(KEY, '0123 4567 89AB')).toEqual({ ok: false, reason: 'format' });
    expect(verifyCode(KEY, 'UUUU UUUU UUUU UUUU')).toEqual({ ok: false, reason: 'format' });
    expect(verifyCode(KEY, 42)).toEqual({ ok: false, reason: 'format' });
  });

  it('refuses a code issued with another key', () => {
    fc.assert(
      fc.property(series, serial, (s, n) => {
        expect(verifyCode(OTHER_KEY, issueCode(KEY, s, n))).toEqual({ ok: false, reason: 'not-issued' });
      }),
    );
  });

  it('refuses a well-formed code with a valid check character that was never issued', () => {
    const code = issueCode(KEY, 9, 9);
    expect(verifyCode(KEY, forged(code))).toEqual({ ok: false, reason: 'not-issued' });
  });

  it('refuses random codes with valid check characters', () => {
    const data = fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 15, maxLength: 15 });
    fc.assert(
      fc.property(data, (symbols) => {
        const code = [...symbols, checkSymbol(symbols)].map((value) => ALPHABET[value]).join('');
        expect(verifyCode(KEY, code)).toEqual({ ok: false, reason: 'not-issued' });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every code when the key is empty', () => {
    const id = { series: 1, serial: 1 };
    const data = pack('', id, mac('', id));
    const code = [...data, checkSymbol(data)].map((value) => ALPHABET[value]).join('');
    expect(verifyCode('', code)).toEqual({ ok: false, reason: 'not-issued' });
  });

  it('gives the same codes for a key given as text or as bytes', () => {
    expect(issueCode(Buffer.from(KEY), 5, 6)).toBe(issueCode(KEY, 5, 6));
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.anything()), (input) => {
        expect(verifyCode(KEY, input).ok).toBe(false);
      }),
    );
  });
});

describe('issueCodes', () => {
  it('issues consecutive serials, the same codes as one at a time', () => {
    const codes = issueCodes(KEY, 300, 1000, 50);
    expect(codes).toEqual(Array.from({ length: 50 }, (_, i) => issueCode(KEY, 300, 1000 + i)));
    expect(new Set(codes).size).toBe(50);
  });

  it('does not reveal the questionnaire or the order of issue in the characters', () => {
    const codes = issueCodes(KEY, 300, 0, 100);
    expect(new Set(codes.map((code) => code.slice(0, 4))).size).toBeGreaterThan(90);
    expect(new Set(codes.map((code) => code.slice(8, 12))).size).toBeGreaterThan(90);
  });

  it('issues nothing for a count of 0', () => {
    expect(issueCodes(KEY, 1, 0, 0)).toEqual([]);
  });

  it('issues up to the last serial of a series and no further', () => {
    expect(issueCodes(KEY, SERIES_LIMIT - 1, SERIAL_LIMIT - 2, 2)).toHaveLength(2);
    expect(() => issueCodes(KEY, 1, SERIAL_LIMIT - 2, 3)).toThrow(RangeError);
  });

  it('refuses to issue outside the ranges or with an empty key', () => {
    expect(() => issueCode(KEY, SERIES_LIMIT, 0)).toThrow(RangeError);
    expect(() => issueCode(KEY, -1, 0)).toThrow(RangeError);
    expect(() => issueCode(KEY, 1.5, 0)).toThrow(RangeError);
    expect(() => issueCode(KEY, 0, SERIAL_LIMIT)).toThrow(RangeError);
    expect(() => issueCodes(KEY, 0, 0, -1)).toThrow(RangeError);
    expect(() => issueCode('', 0, 0)).toThrow(RangeError);
  });
});
