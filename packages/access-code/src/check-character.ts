/**
 * The check character: Damm's algorithm over base32, using the totally anti-symmetric
 * quasigroup x * y = 2x + y in the field GF(32) (+ is XOR, 2x is multiplication by the
 * polynomial x modulo x^5 + x^2 + 1). Since (c * x) * y = (c * y) * x only when 3x = 3y, that is
 * x = y, the check catches every single substitution and every adjacent transposition, including
 * those involving the check character itself (see the README for the argument and
 * check-character.test.ts for the exhaustive proof).
 */

const FIELD_SIZE = 32;
const REDUCTION = 0b100101;

function double(value: number): number {
  const shifted = value << 1;
  return shifted & FIELD_SIZE ? shifted ^ REDUCTION : shifted;
}

/** The quasigroup's running value after the given symbols. */
function interim(symbols: readonly number[]): number {
  let value = 0;
  for (const symbol of symbols) value = double(value) ^ symbol;
  return value;
}

/** The symbol that brings the running value of `data` followed by it back to 0. */
export function checkSymbol(data: readonly number[]): number {
  return double(interim(data));
}

/** Whether a full code (data then check symbol) is consistent. */
export function hasValidCheck(symbols: readonly number[]): boolean {
  return interim(symbols) === 0;
}
