import type { Answer, DetailAnswer, MessageCode, Question, Text } from '@eq/schema';
import type { EvalContext } from '../evaluate.ts';
import { isItemId } from '../state.ts';
import { renderText } from '../text/render.ts';
import type { AnswerValue } from '../values.ts';
import { checkBounds } from './bounds.ts';
import { answeredInstead, checkExclusiveAnswer, exclusiveOptionLabel, isChosen } from './exclusive.ts';
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

/** An error found, whose message is written once every value is known. */
interface Problem {
  answer: AnyAnswer;
  field: string;
  code: MessageCode;
  detail?: MessageDetail | undefined;
  override?: Text | undefined;
}

/**
 * Parses and validates the answers of a submitted question. Detail answers count only when
 * their option is chosen (otherwise their value is undefined). Never throws.
 */
export function validateQuestion(question: Question, form: FormInput, ctx: ValidationContext): QuestionValidation {
  const values: Record<string, AnswerValue | undefined> = {};
  const problems: Problem[] = [];
  const report = (answer: AnyAnswer, field: string, code: MessageCode, detail?: MessageDetail, override?: Text) => {
    if (!problems.some((p) => p.answer.id === answer.id)) problems.push({ answer, field, code, detail, override });
  };
  const fieldOf = (answer: AnyAnswer) => answerFields(answer)[0] ?? answer.id;

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

  // Bounds, totals and the placeholders of messages may refer to other answers of this question:
  // use them as just submitted. Made when first needed: most answers have no bounds.
  let withValues: ValidationContext | undefined;
  const submitted = (): ValidationContext => {
    withValues ??= withSubmitted(ctx, values);
    return withValues;
  };
  for (const answer of asked) {
    if (problems.some((p) => p.answer.id === answer.id)) continue;
    const value = values[answer.id];
    if (value === undefined) {
      if (answer.mandatory && !answeredInstead(question, answer.id, values))
        report(answer, fieldOf(answer), 'mandatory');
      continue;
    }
    const breach = checkBounds(answer, value, submitted);
    if (breach) report(answer, fieldOf(answer), breach.code, breach.detail, breach.message);
    const exclusive = exclusiveOptionLabel(answer, value);
    if (exclusive !== undefined) {
      report(answer, fieldOf(answer), 'exclusiveConflict', { label: renderText(exclusive, submitted()) });
    }
  }

  checkExclusiveAnswer(question, values, (answer, label) =>
    report(answer, fieldOf(answer), 'exclusiveConflict', { label: renderText(label, submitted()) }),
  );
  if (problems.length === 0) {
    for (const rule of question.totals ?? []) {
      const mismatch = checkTotal(question, rule, values, submitted());
      if (mismatch) {
        const detail = { limit: mismatch.total, mustBe: rule.mustBe };
        report(mismatch.answer, fieldOf(mismatch.answer), 'totalMismatch', detail, rule.message);
      }
    }
  }
  // The error summary lists problems in the order the answers appear on the page.
  const position = (p: Problem) => asked.findIndex((a) => a.id === p.answer.id);
  const errors = problems
    .sort((a, b) => position(a) - position(b))
    .map(({ answer, field, code, detail, override }) => ({
      answerId: answer.id,
      field,
      code,
      message: answerMessage(code, answer, submitted(), detail, override),
    }));
  return { values, errors };
}

function patternMessage(answer: AnyAnswer, code: MessageCode): Text | undefined {
  return code === 'patternMismatch' && answer.type === 'text' ? answer.pattern?.message : undefined;
}

/**
 * The context with this question's submitted values in place of what was stored before. The
 * state's records are copied only where a value goes: a question is asked either outside any
 * list item or for one, and a household's item answers are most of the state.
 */
export function withSubmitted<T extends EvalContext>(ctx: T, values: Record<string, AnswerValue | undefined>): T {
  const { state } = ctx;
  let answers = state.answers;
  let itemAnswers = state.itemAnswers;
  for (const [id, value] of Object.entries(values)) {
    const info = ctx.compiled.answers.get(id);
    if (!info || info.relationship) continue;
    if (!info.list) {
      if (answers === state.answers) answers = { ...answers };
      answers[id] = value;
    } else if (isItemId(ctx.item)) {
      if (itemAnswers === state.itemAnswers) itemAnswers = { ...itemAnswers };
      itemAnswers[ctx.item] = { ...itemAnswers[ctx.item], [id]: value };
    }
  }
  return { ...ctx, state: { ...state, answers, itemAnswers } };
}
