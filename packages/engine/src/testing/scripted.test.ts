import { describe, expect, it } from 'vitest';
import { answer, questionnaire, questionPage } from './build.ts';
import { fixture } from './files.ts';
import { respond } from './respondent.ts';
import { answeredState, scripted } from './scripted.ts';

const today = '2025-06-15';

describe('a scripted respondent', () => {
  it('gives the answers scripted, detail answers included, and generates every other one', () => {
    const q = fixture('answers-options');
    const state = answeredState(
      q,
      { answers: { 'breakfast-answer': 'other', 'breakfast-other-answer': 'Crumpets' } },
      { seed: 2, today },
    );
    expect(state.answers['breakfast-answer']).toBe('other');
    expect(state.answers['breakfast-other-answer']).toBe('Crumpets');
    expect(Object.keys(state.answers)).toEqual(
      expect.arrayContaining(['drinks-answer', 'cups-answer', 'region-answer']),
    );
  });

  it("gives each item its own answers, and each pair its relationship by the items' positions", () => {
    const q = fixture('relationships');
    const names = ['Siân', 'Cai', 'Mari'].map((first) => ({ 'first-name': first, 'last-name': 'Evans' }));
    const state = answeredState(
      q,
      { items: { people: names }, relationships: { '0>1': 'son-or-daughter', '0>2': 'unrelated', '1>2': 'unrelated' } },
      { seed: 1, today },
    );
    const [a, b, c] = state.lists.people?.items ?? [];
    expect([a, b, c].map((item) => state.itemAnswers[item ?? '']?.['first-name'])).toEqual(['Siân', 'Cai', 'Mari']);
    expect(state.itemAnswers[a ?? '']?.['relationship-answer']).toEqual({
      [b ?? '']: 'son-or-daughter',
      [c ?? '']: 'unrelated',
    });
    expect(state.itemAnswers[b ?? '']?.['relationship-answer']).toEqual({ [c ?? '']: 'unrelated' });
  });

  it('leaves out an exclusive answer when the script gives another answer of the question', () => {
    const q = fixture('mutually-exclusive');
    const seeds = [1, 2, 3, 4, 5, 6];
    // Left to themselves, some of these respondents prefer not to say.
    const unscripted = seeds.map((seed) => respond(q, { seed, today, skipRate: 0 }).state.answers);
    expect(unscripted.some((answers) => answers['income-exclusive-answer'] !== undefined)).toBe(true);
    for (const seed of seeds) {
      const state = answeredState(q, { answers: { 'income-answer': 1200 } }, { seed, today });
      expect(state.answers['income-answer']).toBe(1200);
      expect(state.answers['income-exclusive-answer']).toBeUndefined();
    }
  });

  it('answers every optional question, and gives the lists the items scripted', () => {
    const q = fixture('list-collector');
    const { listSizes, skipRate } = scripted(q, { items: { people: [{}, {}, {}] } });
    expect(listSizes).toEqual({ people: 3 });
    expect(skipRate).toBe(0);
    expect(answeredState(q, { items: { people: [{}, {}, {}] } }, { seed: 1, today }).lists.people?.items).toHaveLength(
      3,
    );
  });

  it('says where the script cannot be followed', () => {
    const q = questionnaire({
      pages: [questionPage('count', [answer('count-answer', 'number', { mandatory: true, max: { value: 5 } })])],
    });
    expect(() => answeredState(q, { answers: { 'count-answer': 9 } }, { seed: 1, today })).toThrow(
      'the scripted respondent did not complete test: no valid answer found at count',
    );
    expect(respond(q, { seed: 1, today, ...scripted(q, { answers: { 'count-answer': 4 } }) }).state.answers).toEqual({
      'count-answer': 4,
    });
  });
});
