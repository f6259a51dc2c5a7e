import { describe, expect, it } from 'vitest';
import { answer, type Json, options, question } from '../testing/build.ts';
import { exclusiveChoices } from './exclusive.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

const withQuestion = (...questions: Json[]) => ({
  pages: questions.map((q, i) => ({ id: `p${i}`, kind: 'question', question: q })),
});

describe('exclusive answers and options', () => {
  it('accepts a one-option checkbox as exclusive answer and exclusive checkbox options', () => {
    expect(runCheck(exclusiveChoices, householdSurvey())).toEqual([]);
    const none = { value: 'none', label: 'None', exclusive: true };
    const doc = withQuestion(question('q', [answer('pets', 'checkbox', { options: [...options('cat'), none] })]));
    expect(runCheck(exclusiveChoices, doc)).toEqual([]);
  });

  it('reports an exclusive answer with two options, and one from another question', () => {
    const doc = withQuestion(
      question('q', [answer('n'), answer('none', 'checkbox', { options: options('a', 'b') })], {
        exclusiveAnswer: 'none',
      }),
      question('r', [answer('m')], { exclusiveAnswer: 'n' }),
    );
    const problems = runCheck(exclusiveChoices, doc);
    expect(summary(problems)).toEqual([
      ['exclusive-answer-invalid', 'error', '/sections/0/pages/0/question/exclusiveAnswer'],
      ['exclusive-answer-invalid', 'error', '/sections/0/pages/1/question/exclusiveAnswer'],
    ]);
    expect(problems[1]?.message).toBe(
      'exclusiveAnswer "n" of question "r" must be a checkbox answer of this question with one option, but it is not an answer of this question',
    );
  });

  it('reports an exclusive option on a radio answer', () => {
    const doc = withQuestion(
      question('q', [
        answer('r', 'radio', { options: [...options('a'), { value: 'b', label: 'B', exclusive: true }] }),
      ]),
    );
    expect(summary(runCheck(exclusiveChoices, doc))).toEqual([
      ['exclusive-option-invalid', 'error', '/sections/0/pages/0/question/answers/0/options/1/exclusive'],
    ]);
  });
});
