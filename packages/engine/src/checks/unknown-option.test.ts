import { describe, expect, it } from 'vitest';
import { answer, options, questionPage, radio } from '../testing/build.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';
import { unknownOptions } from './unknown-option.ts';

const run = (skipWhen: unknown) =>
  runCheck(unknownOptions, {
    pages: [
      questionPage('p', [
        radio('colour', ['red', 'blue']),
        answer('pets', 'checkbox', { options: options('cat', 'dog') }),
      ]),
      questionPage('q', [answer('n')], { skipWhen }),
    ],
  });
const at = '/sections/0/pages/1/skipWhen';

describe('unknown-option', () => {
  it('accepts comparisons with option values and null', () => {
    expect(runCheck(unknownOptions, householdSurvey())).toEqual([]);
    expect(run({ or: [{ '==': [{ answer: 'colour' }, 'red'] }, { '!=': [{ answer: 'pets' }, null] }] })).toEqual([]);
  });

  it('warns at a literal that is not an option, on either side', () => {
    const problems = run({ '==': ['green', { answer: 'colour' }] });
    expect(summary(problems)).toEqual([['unknown-option', 'warning', `${at}/==/0`]]);
    expect(problems[0]?.message).toBe(
      'the skipWhen of page "q" compares answer "colour" with "green", which is not one of its values (red, blue)',
    );
  });

  it('warns at each element of a literal list that is not an option', () => {
    expect(summary(run({ 'any-in': [{ answer: 'pets' }, ['cat', 'cow', 'dog', 'hen']] }))).toEqual([
      ['unknown-option', 'warning', `${at}/any-in/1/1`],
      ['unknown-option', 'warning', `${at}/any-in/1/3`],
    ]);
  });

  it('warns about a section status that does not exist', () => {
    expect(summary(run({ '==': [{ sectionStatus: 's' }, 'done'] }))).toEqual([
      ['unknown-option', 'warning', `${at}/==/1`],
    ]);
  });
});
