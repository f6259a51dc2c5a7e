import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.ts';
import { fixture } from '../testing/files.ts';
import { answeredState } from '../testing/scripted.ts';
import { renderText } from '../text/render.ts';
import { locationContext } from './context.ts';

const today = '2025-06-01';

describe('locationContext', () => {
  const q = fixture('repeating-section');
  const state = answeredState(
    q,
    {
      items: {
        people: [
          { 'first-name': 'Ann', 'last-name': 'Lee', 'date-of-birth-answer': '1980-02-03' },
          { 'first-name': 'Tom', 'last-name': 'Lee', 'date-of-birth-answer': '2015-07-08' },
        ],
      },
    },
    { today, seed: 1 },
  );
  const [ann, tom] = state.lists.people?.items ?? [];

  it('gives a repeating section page its item and list, so texts and answers are the item’s', () => {
    const ctx = locationContext(
      q,
      state,
      { kind: 'page', section: 'personal-details', page: 'sex', item: tom },
      {
        lang: 'en',
        today,
      },
    );
    expect(ctx).toMatchObject({ item: tom, list: 'people', lang: 'en', today });
    expect(renderText('{person_name}', ctx)).toBe('Tom Lee');
    expect(evaluate({ answer: 'date-of-birth-answer' }, ctx)).toBe('2015-07-08');
  });

  it('counts only answers on the path: a skipped page’s stale answer reads as unanswered', () => {
    const stale = {
      ...state,
      itemAnswers: {
        ...state.itemAnswers,
        [tom as string]: { ...state.itemAnswers[tom as string], 'paid-work-answer': 'yes' },
      },
    };
    const at = (item: string | undefined) =>
      locationContext(q, stale, { kind: 'sectionSummary', section: 'personal-details', item }, { lang: 'en', today });
    expect(evaluate({ answer: 'paid-work-answer' }, at(tom))).toBeUndefined();
    expect(evaluate({ answered: { answer: 'paid-work-answer' } }, at(ann))).toBe(true);
  });

  it('reports section statuses from the path', () => {
    const ctx = locationContext(q, state, { kind: 'summary' }, { lang: 'en', today });
    expect(evaluate({ sectionStatus: 'household' }, ctx)).toBe('completed');
    expect(ctx.item).toBeUndefined();
  });
});
