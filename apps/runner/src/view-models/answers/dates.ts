import type { Answer } from '@eq/schema';
import { t } from '../../i18n/index.ts';
import { html } from '../html.ts';
import { type AnswerContext, errorParam, fieldValue, label, type MacroParams, text } from './context.ts';
import type { AnswerView } from './view.ts';

type DateAnswer = Extract<Answer, { type: 'date' | 'monthYear' }>;
type DurationAnswer = Extract<Answer, { type: 'duration' }>;

/** Errors about one field (a missing or impossible month) mark that field; others mark them all. */
const FIELD_CODES = new Set(['incompleteDate', 'invalidDate', 'invalidDuration']);

function markedField(answerId: string, a: AnswerContext): string | undefined {
  const error = a.errors.get(answerId);
  return error && FIELD_CODES.has(error.code) ? error.field : undefined;
}

function group(answer: DateAnswer | DurationAnswer, a: AnswerContext): MacroParams {
  return {
    id: answer.id,
    legendOrLabel: label(answer, a),
    description: text(answer.description, a),
    error: errorParam(a.errors.get(answer.id)),
    ...(a.grouped ? { dontWrap: true } : {}),
  };
}

/** Day, month and year fields (onsDateInput), named `<answer>-day` and so on, as the engine reads them. */
export function dateAnswer(answer: DateAnswer, a: AnswerContext): AnswerView {
  const lang = a.ctx.lang;
  const marked = markedField(answer.id, a);
  const part = (name: 'day' | 'month' | 'year') => {
    const field = `${answer.id}-${name}`;
    return {
      name: field,
      value: fieldValue(a, field),
      label: { text: html(t(lang, name)) },
      ...(marked === field ? { error: true } : {}),
    };
  };
  const params = group(answer, a);
  if (answer.type === 'date') params.day = part('day');
  params.month = part('month');
  params.year = part('year');
  return { macro: 'date', params };
}

/** Years and months fields (onsDuration), each with its unit after it. */
export function durationAnswer(answer: DurationAnswer, a: AnswerContext): AnswerView {
  const lang = a.ctx.lang;
  const marked = markedField(answer.id, a);
  const units = (['years', 'months'] as const).filter((unit) => (answer.units ?? ['years', 'months']).includes(unit));
  const params = group(answer, a);
  units.forEach((unit, index) => {
    const field = `${answer.id}-${unit}`;
    params[`field${index + 1}`] = {
      id: field,
      name: field,
      value: fieldValue(a, field),
      suffix: { id: `${field}-unit`, text: html(t(lang, unit)), title: html(t(lang, unit)) },
      ...(marked === field ? { error: true } : {}),
    };
  });
  return { macro: 'duration', params };
}
