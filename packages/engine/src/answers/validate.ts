import type { Answer, DetailAnswer, MessageCode, Question, Text } from '@eq/schema';
import type { EvalContext } from '../evaluate.ts';
import { isItemId } from '../state.ts';
import { translate } from '../translate.ts';
import type { AnswerValue } from '../values.ts';
import { checkBounds } from './bounds.ts';
import { checkExclusiveAnswer, exclusiveOptionLabel, isChosen } from './exclusive.ts';
import { answerFields } from './fields.ts';
import type { FormInput } from './form.ts';
import { answerMessage, type MessageDetail } from './messages.ts';
import { parseAnswer } from './parse.ts';
import { checkTotal } from './totals.ts';

type AnyAnswer = Answer | DetailAnswer;

/** Bounds and totals are evaluated like any expression; messages are written in `lang`. */
export type ValidationContext = EvalContext & { lang: string };

export interface AnswerError {
  answerId: string;
  /** The form field to link to from the error summary, e.g. `dob-day`. */
  field: string;
  code: MessageCode;
  message: string;
}

export interface QuestionValidation {
  /** Every answer of the question and of its options' detail answers; only to be saved when there are no errors. */
  values: Record<string, AnswerValue | undefined>;
  /** At most one error per answer: the first that applies. */
  errors: AnswerError[];
}

/**
 * Parses and validates the answers of a submitted question. Detail answers count only when
 * their option is chosen (otherwise their value is undefined). Never throws.
 */
export function validateQuestion(question: Question, form: FormInput, ctx: ValidationContext): QuestionValidation {
  const lang = { lang: ctx.lang, fallback: ctx.compiled.defaultLanguage };
  const values: Record<string, AnswerValue | undefined> = {};
  const errors: AnswerError[] = [];
  const report = (answer: AnyAnswer, field: string, code: MessageCode, detail?: MessageDetail, override?: Text) => {
    if (errors.some((e) => e.answerId === answer.id)) return;
    errors.push({ answerId: answer.id, field, code, message: answerMessage(code, answer, lang, detail, override) });
  };

  const asked: AnyAnswer[] = [];
  const read = (answer: AnyAnswer) => {
    asked.push(answer);
    const parsed = parseAnswer(answer, form);
    values[answer.id] = parsed.value;
    for (const e of parsed.errors) report(answer, e.field, e.code, e.detail, patternMessage(answer, e.code));
  };
  for (const answer of question.answers) {
    read(answer);
    if (answer.type !== 'radio' && answer.type !== 'checkbox' && answer.type !== 'dropdown') continue;
    for (const option of answer.options) {
      if (!option.detailAnswer) continue;
      if (isChosen(values[answer.id], option.value)) read(option.detailAnswer);
      else values[option.detailAnswer.id] = undefined;
    }
  }

  // Bounds and totals may refer to other answers of this question: use them as just submitted.
  const evalCtx = withSubmitted(ctx, values);
  for (const answer of asked) {
    if (errors.some((e) => e.answerId === answer.id)) continue;
    const value = values[answer.id];
    const field = answerFields(answer)[0] ?? answer.id;
    if (value === undefined) {
      if (answer.mandatory) report(answer, field, 'mandatory');
      continue;
    }
    const breach = checkBounds(answer, value, evalCtx);
    if (breach) report(answer, field, breach.code, breach.detail, breach.message);
    const exclusive = exclusiveOptionLabel(answer, value);
    if (exclusive !== undefined) report(answer, field, 'exclusiveConflict', { label: translateIn(exclusive, lang) });
  }

  checkExclusiveAnswer(question, values, (answer, label) =>
    report(answer, answerFields(answer)[0] ?? answer.id, 'exclusiveConflict', { label: translateIn(label, lang) }),
  );
  if (errors.length === 0) {
    for (const rule of question.totals ?? []) {
      const mismatch = checkTotal(question, rule, values, evalCtx);
      if (mismatch) {
        const field = answerFields(mismatch.answer)[0] ?? mismatch.answer.id;
        report(mismatch.answer, field, 'totalMismatch', { limit: mismatch.total, mustBe: rule.mustBe }, rule.message);
      }
    }
  }
  // The error summary lists problems in the order the answers appear on the page.
  const position = (e: AnswerError) => asked.findIndex((a) => a.id === e.answerId);
  return { values, errors: errors.sort((a, b) => position(a) - position(b)) };
}

function translateIn(text: Text, lang: { lang: string; fallback: string }): string {
  return translate(text, lang.lang, lang.fallback);
}

function patternMessage(answer: AnyAnswer, code: MessageCode): Text | undefined {
  return code === 'patternMismatch' && answer.type === 'text' ? answer.pattern?.message : undefined;
}

/** The context with this question's submitted values in place of what was stored before. */
function withSubmitted(ctx: EvalContext, values: Record<string, AnswerValue | undefined>): EvalContext {
  const answers = { ...ctx.state.answers };
  const itemAnswers = { ...ctx.state.itemAnswers };
  for (const [id, value] of Object.entries(values)) {
    const info = ctx.compiled.answers.get(id);
    if (!info || info.relationship) continue;
    if (!info.list) answers[id] = value;
    else if (isItemId(ctx.item)) itemAnswers[ctx.item] = { ...itemAnswers[ctx.item], [id]: value };
  }
  return { ...ctx, state: { ...ctx.state, answers, itemAnswers } };
}
