/**
 * Crockford base32: digits and capital letters without I, L, O and U, so a code read aloud or
 * copied by hand has no look-alike characters. Each symbol carries 5 bits.
 */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters per code: 15 data symbols and 1 check character. */
export const CODE_LENGTH = 16;

/** Longer input is not a mistyped code, so it is refused before any work is done. */
const MAX_INPUT_LENGTH = 64;

/** Spaces and any kind of hyphen or dash that phones and word processors substitute. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

/** Characters people type for the ones the alphabet leaves out. */
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

const SYMBOL_VALUE = new Map([...ALPHABET].map((char, value) => [char, value]));

/**
 * The code in its canonical form (16 upper-case alphabet characters, no separators), or
 * undefined when the input cannot be a code. Case, spaces and hyphens are ignored, O reads as 0
 * and I or L as 1. Only ASCII letters change case, so no other script's letter can turn into one
 * of ours.
 */
export function normaliseCode(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return undefined;
  let code = '';
  for (const char of input.replace(SEPARATORS, '')) {
    const upper = char >= 'a' && char <= 'z' ? char.toUpperCase() : char;
    const mapped = LOOK_ALIKES[upper] ?? upper;
    if (!SYMBOL_VALUE.has(mapped)) return undefined;
    code += mapped;
  }
  return code.length === CODE_LENGTH ? code : undefined;
}

/** The code as shown to people: "ABCD EFGH JKMN PQRS". Input that is not a code comes back unchanged. */
export function formatCode(code: string): string {
  const canonical = normaliseCode(code);
  return canonical === undefined ? code : (canonical.match(/.{4}/g) ?? []).join(' ');
}

/** Symbol values (0-31) of a canonical code. */
export function toSymbols(code: string): number[] {
  return [...code].map((char) => SYMBOL_VALUE.get(char) ?? 0);
}

export function fromSymbols(symbols: readonly number[]): string {
  return symbols.map((value) => ALPHABET[value]).join('');
}
