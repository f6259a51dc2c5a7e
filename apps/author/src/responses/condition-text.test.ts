import { describe, expect, it } from 'vitest';
import { conditionText } from './condition-text.ts';

describe('conditionText', () => {
  it('writes comparisons of answers with quoted text values', () => {
    expect(conditionText({ '==': [{ answer: 'has-job' }, 'yes'] })).toBe('answer \'has-job\' == "yes"');
    expect(conditionText({ '<': [{ age: { answer: 'date-of-birth' } }, 16] })).toBe(
      "age from answer 'date-of-birth' < 16",
    );
  });

  it('brackets compound parts of and, or and not so that they read one way only', () => {
    expect(
      conditionText({
        or: [
          { and: [{ answered: { answer: 'a' } }, { '>': [{ listCount: 'people' }, 1] }] },
          { not: { metadata: 'x' } },
        ],
      }),
    ).toBe("(answer 'a' is answered and number of items in 'people' > 1) or (not metadata 'x')");
  });

  it('names other items, list operators and dates in words', () => {
    expect(conditionText({ in: [{ answer: 'tenure' }, ['rents', 'rent-free']] })).toBe(
      'answer \'tenure\' is one of ["rents","rent-free"]',
    );
    expect(conditionText({ 'any-in': [{ answer: 'sex', item: 'primary' }, ['female']] })).toBe(
      'answer \'sex\' of the respondent includes any of ["female"]',
    );
    expect(conditionText({ '>=': [{ answer: 'dob' }, { date: 'today', offset: { years: -16 } }] })).toBe(
      "answer 'dob' >= today - 16 years",
    );
    expect(conditionText({ isPrimary: 'current' })).toBe('the current item is the respondent');
  });
});
