import type { Question } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { evalContext } from '../testing/context.ts';
import { fixture } from '../testing/files.ts';
import type { FormInput } from './form.ts';
import { validateQuestion } from './validate.ts';

const q = fixture('mutually-exclusive');
const ctx = evalContext(q, {}, { today: '2024-06-15', lang: 'en' });

function questionOf(pageId: string): Question {
  const page = q.sections[0]?.pages.find((p) => p.id === pageId);
  if (page?.kind !== 'question') throw new Error(`no question page ${pageId}`);
  return page.question;
}

const validate = (pageId: string, form: FormInput) => validateQuestion(questionOf(pageId), form, ctx);
const problems = (pageId: string, form: FormInput) =>
  validate(pageId, form).errors.map((e) => [e.answerId, e.code, e.message]);

describe('a mandatory answer with an exclusive answer beside it (mutually-exclusive fixture)', () => {
  it('is satisfied by choosing only the exclusive answer', () => {
    expect(validate('income', { 'income-exclusive-answer': 'prefer-not-to-say' })).toEqual({
      values: { 'income-answer': undefined, 'income-exclusive-answer': ['prefer-not-to-say'] },
      errors: [],
    });
  });

  it('is satisfied by the amount alone', () => {
    expect(validate('income', { 'income-answer': '25,000' }).errors).toEqual([]);
  });

  it('asks for the amount when neither is given', () => {
    expect(problems('income', {})).toEqual([['income-answer', 'mandatory', 'Enter an answer']]);
  });

  it('refuses the amount and the exclusive answer together, naming the exclusive answer', () => {
    expect(problems('income', { 'income-answer': '25,000', 'income-exclusive-answer': 'prefer-not-to-say' })).toEqual([
      ['income-exclusive-answer', 'exclusiveConflict', 'Remove ‘I prefer not to say’ or the other answers'],
    ]);
  });

  it('still checks the amount’s own bounds when both are given', () => {
    const form = { 'income-answer': '-5', 'income-exclusive-answer': 'prefer-not-to-say' };
    expect(problems('income', form).map(([id, code]) => [id, code])).toEqual([
      ['income-answer', 'belowMinimum'],
      ['income-exclusive-answer', 'exclusiveConflict'],
    ]);
  });
});

describe('an optional answer with an exclusive answer beside it', () => {
  const date = {
    'left-job-date-answer-day': '1',
    'left-job-date-answer-month': '3',
    'left-job-date-answer-year': '2020',
  };

  it('accepts either on its own, or nothing', () => {
    expect(validate('left-job', date).errors).toEqual([]);
    expect(validate('left-job', { 'left-job-exclusive-answer': 'prefer-not-to-say' }).errors).toEqual([]);
    expect(validate('left-job', {}).errors).toEqual([]);
  });

  it('refuses both together', () => {
    expect(problems('left-job', { ...date, 'left-job-exclusive-answer': 'prefer-not-to-say' })).toEqual([
      ['left-job-exclusive-answer', 'exclusiveConflict', 'Remove ‘I prefer not to say’ or the other answers'],
    ]);
  });
});

describe('a mandatory checkbox with an exclusive option', () => {
  it('accepts the exclusive option alone and refuses it with another option', () => {
    expect(validate('services', { 'services-answer': ['none'] }).errors).toEqual([]);
    expect(problems('services', { 'services-answer': ['tv', 'none'] })).toEqual([
      ['services-answer', 'exclusiveConflict', 'Remove ‘None of these’ or the other answers'],
    ]);
    expect(problems('services', {})).toEqual([['services-answer', 'mandatory', 'Select at least one answer']]);
  });
});
