import type { Option, OptionAnswer } from '@eq/schema';
import { t } from '../../i18n/index.ts';
import { html } from '../html.ts';
import { type AnswerContext, errorParam, fieldValue, fieldValues, label, type MacroParams, text } from './context.ts';
import { detailInput, inputAnswer } from './inputs.ts';
import type { AnswerView } from './view.ts';

/**
 * Radios, checkboxes and dropdowns. The first option's input has the answer's id, so an error
 * summary link `#<answer>` lands on it; the others are `<answer>-2`, `<answer>-3`…
 */
export function optionAnswer(answer: OptionAnswer, a: AnswerContext): AnswerView {
  switch (answer.type) {
    case 'radio':
      return { macro: 'radios', params: radios(answer, a) };
    case 'checkbox':
      return { macro: 'checkboxes', params: checkboxes(answer, a) };
    case 'dropdown':
      return dropdown(answer, a);
  }
}

function optionId(answerId: string, index: number): string {
  return index === 0 ? answerId : `${answerId}-${index + 1}`;
}

/** The group's error: the answer's own, else that of one of its detail answers. */
function groupError(answer: OptionAnswer, a: AnswerContext): MacroParams | undefined {
  const own = a.errors.get(answer.id);
  const detail = answer.options.map((o) => o.detailAnswer && a.errors.get(o.detailAnswer.id)).find(Boolean);
  return errorParam(own ?? detail);
}

function fieldset(answer: OptionAnswer, a: AnswerContext): MacroParams {
  return a.grouped
    ? { dontWrap: true }
    : { id: `${answer.id}-fieldset`, legend: label(answer, a), description: text(answer.description, a) };
}

function optionLabel(option: Option, a: AnswerContext): MacroParams {
  return { text: text(option.label, a) ?? html(''), description: text(option.description, a) };
}

function radios(answer: Extract<OptionAnswer, { type: 'radio' }>, a: AnswerContext): MacroParams {
  const chosen = fieldValue(a, answer.id);
  return {
    ...fieldset(answer, a),
    name: answer.id,
    error: groupError(answer, a),
    radios: answer.options.map((option, index) => ({
      id: optionId(answer.id, index),
      value: option.value,
      checked: option.value === chosen,
      label: optionLabel(option, a),
      // Shown open: a revealed detail makes the ONS script set aria-expanded on its radio, which
      // the radio role does not allow (axe: aria-allowed-attr). Checkboxes allow it, and reveal.
      ...(option.detailAnswer ? { other: { ...detailInput(option.detailAnswer, a), open: true } } : {}),
    })),
  };
}

function checkboxes(answer: Extract<OptionAnswer, { type: 'checkbox' }>, a: AnswerContext): MacroParams {
  const chosen = new Set(fieldValues(a, answer.id));
  const item = (option: Option, index: number) => ({
    id: optionId(answer.id, index),
    name: answer.id,
    value: option.value,
    checked: chosen.has(option.value),
    label: optionLabel(option, a),
    ...(option.detailAnswer ? { other: detailInput(option.detailAnswer, a) } : {}),
  });
  // Exclusive options ("None of these") come last, after "Or", as onsMutuallyExclusive draws them.
  const ordinary = answer.options.filter((o) => !o.exclusive);
  const exclusive = answer.options.filter((o) => o.exclusive);
  const params: MacroParams = {
    ...fieldset(answer, a),
    error: groupError(answer, a),
    checkboxes: ordinary.map(item),
  };
  if (exclusive.length === 0 || ordinary.length === 0) return { ...params, checkboxes: answer.options.map(item) };
  return {
    ...params,
    mutuallyExclusive: {
      ...exclusiveWording(a.ctx.lang, 'clearsOptions'),
      exclusiveOptions: exclusive.map((option, index) => item(option, ordinary.length + index)),
    },
  };
}

/** What the ONS mutually exclusive script says when one side clears the other. */
export function exclusiveWording(lang: string, clears: 'clearsAnswer' | 'clearsOptions'): MacroParams {
  return {
    or: html(t(lang, 'or')),
    deselectMessage: html(t(lang, clears)),
    deselectGroupAdjective: html(t(lang, 'cleared')),
    deselectExclusiveOptionAdjective: html(t(lang, 'deselected')),
  };
}

function dropdown(answer: Extract<OptionAnswer, { type: 'dropdown' }>, a: AnswerContext): AnswerView {
  const chosen = fieldValue(a, answer.id);
  const placeholder = text(answer.placeholder, a) ?? html(t(a.ctx.lang, 'selectAnswer'));
  const details = answer.options.flatMap((option) => (option.detailAnswer ? [option.detailAnswer] : []));
  const view: AnswerView = {
    macro: 'select',
    params: {
      id: answer.id,
      name: answer.id,
      label: { text: label(answer, a), description: text(answer.description, a) },
      error: errorParam(a.errors.get(answer.id)),
      options: [
        { value: '', text: placeholder, selected: chosen === '' },
        ...answer.options.map((option) => ({
          value: option.value,
          text: text(option.label, a) ?? html(''),
          selected: option.value === chosen,
        })),
      ],
    },
  };
  if (details.length > 0) view.details = details.map((detail) => inputAnswer(detail, { ...a, grouped: false }));
  return view;
}
