import { describe, expect, it } from 'vitest';
import { locationKey } from '../location.ts';
import { household, householdHub, routing } from '../navigation/test-questionnaires.ts';
import { answer, questionnaire, questionPage } from './build.ts';
import { answerAll, respond } from './respondent.ts';

const today = '2025-06-15';
const posted = (steps: ReturnType<typeof respond>['steps']) =>
  steps.map((s) => `${locationKey(s.location)} ${JSON.stringify(s.form)}`);

describe('a simulated respondent', () => {
  it('adds the people asked for, themself first, and goes through every pair and every person', () => {
    const { state, complete } = respond(household, { seed: 1, today, people: 4 });
    expect(complete).toBe(true);
    const people = state.lists.people?.items ?? [];
    expect(people).toHaveLength(4);
    expect(state.lists.people?.primary).toBe(people[0]);
    expect(state.completed.filter((key) => key.startsWith('relationships@'))).toHaveLength(6);
    expect(state.completed.filter((key) => key.startsWith('age@'))).toHaveLength(4);
  });

  it("keeps the household within the list's maximum", () => {
    expect(respond(household, { seed: 1, today, people: 9 }).state.lists.people?.items).toHaveLength(6);
  });

  it('gives every answer it is asked for when answering all', () => {
    const { state } = answerAll(household, 3, { seed: 2, today });
    const people = state.lists.people?.items ?? [];
    expect(people).toHaveLength(3);
    expect(people.every((item) => typeof state.itemAnswers[item]?.['age-answer'] === 'number')).toBe(true);
    expect(people.flatMap((item) => Object.keys(state.itemAnswers[item]?.relationship ?? {}))).toHaveLength(3);
  });

  it('posts the form the caller chooses in place of its own', () => {
    const { steps, complete } = respond(routing, {
      seed: 3,
      today,
      choose: ({ location }) =>
        location.kind === 'page' && location.page === 'start' ? { 'start-answer': 'short' } : undefined,
    });
    expect(complete).toBe(true);
    expect(posted(steps)[0]).toBe('start {"start-answer":"short"}');
    expect(steps.map((s) => locationKey(s.location))).not.toContain('detail');
  });

  it('says No to a confirmation once when taking detours, goes back, then confirms', () => {
    const { steps, complete } = respond(routing, {
      seed: 4,
      today,
      detours: 1,
      choose: ({ location }) =>
        location.kind === 'page' && location.page === 'start' ? { 'start-answer': 'stop' } : undefined,
    });
    expect(complete).toBe(true);
    const visits = steps.map((s) => locationKey(s.location));
    expect(posted(steps).filter((p) => p.startsWith('check '))).toEqual([
      'check {"check-answer":"no"}',
      'check {"check-answer":"yes"}',
    ]);
    expect(visits.filter((v) => v === 'extra')).toHaveLength(2);
  });

  it('adds an extra person and removes them again when taking detours', () => {
    const { steps, state, complete } = respond(household, { seed: 5, today, people: 2, detours: 1 });
    expect(complete).toBe(true);
    expect(posted(steps).filter((p) => p.startsWith('people-remove@'))).toHaveLength(1);
    expect(state.lists.people?.items).toHaveLength(2);
  });

  it('chooses sections at the hub until the questionnaire is complete', () => {
    for (const seed of [1, 2, 3, 4]) expect(respond(householdHub, { seed, today }).complete).toBe(true);
  });

  it('takes the same journey for the same seed, and another for another seed', () => {
    const journey = (seed: number) => posted(respond(household, { seed, today }).steps);
    expect(journey(6)).toEqual(journey(6));
    expect(journey(7)).not.toEqual(journey(6));
  });

  it('starts from a given state, keeping its launch values', () => {
    const start = { answers: {}, itemAnswers: {}, lists: {}, completed: [], metadata: { ru_name: 'Given' } };
    expect(respond(routing, { seed: 1, today, state: start }).state.metadata).toEqual({ ru_name: 'Given' });
  });

  it('stops, saying where, when no valid answer can be given', () => {
    const impossible = questionnaire({
      pages: [
        questionPage('count', [
          answer('count-answer', 'number', { mandatory: true, min: { value: 10 }, max: { value: 5 } }),
        ]),
      ],
    });
    const { steps, complete, stuck } = respond(impossible, { seed: 1, today });
    expect(complete).toBe(false);
    expect(stuck).toBe('no valid answer found at count');
    expect(steps.map((s) => s.errors.map((e) => e.code))).toEqual([['mandatory'], ['mandatory'], ['mandatory']]);
  });

  it('stops after the most steps it is allowed', () => {
    const { steps, complete, stuck } = respond(household, { seed: 1, today, people: 3, maxSteps: 2 });
    expect(steps).toHaveLength(2);
    expect(complete).toBe(false);
    expect(stuck).toBe('more than 2 steps');
  });
});
