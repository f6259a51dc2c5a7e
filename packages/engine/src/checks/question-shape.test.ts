import { describe, expect, it } from 'vitest';
import { answer, type Json, listCollector, options, question, radio } from '../testing/build.ts';
import { questionShape } from './question-shape.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

const run = (...pages: Json[]) => runCheck(questionShape, { pages });

describe('question-shape', () => {
  it('accepts one radio answer on pages that act on a choice', () => {
    expect(runCheck(questionShape, householdSurvey())).toEqual([]);
  });

  it('reports a list collector asking more than one answer, and a remove page asking a checkbox', () => {
    const collector = listCollector('c', 'people', {
      question: question('c-q', [radio('more', ['yes', 'no']), answer('extra')]),
      removePage: {
        id: 'c-remove',
        question: question('c-remove-q', [answer('sure', 'checkbox', { options: options('yes') })]),
      },
    });
    const problems = run(collector);
    expect(summary(problems)).toEqual([
      ['question-shape', 'error', '/sections/0/pages/0/question/answers'],
      ['question-shape', 'error', '/sections/0/pages/0/removePage/question/answers'],
    ]);
    expect(problems[1]?.message).toBe('remove page "c-remove" must ask exactly one radio answer');
  });

  it('checks relationships and confirmation pages and variants', () => {
    const relationships = {
      id: 'rel',
      kind: 'relationships',
      list: 'people',
      question: question('rel-q', [answer('rel-a', 'text')]),
    };
    const confirmation = {
      id: 'ok',
      kind: 'confirmation',
      question: question('ok-q', [radio('ok-a', ['yes'])]),
      variants: [
        {
          when: true,
          question: question('ok-q', [answer('ok-a', 'dropdown', { options: options('yes') })]),
        },
      ],
      confirmValue: 'yes',
      rejectGoTo: 'c',
    };
    expect(summary(run(listCollector('c', 'people'), relationships, confirmation))).toEqual([
      ['question-shape', 'error', '/sections/0/pages/1/question/answers'],
      ['question-shape', 'error', '/sections/0/pages/2/variants/0/question/answers'],
    ]);
  });
});

describe('value-not-an-option', () => {
  it('reports addValue, removeValue and confirmValue that are not options', () => {
    const collector = listCollector('c', 'people', { addValue: 'Yes', removeValue: 'sure' });
    const primary = {
      id: 'me',
      kind: 'primaryPerson',
      list: 'people',
      question: question('me-q', [radio('me-a', ['yes', 'no'])]),
      addValue: 'y',
    };
    const confirmation = {
      id: 'ok',
      kind: 'confirmation',
      question: question('ok-q', [radio('ok-a', ['yes'])]),
      confirmValue: 'no',
      rejectGoTo: 'c',
    };
    const problems = run(primary, collector, confirmation);
    expect(summary(problems)).toEqual([
      ['value-not-an-option', 'error', '/sections/0/pages/0/addValue'],
      ['value-not-an-option', 'error', '/sections/0/pages/1/addValue'],
      ['value-not-an-option', 'error', '/sections/0/pages/1/removeValue'],
      ['value-not-an-option', 'error', '/sections/0/pages/2/confirmValue'],
    ]);
    expect(problems[1]?.message).toBe('addValue "Yes" of page "c" is not an option of answer "c-answer"');
  });
});
