/**
 * CRC-32 of texts joined, from the CRC of each, as zlib's `crc32_combine` (which Node does not
 * expose): a frame's static parts are the same on every page, so each page's CRC adds theirs
 * instead of reading 18 kB again. Arithmetic on polynomials over GF(2) modulo the CRC's, reflected
 * as the CRC is; ported from zlib's crc32.c.
 */
const POLY = 0xedb88320;

/** a × b modulo the polynomial. */
function multiplyModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, for k from 0 to 31. */
const X2N: number[] = [0x40000000];
for (let k = 1; k < 32; k++) X2N.push(multiplyModP(X2N[k - 1] as number, X2N[k - 1] as number));

/** What a CRC is multiplied by when `length` bytes follow the text it is of: x^(8 × length). */
export function crc32Shift(length: number): number {
  let p = 0x80000000;
  for (let n = length, k = 3; n > 0; n = Math.floor(n / 2), k++) {
    if (n % 2 === 1) p = multiplyModP(X2N[k % 32] as number, p);
  }
  return p;
}

/** The CRC-32 of a text followed by another, from the first's CRC and the second's CRC and shift (`crc32Shift` of its length). */
export function crc32Combine(first: number, second: number, secondShift: number): number {
  return (multiplyModP(secondShift, first) ^ second) >>> 0;
}
