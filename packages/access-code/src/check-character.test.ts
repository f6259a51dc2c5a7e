import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSymbol, hasValidCheck } from './check-character.ts';

const LENGTH = 16;
const VALUES = Array.from({ length: 32 }, (_, value) => value);

/** Deterministic surroundings that differ from case to case. */
function surroundings(seed: number): number[] {
  let state = seed * 2654435761 + 1;
  return Array.from({ length: LENGTH }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % 32;
  });
}

/**
 * A valid code with the given symbols at the given positions, found by trying every value at
 * `free`: exactly one must make the code valid, whichever position is free.
 */
function validCodeWith(fixed: Record<number, number>, free: number, seed: number): number[] {
  const code = surroundings(seed);
  for (const [position, value] of Object.entries(fixed)) code[Number(position)] = value;
  const valid = VALUES.map((value) => code.with(free, value)).filter(hasValidCheck);
  expect(valid).toHaveLength(1);
  return valid[0] ?? [];
}

const freePositionAvoiding = (...taken: number[]) => (taken.includes(0) ? (taken.includes(15) ? 7 : 15) : 0);

describe('the check character', () => {
  it('makes any 15 data symbols a valid code', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 15, maxLength: 15 }), (data) => {
        expect(hasValidCheck([...data, checkSymbol(data)])).toBe(true);
      }),
    );
  });

  it('catches every single-character substitution, at every position, from every symbol to every other', () => {
    let cases = 0;
    for (let position = 0; position < LENGTH; position++) {
      for (const from of VALUES) {
        const code = validCodeWith({ [position]: from }, freePositionAvoiding(position), cases);
        for (const to of VALUES.filter((value) => value !== from)) {
          expect(hasValidCheck(code.with(position, to))).toBe(false);
          cases++;
        }
      }
    }
    expect(cases).toBe(LENGTH * 32 * 31);
  });

  it('catches every adjacent transposition, the check character included', () => {
    let cases = 0;
    for (let position = 0; position < LENGTH - 1; position++) {
      for (const x of VALUES) {
        for (const y of VALUES.filter((value) => value !== x)) {
          const code = validCodeWith(
            { [position]: x, [position + 1]: y },
            freePositionAvoiding(position, position + 1),
            cases,
          );
          expect(hasValidCheck(code.with(position, y).with(position + 1, x))).toBe(false);
          cases++;
        }
      }
    }
    expect(cases).toBe((LENGTH - 1) * 32 * 31);
  });

  it('catches every transposition across one character (abc to cba)', () => {
    for (let position = 0; position < LENGTH - 2; position++) {
      for (const x of VALUES) {
        for (const y of VALUES.filter((value) => value !== x)) {
          const code = validCodeWith(
            { [position]: x, [position + 2]: y },
            freePositionAvoiding(position, position + 2),
            x * 32 + y,
          );
          expect(hasValidCheck(code.with(position, y).with(position + 2, x))).toBe(false);
        }
      }
    }
  });

  it('catches substitutions and transpositions in random codes', () => {
    const data = fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 15, maxLength: 15 });
    fc.assert(
      fc.property(data, fc.nat(LENGTH - 2), fc.integer({ min: 1, max: 31 }), (symbols, position, delta) => {
        const code = [...symbols, checkSymbol(symbols)];
        const substituted = code.with(position, (code[position] ?? 0) ^ delta);
        expect(hasValidCheck(substituted)).toBe(false);
        const swapped = code.with(position, code[position + 1] ?? 0).with(position + 1, code[position] ?? 0);
        expect(hasValidCheck(swapped)).toBe(code[position] === code[position + 1]);
      }),
    );
  });
});
