import type { Answer, Question } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { validateQuestion } from '../answers/validate.ts';
import type { EvalContext } from '../evaluate.ts';
import { questionnaire } from './build.ts';
import { evalContext } from './context.ts';
import { dice, mulberry32 } from './dice.ts';
import { answerQuestion, questionForm } from './question-form.ts';

const base = { label: 'Label', qCode: 'q' };
const today = '2025-06-15';

/** One answer of every type, with bounds (exclusive, relative to today and to each other), patterns and details. */
const answers: Answer[] = [
  { ...base, id: 'name', type: 'text', mandatory: true, minLength: 3, maxLength: 8 },
  { ...base, id: 'ni', type: 'text', pattern: { regex: '[A-CEGHJ-PR-TW-Z]{2}\\d{6}[A-D]' } },
  { ...base, id: 'notes', type: 'textarea', maxLength: 40 },
  { ...base, id: 'low', type: 'currency', mandatory: true, min: { value: 0, exclusive: true } },
  { ...base, id: 'high', type: 'currency', mandatory: true, max: { value: 100 } },
  { ...base, id: 'usual', type: 'currency', min: { value: { answer: 'low' } }, max: { value: { answer: 'high' } } },
  { ...base, id: 'share', type: 'percentage', decimalPlaces: 1, max: { value: 100, exclusive: true } },
  { ...base, id: 'tiny', type: 'number', decimalPlaces: 2, max: { value: { sum: [0.1, 0.7] } } },
  { ...base, id: 'area', type: 'unit', unit: 'square-meter', min: { value: -5 }, max: { value: -1 } },
  {
    ...base,
    id: 'born',
    type: 'date',
    mandatory: true,
    min: { value: { date: 'today', offset: { years: -115 } } },
    max: { value: { date: 'today', offset: { years: -16 } } },
  },
  { ...base, id: 'next', type: 'date', min: { value: { date: 'today' }, exclusive: true } },
  {
    ...base,
    id: 'moved',
    type: 'monthYear',
    min: { value: { answer: 'born' } },
    max: { value: { date: 'today' }, exclusive: true },
  },
  { ...base, id: 'arrived', type: 'year', min: { value: 1900 }, max: { value: { date: 'today' } } },
  { ...base, id: 'job', type: 'duration', mandatory: true, min: { months: 3 }, max: { years: 2 } },
  { ...base, id: 'contract', type: 'duration', units: ['years'], min: { months: 13 }, max: { months: 40 } },
  {
    ...base,
    id: 'heating',
    type: 'checkbox',
    mandatory: true,
    options: [
      { value: 'gas', label: 'Gas' },
      { value: 'other', label: 'Other', detailAnswer: { ...base, id: 'heating-other', type: 'text', mandatory: true } },
      { value: 'none', label: 'None', exclusive: true },
    ],
  },
  {
    ...base,
    id: 'tenure',
    type: 'radio',
    options: [
      { value: 'own', label: 'Own' },
      { value: 'rent', label: 'Rent' },
    ],
  },
  { ...base, id: 'region', type: 'dropdown', options: [{ value: 'wales', label: 'Wales' }] },
  { ...base, id: 'email', type: 'email' },
  { ...base, id: 'mobile', type: 'mobile' },
  { ...base, id: 'postcode', type: 'postcode' },
  { ...base, id: 'home', type: 'address', mandatory: true },
];

function contextFor(question: Question): EvalContext {
  return evalContext(questionnaire({ pages: [{ id: 'p', kind: 'question', question }] }), {}, { today });
}

function errorsOf(question: Question, seed: number, skipRate = 0.2): string[] {
  const ctx = contextFor(question);
  const random = dice(mulberry32(seed));
  const form = questionForm(question, answerQuestion(question, ctx, random, skipRate), random);
  return validateQuestion(question, form, { ...ctx, lang: 'en' }).errors.map((e) => `${e.answerId}: ${e.message}`);
}

const seeds = Array.from({ length: 100 }, (_, i) => i + 1);

