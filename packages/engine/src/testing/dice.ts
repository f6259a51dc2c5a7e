/**
 * Seeded randomness for simulated respondents: the same seed gives the same respondent, so a
 * failing journey can be replayed. Math.random is never used unless the caller passes it in.
 */
export interface Dice {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T | undefined;
  shuffle<T>(items: readonly T[]): T[];
  /** A seed for another generator (fast-check), drawn from this one. */
  seed(): number;
}

/** mulberry32: a tiny, fast 32-bit generator, good enough to vary test input. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function dice(random: () => number): Dice {
  const int = (min: number, max: number) => (max <= min ? min : min + Math.floor(random() * (max - min + 1)));
  return {
    next: random,
    int,
    chance: (probability) => random() < probability,
    pick: (items) => (items.length === 0 ? undefined : items[int(0, items.length - 1)]),
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    seed: () => Math.floor(random() * 0x7fffffff),
  };
}
