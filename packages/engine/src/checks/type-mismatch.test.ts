import { describe, expect, it } from 'vitest';
import { answer, questionnaire, questionPage, radio, runCheck, section, summary } from './test-helpers.ts';
import { typeMismatch } from './type-mismatch.ts';

const pages = (extra: Record<string, unknown>) => [
  questionPage('about', [
    answer('dob', 'date'),
    answer('name', 'text'),
    answer('pets', 'checkbox', { options: [{ value: 'cat', label: 'Cat' }] }),
  ]),
  questionPage('next', [answer('count')], extra),
];
const run = (extra: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  runCheck(typeMismatch, questionnaire([section('s', pages(extra))], more));
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
    const doc = questionnaire([
      section('s', [
        questionPage('p', [
          answer('when', 'date', { min: { value: 5 } }),
          answer('n', 'number', { max: { value: { date: 'today' } } }),
        ]),
      ]),
    ]);
    expect(summary(runCheck(typeMismatch, doc))).toEqual([
      ['type-mismatch', 'error', '/sections/0/pages/0/question/answers/0/min/value'],
      ['type-mismatch', 'error', '/sections/0/pages/0/question/answers/1/max/value'],
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
    const doc = questionnaire([section('s', [questionPage('p', [radio('r', ['a'])])])], {
      placeholders: {
        things: { plural: { count: { answer: 'r' }, forms: { en: { one: 'thing', other: 'things' } } } },
      },
    });
    expect(summary(runCheck(typeMismatch, doc))).toEqual([
      ['type-mismatch', 'error', '/placeholders/things/plural/count'],
    ]);
  });
});
