import type { Answer, Question, TotalRule } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { answer, questionnaire, questionPage } from '../testing/build.ts';
import { evalContext } from '../testing/context.ts';
import type { FormInput } from './form.ts';
import { validateQuestion } from './validate.ts';

/** Rules that span a question's answers: totals, exclusive options and answers, detail answers. */

function validate(question: Question, form: FormInput, options: { lang?: string; item?: string } = {}) {
  const q = questionnaire({
    languages: ['en', 'cy'],
    metadata: [{ name: 'target', type: 'number' }],
    pages: [questionPage('p-earlier', [answer('staff')]), { id: 'p', kind: 'question', question }],
  });
  const state = { metadata: { target: 100 }, answers: { staff: 40 } };
  return validateQuestion(question, form, evalContext(q, state, { today: '2024-06-15', lang: options.lang ?? 'en' }));
}

const base = { label: 'Label', qCode: 'q' };
const pct = (id: string): Answer => ({ ...base, id, type: 'percentage' });
const withTotal = (rule: TotalRule, answers: Answer[] = [pct('a'), pct('b')]): Question => ({
  id: 'q',
  title: 'Shares',
  answers,
  totals: [rule],
});

describe('totals', () => {
  it('accepts answers that add up to the total, counting an unanswered one as 0', () => {
    const q = withTotal({ mustBe: 'equal', total: 100 });
    expect(validate(q, { a: '60', b: '40' }).errors).toEqual([]);
    expect(validate(q, { a: '100', b: '' }).errors).toEqual([]);
  });

  it('links a total mismatch to the first answer added up', () => {
    const q = withTotal({ mustBe: 'equal', total: 100 });
    expect(validate(q, { a: '60', b: '30' }).errors).toEqual([
      { answerId: 'a', field: 'a', code: 'totalMismatch', message: 'Enter answers that add up to 100%' },
    ]);
    expect(validate(q, { a: '60', b: '30' }, { lang: 'cy' }).errors[0]?.message).toBe(
      'Rhowch atebion sy’n dod i gyfanswm o 100%',
    );
  });

  it.each([
    ['lessThan', '50', '49', 'Enter answers that add up to less than 100%'],
    ['lessThanOrEqual', '50', '50', 'Enter answers that add up to 100% or less'],
    ['greaterThan', '50', '51', 'Enter answers that add up to more than 100%'],
    ['greaterThanOrEqual', '50', '50', 'Enter answers that add up to 100% or more'],
  ] as const)('applies %s', (mustBe, a, goodB, message) => {
    const q = withTotal({ mustBe, total: 100 });
    expect(validate(q, { a, b: goodB }).errors).toEqual([]);
    const bad = mustBe.startsWith('less') ? String(Number(goodB) + 1) : String(Number(goodB) - 1);
    expect(validate(q, { a, b: bad }).errors[0]?.message).toBe(message);
  });

  it('adds decimals without floating-point noise', () => {
    const q = withTotal({ mustBe: 'equal', total: 0.3 }, [
      { ...base, id: 'a', type: 'percentage', decimalPlaces: 1 },
      { ...base, id: 'b', type: 'percentage', decimalPlaces: 1 },
    ]);
    expect(validate(q, { a: '0.1', b: '0.2' }).errors).toEqual([]);
  });

  it('adds up only the listed answers, which may come from an earlier page', () => {
    const q = withTotal({ answers: ['b', 'staff'], mustBe: 'lessThanOrEqual', total: 50 });
    expect(validate(q, { a: '99', b: '10' }).errors).toEqual([]);
    expect(validate(q, { a: '0', b: '11' }).errors[0]).toMatchObject({ answerId: 'b', code: 'totalMismatch' });
  });

  it('takes the total from metadata or another answer', () => {
    expect(
      validate(withTotal({ mustBe: 'equal', total: { metadata: 'target' } }), { a: '50', b: '50' }).errors,
    ).toEqual([]);
    const q = withTotal({ mustBe: 'equal', total: { answer: 'staff' } }, [
      { ...base, id: 'a', type: 'number' },
      { ...base, id: 'b', type: 'number' },
    ]);
    expect(validate(q, { a: '30', b: '5' }).errors[0]?.message).toBe('Enter answers that add up to 40');
  });

  it('shows the rule’s own message', () => {
    const q = withTotal({ mustBe: 'equal', total: 100, message: { en: 'Must be 100%', cy: 'Rhaid bod yn 100%' } });
    expect(validate(q, { a: '1', b: '1' }, { lang: 'cy' }).errors[0]?.message).toBe('Rhaid bod yn 100%');
  });

  it('is not checked while answers have other errors, or when nothing is answered yet', () => {
    const q = withTotal({ mustBe: 'equal', total: 100 });
    expect(validate(q, { a: 'lots', b: '10' }).errors.map((e) => e.code)).toEqual(['invalidNumber']);
    expect(validate(q, {}).errors).toEqual([]);
  });

  it('is not checked when the total cannot be evaluated', () => {
    const q = withTotal({ mustBe: 'equal', total: { metadata: 'missing' } });
    expect(validate(q, { a: '1', b: '1' }).errors).toEqual([]);
  });
});

