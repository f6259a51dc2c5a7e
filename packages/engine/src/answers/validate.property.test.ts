import type { Answer, DetailAnswer, Option, Question } from '@eq/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionnaire } from '../testing/build.ts';
import { evalContext } from '../testing/context.ts';
import { readAnswer } from '../values.ts';
import { answerFields } from './fields.ts';
import type { FormInput } from './form.ts';
import { validateQuestion } from './validate.ts';

const base = { label: 'Label', qCode: 'q' };
const choices = (detailId: string): Option[] => [
  { value: 'yes', label: 'Yes' },
  { value: 'other', label: 'Other', detailAnswer: { ...base, id: detailId, type: 'text', mandatory: true } },
  { value: 'none', label: 'None', exclusive: true },
];

/** One answer of every type, with bounds, patterns, detail answers and exclusive choices to trip over. */
const answers: Answer[] = [
  { ...base, id: 'text', type: 'text', minLength: 2, pattern: { regex: '[a-z ]+' } },
  { ...base, id: 'bad-pattern', type: 'text', pattern: { regex: '(unclosed' } },
  { ...base, id: 'textarea', type: 'textarea', maxLength: 50 },
  { ...base, id: 'number', type: 'number', min: { value: { answer: 'currency' } }, max: { value: 1000 } },
  { ...base, id: 'currency', type: 'currency', mandatory: true },
  { ...base, id: 'percentage', type: 'percentage', decimalPlaces: 2, max: { value: 100, exclusive: true } },
  { ...base, id: 'unit', type: 'unit', unit: 'square-meter' },
  { ...base, id: 'date', type: 'date', min: { value: { date: 'today', offset: { years: -120 } } } },
  { ...base, id: 'month-year', type: 'monthYear', max: { value: { answer: 'date' } } },
  { ...base, id: 'year', type: 'year', min: { value: { metadata: 'start' } } },
  { ...base, id: 'duration', type: 'duration', min: { months: 1 }, max: { years: 10 } },
  { ...base, id: 'radio', type: 'radio', options: choices('radio-other') },
  { ...base, id: 'checkbox', type: 'checkbox', mandatory: true, options: choices('checkbox-other') },
  { ...base, id: 'dropdown', type: 'dropdown', options: [{ value: 'a', label: 'A' }] },
  { ...base, id: 'email', type: 'email' },
  { ...base, id: 'mobile', type: 'mobile' },
  { ...base, id: 'postcode', type: 'postcode' },
  { ...base, id: 'address', type: 'address', mandatory: true },
  { ...base, id: 'constructor', type: 'checkbox', options: [{ value: 'x', label: 'X' }] },
];
const question: Question = {
  id: 'q',
  title: 'Everything',
  answers,
  exclusiveAnswer: 'constructor',
  totals: [{ mustBe: 'lessThanOrEqual', total: 500 }],
};
const q = questionnaire({
  languages: ['en', 'cy'],
  metadata: [{ name: 'start', type: 'date' }],
  pages: [{ id: 'p', kind: 'question', question }],
});

const everyAnswer: (Answer | DetailAnswer)[] = [];
for (const answer of answers) {
  everyAnswer.push(answer);
  if ('options' in answer) for (const o of answer.options) if (o.detailAnswer) everyAnswer.push(o.detailAnswer);
}
const fieldNames = [...new Set(everyAnswer.flatMap((a) => answerFields(a))), '__proto__', 'toString', 'hasOwnProperty'];

/** Inputs that get past the first checks, so the later rules (bounds, totals) are exercised too. */
const plausible = fc.constantFrom(
  ...['', ' ', '0', '1', '2', '6', '12', '13', '15', '29', '31', '2000', '2024', '1899', '-5', '1,234', '1,23,4'],
  ...['£5.50', '99.999', '45%', '1e5', 'yes', 'other', 'none', 'a', 'x', 'sw1a1aa', 'NP10 8XG', '07700 900982'],
  ...['name@example.com', 'hello', 'High St', '<b>', '\u0000', 'x'.repeat(20_000)],
);
const fieldValue = fc.oneof(
  { arbitrary: plausible, weight: 6 },
  fc.string(),
  fc.array(fc.oneof(plausible, fc.string()), { maxLength: 4 }),
  fc.anything(),
);
/** Mostly the question's own fields, plus whatever else a client cares to send. */
const form = fc
  .tuple(
    fc.record(Object.fromEntries(fieldNames.map((name) => [name, fieldValue])), { requiredKeys: [] }),
    fc.dictionary(fc.string(), fieldValue, { maxKeys: 5 }),
  )
  .map(([fields, extra]) => ({ ...extra, ...fields }));

describe('validating any form input', () => {
  it('never throws, and every value it produces is one readAnswer accepts as is', () => {
    fc.assert(
      fc.property(form, fc.constantFrom('en', 'cy', 'fr'), fc.option(fc.string()), (input, lang, start) => {
        const state = { metadata: start === null ? {} : { start } };
        const result = validateQuestion(
          question,
          input as FormInput,
          evalContext(q, state, { today: '2024-06-15', lang }),
        );
        for (const [id, value] of Object.entries(result.values)) {
          const answer = everyAnswer.find((a) => a.id === id);
          expect(answer).toBeDefined();
          if (answer && value !== undefined) expect(readAnswer(answer, value)).toEqual(value);
        }
        for (const error of result.errors) {
          expect(everyAnswer.some((a) => a.id === error.answerId)).toBe(true);
          expect(error.message.length).toBeGreaterThan(0);
        }
        expect(new Set(result.errors.map((e) => e.answerId)).size).toBe(result.errors.length);
      }),
      { numRuns: 500 },
    );
  });
});