describe('a generated answer to a question', () => {
  const question: Question = { id: 'q', title: 'Everything', answers };

  it('validates for answers of every type within their bounds, whatever the seed', () => {
    expect(seeds.flatMap((seed) => errorsOf(question, seed))).toEqual([]);
  });

  it('answers every required answer, and leaves optional ones empty as often as asked', () => {
    const ctx = contextFor(question);
    const given = seeds.map((seed) => answerQuestion(question, ctx, dice(mulberry32(seed)), 1));
    expect(given.every((values) => values.name !== undefined && values.job !== undefined)).toBe(true);
    expect(given.every((values) => values.notes === undefined && values.email === undefined)).toBe(true);
  });

  it('gives an exclusive option on its own', () => {
    const ctx = contextFor(question);
    const choices = seeds.map((seed) => answerQuestion(question, ctx, dice(mulberry32(seed)), 0).heating);
    expect(choices).toContainEqual(['none']);
    expect(choices.filter((c) => Array.isArray(c) && c.includes('none') && c.length > 1)).toEqual([]);
  });

  it('gives the exclusive answer of a question in place of all the others, required ones included', () => {
    const preferNot: Answer = { ...base, id: 'prefer-not', type: 'checkbox', options: [{ value: 'yes', label: 'No' }] };
    const income: Question = {
      id: 'income',
      title: 'Income',
      answers: [{ ...base, id: 'pay', type: 'currency', mandatory: true }, preferNot],
      exclusiveAnswer: 'prefer-not',
    };
    const ctx = contextFor(income);
    const given = seeds.map((seed) => answerQuestion(income, ctx, dice(mulberry32(seed)), 0));
    expect(given).toContainEqual({ 'prefer-not': ['yes'] });
    expect(given.filter((values) => values.pay !== undefined && values['prefer-not'] !== undefined)).toEqual([]);
    expect(seeds.flatMap((seed) => errorsOf(income, seed))).toEqual([]);
  });
});

describe('generated numbers under totals rules', () => {
  const part = (id: string, extra: Partial<Answer> = {}): Answer =>
    ({ ...base, id, type: 'currency', min: { value: 0 }, max: { value: 100 }, ...extra }) as Answer;
  const mustBes = ['equal', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual'] as const;

  it.each(mustBes)('add up to a total they must be %s, to the penny', (mustBe) => {
    const question: Question = {
      id: 'q',
      title: 'Spending',
      answers: [part('a', { mandatory: true }), part('b'), part('c', { mandatory: true })],
      totals: [{ mustBe, total: { sum: [0.1, 0.2, 99.7] } }],
    };
    expect(seeds.flatMap((seed) => errorsOf(question, seed))).toEqual([]);
  });

  it('meet every rule over the same answers at once', () => {
    const question: Question = {
      id: 'q',
      title: 'Sales',
      answers: [part('uk', { mandatory: true }), part('abroad', { mandatory: true })],
      totals: [
        { mustBe: 'greaterThan', total: 0 },
        { mustBe: 'lessThanOrEqual', total: 1 },
      ],
    };
    expect(seeds.flatMap((seed) => errorsOf(question, seed))).toEqual([]);
  });

  it('are left empty when no sum can meet the rule and none is required', () => {
    const question: Question = {
      id: 'q',
      title: 'Out of reach',
      answers: [part('a'), part('b')],
      totals: [{ mustBe: 'equal', total: 500 }],
    };
    const ctx = contextFor(question);
    expect(answerQuestion(question, ctx, dice(mulberry32(1)), 0)).toEqual({ a: undefined, b: undefined });
  });
});

describe('the form of a generated answer', () => {
  it('has every field of every answer, empty when unanswered', () => {
    const question: Question = { id: 'q', title: 'Everything', answers };
    const form = questionForm(question, {}, dice(mulberry32(1)));
    expect(form['born-day']).toBe('');
    expect(form['home-postcode']).toBe('');
    expect(form['heating-other']).toBe('');
    expect(form.heating).toEqual([]);
  });
});
