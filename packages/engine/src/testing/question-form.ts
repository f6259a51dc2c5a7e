import type { Answer, DetailAnswer, Option, Question } from '@eq/schema';
import { formValues } from '../answers/fields.ts';
import type { FormInput } from '../answers/form.ts';
import { withSubmitted } from '../answers/validate.ts';
import type { EvalContext } from '../evaluate.ts';
import { type AnswerValue, isNumericAnswer } from '../values.ts';
import { randomDate, randomDuration } from './dates.ts';
import type { Dice } from './dice.ts';
import { randomNumber } from './numbers.ts';
import { randomAddress, randomEmail, randomMobile, randomPostcode, randomText } from './text.ts';
import { satisfyTotals } from './totals.ts';

type AnyAnswer = Answer | DetailAnswer;
type Values = Record<string, AnswerValue | undefined>;

/**
 * The answers a respondent gives to a question, as typed values: required answers always,
 * optional ones (and detail answers) left empty with probability `skipRate`, every value within
 * its bounds as evaluated in `ctx`, an exclusive option or exclusive answer now and then
 * (alone), and numbers that meet the question's totals rules.
 */
export function answerQuestion(question: Question, ctx: EvalContext, dice: Dice, skipRate: number): Values {
  const values: Values = {};
  // The exclusive answer ("I prefer not to say") answers the question in place of all the others.
  const exclusive = question.answers.find((a) => a.id === question.exclusiveAnswer);
  const useExclusive = exclusive !== undefined && dice.chance(0.25);
  for (const answer of question.answers) {
    if (exclusive !== undefined && (answer === exclusive) !== useExclusive) continue;
    if (answer !== exclusive && !answer.mandatory && dice.chance(skipRate)) continue;
    const value = randomValue(answer, withSubmitted(ctx, values), dice);
    values[answer.id] = value;
    if (!('options' in answer)) continue;
    for (const option of answer.options) {
      const detail = option.detailAnswer;
      if (!detail || !isChosen(value, option)) continue;
      if (detail.mandatory || !dice.chance(skipRate))
        values[detail.id] = randomValue(detail, withSubmitted(ctx, values), dice);
    }
  }
  satisfyTotals(question, values, ctx, dice);
  return values;
}

function isChosen(value: AnswerValue | undefined, option: Option): boolean {
  return value === option.value || (Array.isArray(value) && value.includes(option.value));
}

/** A value of the answer's type, within its bounds; undefined when none fits. */
export function randomValue(answer: AnyAnswer, ctx: EvalContext, dice: Dice): AnswerValue | undefined {
  switch (answer.type) {
    case 'text':
    case 'textarea':
      return randomText(answer, dice);
    case 'number':
    case 'currency':
    case 'percentage':
    case 'unit':
      return randomNumber(answer, ctx, dice);
    case 'date':
    case 'monthYear':
    case 'year':
      return randomDate(answer, ctx, dice);
    case 'duration':
      return randomDuration(answer, dice);
    case 'radio':
    case 'dropdown':
      return dice.pick(answer.options)?.value;
    case 'checkbox':
      return randomSelection(answer.options, dice);
    case 'email':
      return randomEmail(dice);
    case 'mobile':
      return randomMobile(dice);
    case 'postcode':
      return randomPostcode(dice);
    case 'address':
      return randomAddress(dice);
  }
}

/** Some of the ordinary options, or now and then one exclusive option ("None of these") alone. */
function randomSelection(options: Option[], dice: Dice): string[] {
  const exclusive = options.filter((o) => o.exclusive);
  const ordinary = options.filter((o) => !o.exclusive);
  const alone = dice.pick(exclusive);
  if (alone && (ordinary.length === 0 || dice.chance(0.2))) return [alone.value];
  const chosen = ordinary.filter(() => dice.chance(0.4));
  const first = dice.pick(ordinary);
  return chosen.length > 0 ? chosen.map((o) => o.value) : first ? [first.value] : [];
}

/**
 * The HTML form a browser would post for these values: every field of every answer (empty when
 * unanswered), numbers now and then typed with thousands separators.
 */
export function questionForm(question: Question, values: Values, dice: Dice): FormInput {
  const form: FormInput = {};
  const fill = (answer: AnyAnswer) => {
    const value = values[answer.id];
    if (isNumericAnswer(answer) && typeof value === 'number' && Math.abs(value) >= 1000 && dice.chance(0.3)) {
      form[answer.id] = value.toLocaleString('en-GB', { maximumFractionDigits: 6 });
    } else Object.assign(form, formValues(answer, value));
  };
  for (const answer of question.answers) {
    fill(answer);
    if ('options' in answer) for (const option of answer.options) if (option.detailAnswer) fill(option.detailAnswer);
  }
  return form;
}
