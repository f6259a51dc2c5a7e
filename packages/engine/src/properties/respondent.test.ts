import { Submission } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.ts';
import { locationKey } from '../location.ts';
import { isComplete } from '../navigation/progress.ts';
import { normaliseState } from '../state.ts';
import { buildSubmission } from '../submission/index.ts';
import { buildSummary } from '../summary/index.ts';
import { answerAll, respond } from '../testing/index.ts';
import { documents, envelope, today } from './test-setup.ts';

/** Odd seeds take detours (a No to a confirmation, an extra list item removed); every third skips most optional answers. */
const seeds = [1, 2, 3, 4, 5, 6];
const journeyOf = (seed: number) => ({
  seed,
  today,
  detours: seed % 2 === 1 ? 0.5 : 0,
  skipRate: seed % 3 === 0 ? 0.9 : 0.2,
});

describe.each(documents)('$name answered by simulated respondents', ({ q }) => {
  // Generous for up to three people and two visitors, yet finite: a respondent going round in circles fails.
  const maxSteps = 25 * compile(q).pages.size;

  it.each(seeds)('can be completed, with no validation errors on valid input (seed %i)', (seed) => {
    const { state, steps, complete, stuck } = respond(q, { ...journeyOf(seed), maxSteps });
    const errors = steps.flatMap((s) => s.errors.map((e) => `${locationKey(s.location)}: ${e.code} ${e.message}`));
    expect(errors).toEqual([]);
    expect(stuck).toBeUndefined();
    expect(complete).toBe(true);
    expect(isComplete(q, state, { today })).toBe(true);
    expect(steps.length).toBeLessThanOrEqual(maxSteps);
  });

  it('leaves a state that survives storage unchanged', () => {
    for (const seed of seeds) {
      const { state } = respond(q, journeyOf(seed));
      expect(normaliseState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    }
  });

  it('is summarised, and submitted in a document the submission schema accepts', () => {
    for (const seed of [1, 2]) {
      const { state } = respond(q, { ...journeyOf(seed), skipRate: 0 });
      expect(buildSummary(q, state, { lang: q.languages[0] ?? 'en', today }).length).toBeGreaterThan(0);
      const submission = buildSubmission(q, state, envelope, { today });
      expect(Submission.safeParse(submission).error?.issues ?? []).toEqual([]);
      expect(submission.answers.length).toBeGreaterThan(0);
    }
  });

  it('answers the same way for the same seed', () => {
    const a = respond(q, journeyOf(7));
    const b = respond(q, journeyOf(7));
    expect(b.steps).toEqual(a.steps);
    expect(b.state).toEqual(a.state);
  });
});

describe('a census household', () => {
  it('of ten people is answered in full, every pair of people related', () => {
    const census = documents.find((d) => d.name === 'examples/census-household.json')?.q;
    expect(census).toBeDefined();
    if (!census) return;
    const { state, complete } = answerAll(census, 10, { seed: 10, today });
    expect(complete).toBe(true);
    const people = state.lists.people?.items ?? [];
    expect(people).toHaveLength(10);
    expect(state.lists.people?.primary).toBe(people[0]);
    const pairs = people.flatMap((item) => Object.keys(state.itemAnswers[item]?.relationship ?? {}));
    expect(pairs).toHaveLength(45);
  });
});
