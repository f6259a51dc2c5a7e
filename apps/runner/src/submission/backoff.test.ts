import { describe, expect, it } from 'vitest';
import { exponentialBackoff } from './backoff.ts';

describe('exponentialBackoff', () => {
  it('doubles from 5 seconds up to an hour', () => {
    const delay = exponentialBackoff({ random: () => 1 });
    expect([0, 1, 2, 3, 9, 10, 11, 1_000].map(delay)).toEqual([
      5_000, 10_000, 20_000, 40_000, 2_560_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it('jitters between half and all of each step', () => {
    expect(exponentialBackoff({ random: () => 0 })(2)).toBe(10_000);
    expect(exponentialBackoff({ random: () => 0.5 })(2)).toBe(15_000);
    const delays = Array.from({ length: 200 }, () => exponentialBackoff()(3));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(20_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(40_000);
    expect(new Set(delays).size).toBeGreaterThan(1);
  });

  it('takes its base and cap from the options', () => {
    const delay = exponentialBackoff({ baseMs: 100, maxMs: 1_000, random: () => 1 });
    expect([0, 3, 4].map(delay)).toEqual([100, 800, 1_000]);
  });
});
