import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { household } from '../navigation/test-questionnaires.ts';
import { isItemId } from '../state.ts';
import { anyResponseState } from './random-answers.ts';

const sample = (hostileIds = false) =>
  fc.sample(anyResponseState(household, { hostileIds }), { seed: 1, numRuns: 300 });

describe('random response states', () => {
  const states = sample();

  it('hold answers that are valid, missing, of the wrong type or hostile', () => {
    const ages = states.flatMap((s) => Object.values(s.itemAnswers).map((values) => values['age-answer']));
    expect(ages.some((v) => typeof v === 'number')).toBe(true);
    expect(ages.some((v) => v === undefined)).toBe(true);
    expect(ages.some((v) => typeof v === 'string')).toBe(true);
    const relationships = states.flatMap((s) => Object.values(s.itemAnswers).map((values) => values.relationship));
    expect(relationships.some((v) => typeof v === 'object' && v !== null && !Array.isArray(v))).toBe(true);
  });

  it('store answers under unknown ids, prototype names included, as their own keys', () => {
    expect(states.some((s) => Object.hasOwn(s.answers, '__proto__'))).toBe(true);
    expect(states.some((s) => Object.hasOwn(s.answers, 'unknown-answer'))).toBe(true);
    expect(states.every((s) => Object.getPrototypeOf(s.answers) === Object.prototype)).toBe(true);
  });

  it('have lists with and without a primary item, and answers for items in no list', () => {
    expect(states.some((s) => s.lists.people?.primary !== undefined)).toBe(true);
    expect(states.some((s) => (s.lists.people?.items.length ?? 0) === 0)).toBe(true);
    expect(states.some((s) => Object.hasOwn(s.itemAnswers, 'ghost'))).toBe(true);
    expect(states.some((s) => s.completed.length > 0)).toBe(true);
  });

  it('use item ids a store keeps, unless asked for hostile ones', () => {
    const ids = (list: ReturnType<typeof sample>) =>
      list.flatMap((s) => Object.values(s.lists).flatMap((l) => l.items));
    expect(ids(states).every(isItemId)).toBe(true);
    expect(ids(sample(true)).some((id) => !isItemId(id))).toBe(true);
  });
});
