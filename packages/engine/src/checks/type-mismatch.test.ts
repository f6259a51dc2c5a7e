import { describe, expect, it } from 'vitest';
import { answer, type Json, options, questionPage, radio } from '../testing/build.ts';
import { runCheck, summary } from './test-helpers.ts';
import { typeMismatch } from './type-mismatch.ts';

const pages = (extra: Json) => [
  questionPage('about', [
    answer('dob', 'date'),
    answer('name', 'text'),
    answer('pets', 'checkbox', { options: options('cat') }),
  ]),
  questionPage('next', [answer('count')], extra),
];
const run = (extra: Json, more: Json = {}) => runCheck(typeMismatch, { pages: pages(extra), ...more });
const when = '/sections/0/pages/1/routing/0/when';

describe('type-mismatch', () => {
  it('accepts comparisons of matching types, date-shaped literals and null', () => {
    const rule = {
      and: [
        { '>': [{ answer: 'dob' }, '2000-01'] },
        { '==': [{ answer: 'name' }, 'Ann'] },
        { '!=': [{ answer: 'count' }, null] },
        { 'any-in': [{ answer: 'pets' }, ['cat']] },
        { '<': [{ age: { answer: 'dob' } }, 16] },
        { '>=': [{ count: { answer: 'pets' } }, 1] },
      ],
    };
    expect(run({ routing: [{ when: rule, goTo: { end: 'section' } }] })).toEqual([]);
  });

  it('reports a date compared with text', () => {
    const problems = run({ routing: [{ when: { '==': [{ answer: 'dob' }, 'soon'] }, goTo: { end: 'section' } }] });
    expect(summary(problems)).toEqual([['type-mismatch', 'error', when]]);
    expect(problems[0]?.message).toContain('answer "dob" (a date)');
  });

  it('reports < on text', () => {
    const problems = run({ routing: [{ when: { '<': [{ answer: 'name' }, 'M'] }, goTo: { end: 'section' } }] });
    expect(summary(problems)).toEqual([['type-mismatch', 'error', when]]);
  });

  it('reports operands of and that are not conditions, at the operand', () => {
    const problems = run({ skipWhen: { and: [{ answered: { answer: 'name' } }, { answer: 'name' }] } });
    expect(summary(problems)).toEqual([['type-mismatch', 'error', '/sections/0/pages/1/skipWhen/and/1']]);
  });

  it('reports a condition that is not true or false', () => {
    expect(summary(run({ skipWhen: { answer: 'count' } }))).toEqual([
      ['type-mismatch', 'error', '/sections/0/pages/1/skipWhen'],
    ]);
  });

  it('reports any-in and count on a value that is not a list', () => {
    const problems = run({
      skipWhen: { or: [{ 'any-in': [{ answer: 'name' }, ['a']] }, { '>': [{ count: { answer: 'count' } }, 1] }] },
    });
    expect(summary(problems)).toEqual([
      ['type-mismatch', 'error', '/sections/0/pages/1/skipWhen/or/0/any-in/0'],
      ['type-mismatch', 'error', '/sections/0/pages/1/skipWhen/or/1/>/0/count'],
    ]);
  });

  it('reports a bound of the wrong type for its answer', () => {
    const doc = {
      pages: [
        questionPage('p', [
          answer('when', 'date', { min: { value: 5 } }),
          answer('n', 'number', { max: { value: { date: 'today' } } }),
        ]),
      ],
    };
    expect(summary(runCheck(typeMismatch, doc))).toEqual([
      ['type-mismatch', 'error', '/sections/0/pages/0/question/answers/0/min/value'],
      ['type-mismatch', 'error', '/sections/0/pages/0/question/answers/1/max/value'],
    ]);
  });

  it('accepts a year, a date or a date expression as the bound of a year answer, but not text', () => {
    const doc = {
      pages: [
        questionPage('p', [
          answer('name', 'text'),
          answer('built', 'year', { min: { value: 1900 }, max: { value: { date: 'today' } } }),
          answer('moved', 'year', { min: { value: '2000-01' }, max: { value: { answer: 'name' } } }),
        ]),
      ],
    };
    const problems = runCheck(typeMismatch, doc);
    expect(summary(problems)).toEqual([['type-mismatch', 'error', '/sections/0/pages/0/question/answers/2/max/value']]);
    expect(problems[0]?.message).toBe('the max of answer "moved" must be a year or a date, not text');
  });

  it('takes a date-shaped literal that is not a real date as text', () => {
    const problems = run({ skipWhen: { '>': [{ answer: 'dob' }, '2023-02-30'] } });
    expect(summary(problems)).toEqual([['type-mismatch', 'error', '/sections/0/pages/1/skipWhen']]);
    const doc = { pages: [questionPage('p', [answer('d', 'date', { min: { value: '2023-02-30' } })])] };
    expect(runCheck(typeMismatch, doc)[0]?.message).toBe('the min of answer "d" must be a date, not text');
  });

  it('types first by its operands, which must share a type', () => {
    const ownElseLaunch = { first: [{ answer: 'dob' }, { metadata: 'start' }, '2024-01'] };
    const fine = run(
      { skipWhen: { '<': [ownElseLaunch, { date: 'today' }] } },
      { metadata: [{ name: 'start', type: 'date' }] },
    );
    expect(fine).toEqual([]);
    const mixed = run({ skipWhen: { '==': [{ first: [{ answer: 'dob' }, null, { answer: 'name' }] }, 'x'] } });
    expect(summary(mixed)).toEqual([['type-mismatch', 'error', '/sections/0/pages/1/skipWhen/==/0/first/2']]);
    expect(mixed[0]?.message).toContain('first needs operands of one type, but got answer "name" (text) after a date');
    const used = run({ skipWhen: { '>': [{ first: [{ answer: 'count' }, 0] }, 'x'] } });
    expect(summary(used)).toEqual([['type-mismatch', 'error', '/sections/0/pages/1/skipWhen']]);
  });

  it('accepts first as a bound when its operands fit the answer', () => {
    const doc = {
      pages: [
        questionPage('p', [
          answer('from', 'date', { min: { value: { first: [{ metadata: 'start' }, { date: 'today' }] } } }),
          answer('n', 'number', { max: { value: { first: [{ metadata: 'start' }, 5] } } }),
        ]),
      ],
      metadata: [{ name: 'start', type: 'date' }],
    };
    const problems = runCheck(typeMismatch, doc);
    expect(summary(problems)).toEqual([
      ['type-mismatch', 'error', '/sections/0/pages/0/question/answers/1/max/value/first/1'],
    ]);
  });

  it('types metadata by its definition', () => {
    const problems = run(
      { skipWhen: { '>': [{ metadata: 'start' }, 3] } },
      { metadata: [{ name: 'start', type: 'date' }] },
    );
    expect(summary(problems)).toEqual([['type-mismatch', 'error', '/sections/0/pages/1/skipWhen']]);
  });

  it('reports a placeholder plural count that is not a number', () => {
    const doc = {
      pages: [questionPage('p', [radio('r', ['a'])])],
      placeholders: {
        things: { plural: { count: { answer: 'r' }, forms: { en: { one: 'thing', other: 'things' } } } },
      },
    };
    expect(summary(runCheck(typeMismatch, doc))).toEqual([
      ['type-mismatch', 'error', '/placeholders/things/plural/count'],
    ]);
  });
});
