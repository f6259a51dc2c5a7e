import type { Answer, DetailAnswer, MessageCode, OptionAnswer } from '@eq/schema';
import type { AnswerValue } from '../values.ts';
import { type FormInput, fieldList, fieldText } from './form.ts';
import type { MessageDetail } from './messages.ts';
import { parseDate, parseDuration, parseYear } from './parse-date.ts';
import { parseNumber } from './parse-number.ts';
import { parseAddress, parseEmail, parseMobile, parsePostcode, parseText } from './parse-text.ts';

export type { FormInput } from './form.ts';

/** A problem with what was typed into one form field; the message is written later, in the respondent's language. */
export interface FieldError {
  field: string;
  code: MessageCode;
  detail?: MessageDetail;
}

/** A typed value (as `readAnswer` accepts it) when the fields hold one, or what is wrong with them. */
export interface ParseResult {
  value?: AnswerValue;
  errors: FieldError[];
}

/**
 * Reads an answer from submitted form fields. Empty fields give no value and no error (whether
 * an answer is required is for validation). Never throws, whatever the form holds.
 */
export function parseAnswer(answer: Answer | DetailAnswer, form: FormInput): ParseResult {
  switch (answer.type) {
    case 'text':
    case 'textarea':
      return parseText(answer, form);
    case 'number':
    case 'currency':
    case 'percentage':
    case 'unit':
      return parseNumber(answer, form);
    case 'date':
    case 'monthYear':
      return parseDate(answer, form);
    case 'year':
      return parseYear(answer, form);
    case 'duration':
      return parseDuration(answer, form);
    case 'radio':
    case 'dropdown':
      return parseChoice(answer, form);
    case 'checkbox':
      return parseChoices(answer, form);
    case 'email':
      return parseEmail(answer, form);
    case 'mobile':
      return parseMobile(answer, form);
    case 'postcode':
      return parsePostcode(answer, form);
    case 'address':
      return parseAddress(answer, form);
  }
}

/** One option's value; anything else was not offered, so the post was tampered with. */
function parseChoice(answer: OptionAnswer, form: unknown): ParseResult {
  const chosen = fieldText(form, answer.id);
  if (chosen === '') return { errors: [] };
  return answer.options.some((o) => o.value === chosen)
    ? { value: chosen, errors: [] }
    : { errors: [{ field: answer.id, code: 'invalidOption' }] };
}

/** Several options' values, stored in the order the options are listed. */
function parseChoices(answer: OptionAnswer, form: unknown): ParseResult {
  const { values, malformed } = fieldList(form, answer.id);
  const offered = new Set(answer.options.map((o) => o.value));
  if (malformed || values.some((v) => !offered.has(v)))
    return { errors: [{ field: answer.id, code: 'invalidOption' }] };
  const given = new Set(values);
  const chosen = answer.options.map((o) => o.value).filter((v) => given.has(v));
  return chosen.length > 0 ? { value: chosen, errors: [] } : { errors: [] };
}
