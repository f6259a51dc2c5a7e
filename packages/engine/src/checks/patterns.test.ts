import { describe, expect, it } from 'vitest';
import { answer, questionPage } from '../testing/build.ts';
import { invalidPatterns } from './patterns.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

const withPattern = (regex: string) => ({
  pages: [questionPage('p', [answer('code', 'text', { pattern: { regex } })])],
});

describe('invalid-pattern', () => {
  it('accepts valid regular expressions, with or without unicode escapes', () => {
    expect(runCheck(invalidPatterns, householdSurvey())).toEqual([]);
    expect(runCheck(invalidPatterns, withPattern('[A-Z]{2}\\d{6}'))).toEqual([]);
    expect(runCheck(invalidPatterns, withPattern('\\p{L}+'))).toEqual([]);
  });

  it('reports a pattern that does not compile', () => {
    const problems = runCheck(invalidPatterns, withPattern('[a-z'));
    expect(summary(problems)).toEqual([
      ['invalid-pattern', 'error', '/sections/0/pages/0/question/answers/0/pattern/regex'],
    ]);
    expect(problems[0]?.message).toBe('the pattern of answer "code" is not a valid regular expression');
  });

  it('reports a pattern that only compiles by closing the group it is wrapped in', () => {
    expect(summary(runCheck(invalidPatterns, withPattern('a)|(b')))).toHaveLength(1);
  });
});
