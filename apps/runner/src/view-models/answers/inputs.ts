import type { Answer, DetailAnswer } from '@eq/schema';
import { t } from '../../i18n/index.ts';
import { html } from '../html.ts';
import { numericAffix } from './affixes.ts';
import { type AnswerContext, errorParam, fieldValue, label, type MacroParams, text } from './context.ts';
import type { AnswerView } from './view.ts';

type InputAnswer = Extract<
  Answer,
  {
    type:
      | 'text'
      | 'textarea'
      | 'number'
      | 'currency'
      | 'percentage'
      | 'unit'
      | 'email'
      | 'mobile'
      | 'postcode'
      | 'year';
  }
>;

/** One-field answers: onsInput with the type, keyboard and autocomplete that suit the answer, or onsTextarea. */
export function inputAnswer(answer: InputAnswer, a: AnswerContext): AnswerView {
  const lang = a.ctx.lang;
  const base: MacroParams = {
    id: answer.id,
    name: answer.id,
    // A label id of its own gives the label's description a unique id too.
    label: { id: `${answer.id}-label`, text: label(answer, a), description: text(answer.description, a) },
    value: fieldValue(a, answer.id),
    error: errorParam(a.errors.get(answer.id)),
  };
  switch (answer.type) {
    case 'textarea':
      return {
        macro: 'textarea',
        params: { ...base, rows: answer.rows, charCheckLimit: charLimit(answer.maxLength, lang) },
      };
    case 'text':
      return { macro: 'input', params: { ...base, type: 'text', charCheckLimit: charLimit(answer.maxLength, lang) } };
    case 'email':
      return {
        macro: 'input',
        params: { ...base, type: 'email', width: '30', autocomplete: 'email', attributes: { spellcheck: 'false' } },
      };
    case 'mobile':
      return { macro: 'input', params: { ...base, type: 'tel', width: '15', autocomplete: 'tel' } };
    case 'postcode':
      return {
        macro: 'input',
        params: {
          ...base,
          width: '8',
          autocomplete: 'postal-code',
          attributes: { autocapitalize: 'characters', spellcheck: 'false' },
        },
      };
    case 'year':
      return { macro: 'input', params: { ...base, type: 'number', width: '4' } };
    default:
      return {
        macro: 'input',
        params: { ...base, ...numberKeyboard(answer.decimalPlaces), ...numericAffix(answer, lang) },
      };
  }
}

/** The `other` input of a radio or checkbox option: its detail answer ("Other, please specify"). */
export function detailInput(detail: DetailAnswer, a: AnswerContext): MacroParams {
  const value = fieldValue(a, detail.id);
  const common = { id: detail.id, name: detail.id, label: { text: label(detail, a) }, value };
  if (detail.type === 'textarea') {
    return { ...common, otherType: 'textarea', charCheckLimit: charLimit(detail.maxLength, a.ctx.lang) ?? {} };
  }
  if (detail.type === 'text') return { ...common, otherType: 'input', type: 'text' };
  return { ...common, otherType: 'input', ...numberKeyboard(detail.decimalPlaces), width: '10' };
}

/** Whole numbers get the numeric keypad; decimals a keyboard with a decimal point. */
function numberKeyboard(decimalPlaces: number | undefined): MacroParams {
  return decimalPlaces !== undefined && decimalPlaces > 0
    ? { type: 'text', width: '10', attributes: { inputmode: 'decimal' } }
    : { type: 'number', width: '10' };
}

/** The ONS character count (shown with JavaScript) for a text with a maximum length. */
function charLimit(limit: number | undefined, lang: string): MacroParams | undefined {
  if (limit === undefined) return undefined;
  return {
    limit,
    charCountSingular: html(t(lang, 'charRemaining')),
    charCountPlural: html(t(lang, 'charsRemaining')),
    charCountOverLimitSingular: html(t(lang, 'charTooMany')),
    charCountOverLimitPlural: html(t(lang, 'charsTooMany')),
  };
}
