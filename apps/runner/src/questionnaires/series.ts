/** Access-code series are 20 bits (see @eq/access-code); 0 is left unused. */
const SERIES_COUNT = 2 ** 20 - 1;

/**
 * Access-code series numbers for questionnaires that do not come from the author app: 1 plus the
 * slug's FNV-1a hash modulo 2^20 − 1, so a slug keeps its number whatever other files are added
 * or removed. Two slugs with the same number (rare) are settled in slug order: the later one takes
 * the next free number.
 */
export function seriesNumbers(slugs: string[]): Map<string, number> {
  const taken = new Set<number>();
  const numbers = new Map<string, number>();
  for (const slug of [...new Set(slugs)].sort()) {
    let series = (fnv1a(slug) % SERIES_COUNT) + 1;
    while (taken.has(series)) series = (series % SERIES_COUNT) + 1;
    taken.add(series);
    numbers.set(slug, series);
  }
  return numbers;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
