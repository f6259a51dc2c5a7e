import { describe, expect, it } from 'vitest';
import { seriesNumbers } from './series.ts';

describe('seriesNumbers', () => {
  it('gives a slug the same number whatever other slugs there are', () => {
    const alone = seriesNumbers(['census-household']).get('census-household');
    const among = seriesNumbers(['business-survey', 'census-household', 'zebra']).get('census-household');
    expect(alone).toBe(among);
  });

  it('gives every slug a distinct number within the 20 bits of an access-code series', () => {
    const slugs = Array.from({ length: 5_000 }, (_, i) => `questionnaire-${i}`);
    const numbers = [...seriesNumbers(slugs).values()];
    expect(new Set(numbers).size).toBe(slugs.length);
    for (const n of numbers) expect(n >= 1 && n < 2 ** 20).toBe(true);
  });
});
