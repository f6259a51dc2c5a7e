import { describe, expect, it } from 'vitest';
import { answer, questionPage, section } from '../testing/build.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';
import { translations } from './translations.ts';

describe('missing-translation', () => {
  it('accepts a questionnaire translated into every declared language', () => {
    expect(runCheck(translations, householdSurvey())).toEqual([]);
  });

  it('accepts plain strings when there is one language', () => {
    expect(runCheck(translations, { pages: [questionPage('p', [answer('a')])] })).toEqual([]);
  });

  it('reports plain strings and missing languages when there are several', () => {
    const doc = {
      sections: [
        section(
          's',
          [
            questionPage('p', [
              answer('a', 'number', { label: { en: 'Age' }, description: { en: 'In years', cy: 'Mewn blynyddoedd' } }),
            ]),
          ],
          { title: { en: 'About', cy: 'Am' } },
        ),
      ],
      languages: ['en', 'cy'],
      title: { en: 'Survey', cy: 'Arolwg' },
    };
    const problems = runCheck(translations, doc);
    expect(summary(problems)).toEqual([
      ['missing-translation', 'error', '/sections/0/pages/0/question/title'],
      ['missing-translation', 'error', '/sections/0/pages/0/question/answers/0/label'],
    ]);
    expect(problems[1]?.message).toBe('text on page "p" has no "cy" version');
  });

  it('reports plural forms missing a language, and warns about undeclared languages', () => {
    const doc = {
      pages: [questionPage('p', [answer('a', 'number', { label: { en: '{n}', fr: '{n}' } })])],
      placeholders: { n: { plural: { count: 1, forms: { cy: { other: 'pethau' } } } } },
    };
    expect(summary(runCheck(translations, doc))).toEqual([
      ['undeclared-language', 'warning', '/sections/0/pages/0/question/answers/0/label/fr'],
      ['missing-translation', 'error', '/placeholders/n/plural/forms'],
      ['undeclared-language', 'warning', '/placeholders/n/plural/forms/cy'],
    ]);
  });
});
