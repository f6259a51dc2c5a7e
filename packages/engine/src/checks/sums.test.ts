import { describe, expect, it } from 'vitest';
import { answer, question, questionPage } from '../testing/build.ts';
import { sumAnswers } from './sums.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

describe('answers that are added up', () => {
  it('accepts totals and calculated summaries of numeric answers', () => {
    expect(runCheck(sumAnswers, householdSurvey())).toEqual([]);
  });

  it('reports a total of an answer that is not numeric or belongs to another question', () => {
    const doc = {
      pages: [
        questionPage('other', [answer('elsewhere')]),
        {
          id: 'p',
          kind: 'question',
          question: question('q', [answer('n'), answer('t', 'text')], {
            totals: [{ answers: ['n', 't', 'elsewhere'], mustBe: 'equal', total: 10 }],
          }),
        },
      ],
    };
    const problems = runCheck(sumAnswers, doc);
    expect(summary(problems)).toEqual([
      ['totals-answer-invalid', 'error', '/sections/0/pages/1/question/totals/0/answers/1'],
      ['totals-answer-invalid', 'error', '/sections/0/pages/1/question/totals/0/answers/2'],
    ]);
    expect(problems[0]?.message).toBe(
      'total rule 1 of question "q" adds up answer "t", which is not a numeric answer of this question',
    );
  });

  it('reports a total over a question with no numeric answers', () => {
    const doc = {
      pages: [
        {
          id: 'p',
          kind: 'question',
          question: question('q', [answer('t', 'text')], { totals: [{ mustBe: 'equal', total: 1 }] }),
        },
      ],
    };
    expect(summary(runCheck(sumAnswers, doc))).toEqual([
      ['totals-answer-invalid', 'error', '/sections/0/pages/0/question/totals/0'],
    ]);
  });

  it('reports a calculated summary adding up an answer that is not a number', () => {
    const doc = {
      pages: [
        questionPage('p', [answer('n'), answer('d', 'date')]),
        { id: 'sum', kind: 'calculatedSummary', title: 'Sum', answers: ['n', 'd'] },
      ],
    };
    expect(summary(runCheck(sumAnswers, doc))).toEqual([
      ['calculated-answer-invalid', 'error', '/sections/0/pages/1/answers/1'],
    ]);
  });
});
