import { describe, expect, it } from 'vitest';
import { household as smallHousehold } from '../navigation/test-questionnaires.ts';
import { example } from './files.ts';
import { household } from './household.ts';

const today = '2025-06-15';
const census = example('census-household');

describe('a household for tests and benchmarks', () => {
  const { state, people, complete } = household(census, 12, { seed: 3, today, answered: 4 });
  const model = people[3] ?? '';
  const relations = (item: string) => (state.itemAnswers[item]?.relationship ?? {}) as Record<string, unknown>;

  it('answers the first people through the engine and copies the last of them to the others', () => {
    expect(complete).toBe(true);
    expect(state.lists.people?.items).toEqual(people);
    expect(state.lists.people?.primary).toBe(people[0]);
    expect(people.slice(4)).toEqual(['copy1', 'copy2', 'copy3', 'copy4', 'copy5', 'copy6', 'copy7', 'copy8']);
    const { relationship: _, ...own } = state.itemAnswers[model] ?? {};
    expect(Object.keys(own).length).toBeGreaterThan(10);
    for (const copy of people.slice(4)) expect(state.itemAnswers[copy]).toMatchObject(own);
    expect(state.completed).toContain('date-of-birth@copy8');
  });

  it('relates every pair, as the respondent is to the person copied', () => {
    const pairs = people.flatMap((item, i) => people.slice(i + 1).map((to) => relations(item)[to]));
    expect(pairs).toHaveLength(66);
    expect(pairs.every((value) => typeof value === 'string')).toBe(true);
    const respondentToModel = relations(people[0] ?? '')[model];
    expect(relations(people[1] ?? '').copy1).toBe(respondentToModel);
    expect(relations('copy1').copy8).toBe(respondentToModel);
    expect(state.completed).toContain('relationships@copy1>copy8');
  });

  it('is the journey itself when no one needs copying, and the same for the same seed', () => {
    const two = household(census, 2, { seed: 3, today, answered: 4 });
    expect(two.complete).toBe(true);
    expect(two.people).toHaveLength(2);
    expect(two.people.some((item) => item.startsWith('copy'))).toBe(false);
    expect(household(census, 12, { seed: 3, today, answered: 4 }).state).toEqual(state);
  });

  it('keeps to the most items its list collector allows', () => {
    const full = household(smallHousehold, 9, { seed: 1, today });
    expect(full.people).toHaveLength(6);
    expect(full.complete).toBe(true);
  });
});
