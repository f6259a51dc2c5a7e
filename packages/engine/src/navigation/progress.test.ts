import { describe, expect, it } from 'vitest';
import { stateWith } from '../testing/context.ts';
import { isComplete } from './progress.ts';
import { household, routing } from './test-questionnaires.ts';

const today = '2024-06-01';

describe('isComplete', () => {
  it('is false while a location on the path is incomplete', () => {
    expect(isComplete(routing, stateWith({ completed: ['start'] }), { today })).toBe(false);
  });

  it('is true when every location before the summary is complete', () => {
    const state = stateWith({ answers: { 'start-answer': 'stop', 'check-answer': 'yes' } });
    const completed = ['start', 'extra', 'total', 'check', 'last'];
    expect(isComplete(routing, { ...state, completed }, { today })).toBe(true);
    expect(isComplete(routing, { ...state, completed: completed.slice(1) }, { today })).toBe(false);
  });

  it('needs every repeat of a repeating section', () => {
    const state = stateWith({
      answers: { 'you-live-here-answer': 'no', 'people-answer': 'no' },
      lists: { people: { items: ['ann'] } },
      itemAnswers: { ann: { 'age-answer': 5 } },
      completed: ['you-live-here', 'people'],
    });
    expect(isComplete(household, state, { today })).toBe(false);
    expect(isComplete(household, { ...state, completed: [...state.completed, 'age@ann'] }, { today })).toBe(true);
  });
});
