import type { AnswerError, FormInput, RenderContext } from '@eq/engine';
import { renderText } from '@eq/engine';
import type { Answer, DetailAnswer, Text } from '@eq/schema';
import { type Html, html, optionalHtml } from '../html.ts';

export type AnyAnswer = Answer | DetailAnswer;

/** Params for one ONS macro call, with every text already `Html`. */
export type MacroParams = Record<string, unknown>;

/** What building an answer's fields needs: texts, the values to show, and the page's errors. */
export interface AnswerContext {
  ctx: RenderContext;
  /** Field values to show: what was posted, or the saved answers written as form fields. */
  values: FormInput;
  /** Errors by answer id (an answer has at most one). */
  errors: ReadonlyMap<string, AnswerError>;
  /** The question's title is the legend around this answer, so the answer has no fieldset of its own. */
  grouped: boolean;
}

export function text(value: Text | undefined, a: AnswerContext): Html | undefined {
  return optionalHtml(renderText(value, a.ctx));
}

export function label(answer: AnyAnswer, a: AnswerContext): Html {
  return html(renderText(answer.label, a.ctx));
}

/** A field's value as a single string ('' when there is none). */
export function fieldValue(a: AnswerContext, name: string): string {
  const raw = Object.hasOwn(a.values, name) ? a.values[name] : undefined;
  const first = Array.isArray(raw) ? raw[0] : raw;
  return typeof first === 'string' ? first : '';
}

/** Every value of a field that may repeat (checkboxes). */
export function fieldValues(a: AnswerContext, name: string): string[] {
  const raw = Object.hasOwn(a.values, name) ? a.values[name] : undefined;
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
}

/** The `error` param of an ONS macro: the message shown above the field, with an id of its own. */
export function errorParam(error: AnswerError | undefined): MacroParams | undefined {
  return error && { id: `${error.answerId}-error`, text: html(error.message) };
}
