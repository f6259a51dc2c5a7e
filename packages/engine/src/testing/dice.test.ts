import { describe, expect, it } from 'vitest';
import { dice, mulberry32 } from './dice.ts';

describe('seeded dice', () => {
  it('roll the same numbers for the same seed, and others for another seed', () => {
    const roll = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(roll(1)).toEqual(roll(1));
    expect(roll(2)).not.toEqual(roll(1));
    expect(roll(3).every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('give whole numbers between both bounds, each bound included', () => {
    const d = dice(mulberry32(4));
    const rolls = new Set(Array.from({ length: 200 }, () => d.int(-1, 2)));
    expect([...rolls].sort()).toEqual([-1, 0, 1, 2]);
  });

  it('shuffle without losing or repeating an item', () => {
    const d = dice(mulberry32(5));
    expect(d.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(d.pick([])).toBeUndefined();
  });
});
