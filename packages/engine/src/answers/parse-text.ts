import type { Answer, DetailAnswer } from '@eq/schema';
import type { Address } from '../values.ts';
import { fieldRaw, fieldText, MAX_FIELD_LENGTH } from './form.ts';
import type { ParseResult } from './parse.ts';

type AnyAnswer = Answer | DetailAnswer;

/** Drops control characters other than tab and newline: never meant, and trouble for outputs. */
function withoutControls(text: string): string {
  return text.replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\t' ? c : ''));
}

export function maxLength(answer: AnyAnswer): number {
  if (answer.type === 'text') return answer.maxLength ?? 100;
  if (answer.type === 'textarea') return answer.maxLength ?? 2000;
  return 0;
}

/**
 * Free text, checked for length and (for text answers) the author's pattern. Line breaks count
 * as one character whatever the browser sent. The length is checked before the pattern so that
 * a pattern only ever sees input of a bounded size.
 */
export function parseText(answer: AnyAnswer, form: unknown): ParseResult {
  const field = answer.id;
  const limit = maxLength(answer);
  const raw = fieldRaw(form, field);
  // Far more than any form can send for this limit, even with every line break doubled.
  if (raw.length > limit * 2 + MAX_FIELD_LENGTH)
    return { errors: [{ field, code: 'tooLong', detail: { count: limit } }] };
  const text = withoutControls(raw.replace(/\r\n?/g, '\n')).trim();
  if (text === '') return { errors: [] };
  if (text.length > limit) return { errors: [{ field, code: 'tooLong', detail: { count: limit } }] };
  if (answer.type === 'text') {
    const min = answer.minLength ?? 0;
    if (text.length < min) return { errors: [{ field, code: 'tooShort', detail: { count: min } }] };
    const pattern = answer.pattern && authorPattern(answer.pattern.regex);
    if (pattern && !pattern.test(text)) return { errors: [{ field, code: 'patternMismatch' }] };
  }
  return { value: text, errors: [] };
}

/** The author's regex, matched against the whole value; undefined (not applied) if it is not valid. */
function authorPattern(regex: string): RegExp | undefined {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(`^(?:${regex})$`, flags);
    } catch {
      // Patterns written without the unicode flag in mind may still compile without it.
    }
  }
  return undefined;
}

/** local@domain.tld with no spaces; each domain label as DNS allows. */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function parseEmail(answer: AnyAnswer, form: unknown): ParseResult {
  const text = fieldText(form, answer.id);
  if (text === '') return { errors: [] };
  const local = text.split('@')[0] ?? '';
  const valid =
    text.length <= 254 && EMAIL.test(text) && !local.startsWith('.') && !local.endsWith('.') && !text.includes('..');
  return valid ? { value: text, errors: [] } : { errors: [{ field: answer.id, code: 'invalidEmail' }] };
}

/** A UK mobile: 07…, +44 7…, 0044 7… (with an optional (0) after the country code). */
const MOBILE = /^(?:0|\+440?|00440?)(7\d{9})$/;

export function parseMobile(answer: AnyAnswer, form: unknown): ParseResult {
  const text = fieldText(form, answer.id);
  if (text === '') return { errors: [] };
  const match = MOBILE.exec(text.replace(/[\s\-().]/g, ''));
  return match ? { value: `0${match[1]}`, errors: [] } : { errors: [{ field: answer.id, code: 'invalidMobile' }] };
}

/** A UK postcode (letters the Royal Mail allows in each position), or GIR 0AA. */
const POSTCODE = /^(?:GIR0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2})$/;

/** A postcode in upper case with one space before the last three characters, or undefined. */
export function normalisePostcode(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  return POSTCODE.test(compact) ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : undefined;
}

export function parsePostcode(answer: AnyAnswer, form: unknown): ParseResult {
  const text = fieldText(form, answer.id);
  if (text === '') return { errors: [] };
  const postcode = normalisePostcode(text);
  return postcode ? { value: postcode, errors: [] } : { errors: [{ field: answer.id, code: 'invalidPostcode' }] };
}

/** An address needs its first line, town and postcode once any of its fields is filled in. */
export function parseAddress(answer: AnyAnswer, form: unknown): ParseResult {
  const read = (part: string) => withoutControls(fieldText(form, `${answer.id}-${part}`)).trim();
  const [line1, line2, town, postcodeText] = [read('line1'), read('line2'), read('town'), read('postcode')];
  if (!line1 && !line2 && !town && !postcodeText) return { errors: [] };
  for (const [part, text] of [
    ['line1', line1],
    ['town', town],
    ['postcode', postcodeText],
  ] as const) {
    if (!text) return { errors: [{ field: `${answer.id}-${part}`, code: 'mandatory', detail: { part } }] };
  }
  const postcode = normalisePostcode(postcodeText);
  if (!postcode) return { errors: [{ field: `${answer.id}-postcode`, code: 'invalidPostcode' }] };
  const value: Address = line2 ? { line1, line2, town, postcode } : { line1, town, postcode };
  return { value, errors: [] };
}
