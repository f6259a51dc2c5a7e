import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALPHABET, formatCode, normaliseCode } from './alphabet.ts';

const CODE = '0123456789ABCDEF';

describe('normaliseCode', () => {
  it('accepts a canonical code unchanged', () => {
    expect(normaliseCode(CODE)).toBe(CODE);
  });

  it('ignores case, spaces and hyphens of any kind', () => {
    expect(normaliseCode(' 0123-4567 89ab\tcdef ')).toBe(CODE);
    expect(normaliseCode('0123\u20134567\u00a089AB\u2212CDEF')).toBe(CODE);
  });

  it('reads O as 0 and I or L as 1', () => {
    expect(normaliseCode('O1Z3 4567 89AB CDEF')).toBe('01Z3456789ABCDEF');
    expect(normaliseCode('oIl3 4567 89AB CDEF')).toBe('0113456789ABCDEF');
  });

  it('refuses U, which the alphabet leaves out', () => {
    expect(normaliseCode('U123 4567 89AB CDEF')).toBeUndefined();
  });

  it('refuses input of the wrong length', () => {
    expect(normaliseCode('0123 4567 89AB CDE')).toBeUndefined();
    expect(normaliseCode('0123 4567 89AB CDEF 0')).toBeUndefined();
    expect(normaliseCode('')).toBeUndefined();
  });

  it('refuses letters of other scripts that upper-case to ours', () => {
    // dotless i, long s and Kelvin sign become I, S and K under toUpperCase().
    expect(normaliseCode('\u0131123 4567 89AB CDEF')).toBeUndefined();
    expect(normaliseCode('\u017f123 4567 89AB CDEF')).toBeUndefined();
    expect(normaliseCode('\u212a123 4567 89AB CDEF')).toBeUndefined();
  });

  it('refuses input that is not a string or is far too long', () => {
    expect(normaliseCode(undefined)).toBeUndefined();
    expect(normaliseCode(['0123456789ABCDEF'])).toBeUndefined();
    expect(normaliseCode(`${CODE}${' '.repeat(100)}`)).toBeUndefined();
  });

  it('returns only alphabet characters, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (input) => {
        const code = normaliseCode(input);
        if (code !== undefined) expect([...code].every((char) => ALPHABET.includes(char))).toBe(true);
      }),
    );
  });
});

describe('formatCode', () => {
  it('shows a code as four groups of four', () => {
    expect(formatCode('0123456789abcdef')).toBe('0123 4567 89AB CDEF');
  });

  it('returns input that is not a code unchanged', () => {
    expect(formatCode('not a code')).toBe('not a code');
  });
});

describe('ALPHABET', () => {
  it('is Crockford base32: 32 characters without I, L, O and U', () => {
    expect(new Set(ALPHABET).size).toBe(32);
    expect(ALPHABET).not.toMatch(/[ILOU]/);
  });
});
