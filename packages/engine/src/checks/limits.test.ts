import { describe, expect, it } from 'vitest';
import { answer, type Json, listCollector, questionPage } from '../testing/build.ts';
import { impossibleLimits } from './limits.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

const run = (...answers: Json[]) => runCheck(impossibleLimits, { pages: [questionPage('p', answers)] });

describe('min-greater-than-max', () => {
  it('accepts limits that leave room for a value, and bounds that are not literals', () => {
    expect(runCheck(impossibleLimits, householdSurvey())).toEqual([]);
    expect(run(answer('n', 'number', { min: { value: 1 }, max: { value: 1 } }))).toEqual([]);
    expect(run(answer('d', 'date', { min: { value: { date: 'today' } }, max: { value: '2000-01-01' } }))).toEqual([]);
  });

  it('reports numbers, dates, durations and lengths whose minimum is above the maximum', () => {
    const problems = run(
      answer('n', 'number', { min: { value: 10 }, max: { value: 5 } }),
      answer('m', 'currency', { min: { value: 5 }, max: { value: 5, exclusive: true } }),
      answer('d', 'date', { min: { value: '2020-02-01' }, max: { value: '2020-01' } }),
      answer('l', 'duration', { min: { years: 2 }, max: { months: 12 } }),
      answer('t', 'text', { minLength: 5, maxLength: 2 }),
    );
    const at = '/sections/0/pages/0/question/answers';
    expect(summary(problems)).toEqual([
      ['min-greater-than-max', 'error', `${at}/0/min/value`],
      ['min-greater-than-max', 'error', `${at}/1/min/value`],
      ['min-greater-than-max', 'error', `${at}/2/min/value`],
      ['min-greater-than-max', 'error', `${at}/3/min`],
      ['min-greater-than-max', 'error', `${at}/4/minLength`],
    ]);
    expect(problems[0]?.message).toBe('answer "n" has a minimum of 10 and a maximum of 5: no value is allowed');
  });

  it('compares literal dates at the answer’s precision, as validation does', () => {
    const at = '/sections/0/pages/0/question/answers';
    const problems = run(
      answer('m', 'monthYear', { min: { value: '2020-06-15' }, max: { value: '2020-06-01' } }),
      answer('y', 'year', { min: { value: '2020-03-01' }, max: { value: 2020 } }),
      answer('z', 'year', { min: { value: '2021-01-01' }, max: { value: 2020 } }),
      answer('e', 'monthYear', { min: { value: '2020-06-15', exclusive: true }, max: { value: '2020-06-30' } }),
    );
    expect(summary(problems)).toEqual([
      ['min-greater-than-max', 'error', `${at}/2/min/value`],
      ['min-greater-than-max', 'error', `${at}/3/min/value`],
    ]);
  });

  it('leaves bounds validation cannot apply to the type check', () => {
    expect(run(answer('d', 'date', { min: { value: 2020 }, max: { value: 2000 } }))).toEqual([]);
  });

  it('reports a list collector needing more items than it allows', () => {
    const doc = { pages: [listCollector('c', 'people', { minItems: 3, maxItems: 2 })] };
    expect(summary(runCheck(impossibleLimits, doc))).toEqual([
      ['min-greater-than-max', 'error', '/sections/0/pages/0/minItems'],
    ]);
  });
});