describe('exclusive options and answers', () => {
  const checkbox: Answer = {
    ...base,
    id: 'c',
    type: 'checkbox',
    options: [
      { value: 'car', label: 'Car' },
      { value: 'bus', label: 'Bus' },
      { value: 'none', label: { en: 'None of these', cy: 'Dim un o’r rhain' }, exclusive: true },
    ],
  };

  it('refuses an exclusive option chosen with another option, naming it', () => {
    const q: Question = { id: 'q', title: 'Travel', answers: [checkbox] };
    expect(validate(q, { c: ['car', 'none'] }).errors).toEqual([
      { answerId: 'c', field: 'c', code: 'exclusiveConflict', message: 'Remove ‘None of these’ or the other answers' },
    ]);
    expect(validate(q, { c: ['car', 'none'] }, { lang: 'cy' }).errors[0]?.message).toBe(
      'Tynnwch ‘Dim un o’r rhain’ neu’r atebion eraill',
    );
    expect(validate(q, { c: ['none'] }).errors).toEqual([]);
    expect(validate(q, { c: ['car', 'bus'] }).errors).toEqual([]);
  });

  const preferNot: Answer = {
    ...base,
    id: 'prefer-not',
    type: 'checkbox',
    options: [{ value: 'yes', label: 'I prefer not to say' }],
  };
  const q: Question = {
    id: 'q',
    title: 'Income',
    answers: [{ ...base, id: 'pay', type: 'currency', mandatory: true }, preferNot],
    exclusiveAnswer: 'prefer-not',
  };

  it('refuses the exclusive answer given together with another answer', () => {
    expect(validate(q, { pay: '100', 'prefer-not': 'yes' }).errors).toEqual([
      {
        answerId: 'prefer-not',
        field: 'prefer-not',
        code: 'exclusiveConflict',
        message: 'Remove ‘I prefer not to say’ or the other answers',
      },
    ]);
  });

  it('accepts either the exclusive answer or the others on their own', () => {
    expect(validate(q, { pay: '100' }).errors).toEqual([]);
    expect(validate(q, { 'prefer-not': 'yes' }).errors).toEqual([]);
    expect(validate(q, {}).errors.map((e) => [e.answerId, e.code])).toEqual([['pay', 'mandatory']]);
  });
});

describe('detail answers', () => {
  const q: Question = {
    id: 'q',
    title: 'Religion',
    answers: [
      {
        ...base,
        id: 'r',
        type: 'radio',
        options: [
          { value: 'none', label: 'No religion' },
          {
            value: 'other',
            label: 'Other',
            detailAnswer: { ...base, id: 'r-other', type: 'text', mandatory: true, maxLength: 10 },
          },
        ],
      },
    ],
  };

  it('reads the detail answer when its option is chosen', () => {
    expect(validate(q, { r: 'other', 'r-other': ' Jedi ' })).toEqual({
      values: { r: 'other', 'r-other': 'Jedi' },
      errors: [],
    });
  });

  it('requires a mandatory detail answer only when its option is chosen', () => {
    expect(validate(q, { r: 'other' }).errors).toEqual([
      { answerId: 'r-other', field: 'r-other', code: 'mandatory', message: 'Enter an answer' },
    ]);
    expect(validate(q, { r: 'none' }).errors).toEqual([]);
  });

  it('ignores what was typed in the detail answer of an option not chosen', () => {
    expect(validate(q, { r: 'none', 'r-other': 'x'.repeat(50) })).toEqual({
      values: { r: 'none', 'r-other': undefined },
      errors: [],
    });
  });

  it('validates a chosen detail answer like any other', () => {
    expect(validate(q, { r: 'other', 'r-other': 'x'.repeat(11) }).errors[0]).toMatchObject({
      answerId: 'r-other',
      code: 'tooLong',
      message: 'Enter 10 characters or fewer',
    });
  });

  it('follows checkbox detail answers too', () => {
    const c: Question = {
      id: 'q',
      title: 'Which',
      answers: [
        {
          ...base,
          id: 'c',
          type: 'checkbox',
          options: [
            { value: 'a', label: 'A' },
            { value: 'n', label: 'Number', detailAnswer: { ...base, id: 'c-n', type: 'number', min: { value: 1 } } },
          ],
        },
      ],
    };
    expect(validate(c, { c: ['a', 'n'], 'c-n': '0' }).errors[0]).toMatchObject({
      answerId: 'c-n',
      code: 'belowMinimum',
    });
    expect(validate(c, { c: ['a'], 'c-n': '0' }).errors).toEqual([]);
  });
});
