import { readFileSync } from 'node:fs';
import { Questionnaire } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { isComplete } from '../navigation/progress.ts';
import { buildSummary } from './build-summary.ts';
import { largeHousehold } from './test-census.ts';
import { TODAY } from './test-respond.ts';

const census = Questionnaire.parse(
  JSON.parse(readFileSync(new URL('../../../schema/examples/census-household.json', import.meta.url), 'utf8')),
);

describe('summary performance', () => {
  it('summarises a 50-person census household, path included, within 20 ms', () => {
    const state = largeHousehold(census, 50);
    expect(isComplete(census, state, { today: TODAY })).toBe(true);
    const summary = buildSummary(census, state, { lang: 'cy', today: TODAY });
    expect(summary.filter((s) => s.section === 'individual')).toHaveLength(50);
    // The best of several runs once warmed up, so that other work on a busy machine does not decide the result.
    const times = Array.from({ length: 10 }, () => {
      const started = performance.now();
      buildSummary(census, state, { lang: 'cy', today: TODAY });
      return performance.now() - started;
    });
    expect(Math.min(...times)).toBeLessThan(20);
  });
});
