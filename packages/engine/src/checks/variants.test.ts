import { describe, expect, it } from 'vitest';
import { answer, type Json, question, questionPage } from '../testing/build.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';
import { variantAnswersMismatch } from './variants.ts';

const withVariant = (answers: Json[]) => ({
  pages: [
    questionPage('p', [answer('a'), answer('b', 'text')], {
      variants: [{ when: true, question: question('p-q', answers) }],
    }),
  ],
});

describe('variant-answers-mismatch', () => {
  it('accepts variants with the same answer ids and types', () => {
    expect(runCheck(variantAnswersMismatch, householdSurvey())).toEqual([]);
    expect(runCheck(variantAnswersMismatch, withVariant([answer('b', 'text'), answer('a')]))).toEqual([]);
  });

  it('reports a missing answer, an extra answer and a changed type', () => {
    const problems = runCheck(variantAnswersMismatch, withVariant([answer('a', 'currency'), answer('c', 'text')]));
    expect(summary(problems)).toEqual([
      ['variant-answers-mismatch', 'error', '/sections/0/pages/0/variants/0/question/answers'],
      ['variant-answers-mismatch', 'error', '/sections/0/pages/0/variants/0/question/answers/0/type'],
      ['variant-answers-mismatch', 'error', '/sections/0/pages/0/variants/0/question/answers/1/id'],
    ]);
    expect(problems[0]?.message).toBe('variant 1 of page "p" has no answer "b", which the page\'s question has');
  });
});
