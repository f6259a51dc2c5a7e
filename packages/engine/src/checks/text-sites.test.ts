import { Questionnaire } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { checkContext } from './context.ts';
import { householdSurvey } from './test-household.ts';

const ctx = checkContext(Questionnaire.parse(householdSurvey()));
const site = (pointer: string) => ctx.texts.find((t) => t.pointer === pointer);

describe('text sites', () => {
  it('yields every text of the questionnaire, pages, questions, answers and options with its pointer', () => {
    const pointers = ctx.texts.map((t) => t.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/title',
        '/introduction/title',
        '/sections/0/title',
        '/sections/1/repeat/title',
        '/sections/0/pages/1/title',
        '/sections/0/pages/1/itemPage/question/answers/1/label',
        '/sections/0/pages/1/removePage/question/title',
        '/sections/1/pages/1/variants/0/question/title',
        '/sections/2/pages/0/question/answers/2/options/0/label',
        '/sections/2/pages/1/title',
        '/sections/2/pages/3/question/answers/0/options/1/detailAnswer/label',
        '/sections/2/pages/4/title',
      ]),
    );
    expect(new Set(pointers).size).toBe(pointers.length);
    expect(ctx.texts.every((t) => t.text !== undefined)).toBe(true);
  });

  it('says which page a text is on and what it can see there', () => {
    expect(site('/sections/0/pages/1/removePage/question/title')).toMatchObject({
      page: { id: 'remove-person', role: 'remove' },
      scope: { where: 'remove page "remove-person"', itemList: 'people', pair: false },
    });
    expect(site('/sections/0/pages/2/question/title')?.scope).toMatchObject({ itemList: 'people', pair: true });
    expect(site('/sections/1/title')?.scope.itemList).toBeUndefined();
    expect(site('/sections/1/repeat/title')?.scope.itemList).toBe('people');
    expect(site('/title')?.page).toBeUndefined();
  });

  it('lets error messages see the answers of their own page, unlike the question they belong to', () => {
    const doc = householdSurvey() as { sections: { pages: { question?: { answers: Record<string, unknown>[] } }[] }[] };
    const food = doc.sections[2]?.pages[0]?.question?.answers[0];
    if (food) food.messages = { aboveMaximum: { en: 'Too much', cy: 'Gormod' } };
    const withMessage = checkContext(Questionnaire.parse(doc));
    const label = withMessage.texts.find((t) => t.pointer === '/sections/2/pages/0/question/answers/0/label');
    const message = withMessage.texts.find(
      (t) => t.pointer === '/sections/2/pages/0/question/answers/0/messages/aboveMaximum',
    );
    expect((message?.scope.collectedBefore ?? 0) - (label?.scope.collectedBefore ?? 0)).toBe(1);
  });
});
