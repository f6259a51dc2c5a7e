import type { Answer, AnswerType, DetailAnswer, DurationValue, MessageCode, Text, TotalRule } from '@eq/schema';
import { translate } from '../translate.ts';
import { durationUnits } from './fields.ts';
import { formatDate, formatDuration, formatNumber } from './format.ts';
import { cy } from './messages-cy.ts';
import { en } from './messages-en.ts';

type AnyAnswer = Answer | DetailAnswer;

/** What a message is about, beyond its code: the limit broken, the part of the answer, and so on. */
export interface MessageDetail {
  /** The bound broken: a number, an ISO date (YYYY-MM-DD or YYYY-MM), a year or a duration. */
  limit?: number | string | DurationValue;
  /** A count: characters (tooShort, tooLong) or decimal places (tooManyDecimals). */
  count?: number;
  /** The bound itself is refused (more than, rather than more than or equal to). */
  exclusive?: boolean;
  /** The part of a multi-field answer at fault: an address line, or the year of a date. */
  part?: 'line1' | 'town' | 'postcode' | 'year';
  /** How a total compares (totalMismatch). */
  mustBe?: TotalRule['mustBe'];
  /** The label of the option that cannot be chosen with others (exclusiveConflict), already translated. */
  label?: string;
}

/** What a catalogue entry writes its message from; `limit` is already formatted for the answer. */
export interface MessageArgs {
  type: AnswerType;
  units: ('years' | 'months')[];
  limit: string;
  count: number;
  exclusive: boolean;
  part: MessageDetail['part'];
  mustBe: TotalRule['mustBe'];
  label: string;
}

export type Catalogue = { [code in MessageCode]: (args: MessageArgs) => string };

/**
 * The default message for a code in a language. Welsh has its own catalogue; every other
 * language falls back to English.
 */
export function defaultMessage(code: MessageCode, answer: AnyAnswer, lang: string, detail: MessageDetail = {}): string {
  const messageLang = lang === 'cy' ? 'cy' : 'en';
  const catalogue = messageLang === 'cy' ? cy : en;
  return catalogue[code]({
    type: answer.type,
    units: durationUnits(answer),
    limit: formatLimit(answer, detail.limit, messageLang),
    count: detail.count ?? 0,
    exclusive: detail.exclusive ?? false,
    part: detail.part,
    mustBe: detail.mustBe ?? 'equal',
    label: detail.label ?? '',
  });
}

/**
 * The message to show: a specific override (a bound's, a total's or a pattern's message) first,
 * then the answer's own message for the code, then the default.
 */
export function answerMessage(
  code: MessageCode,
  answer: AnyAnswer,
  lang: { lang: string; fallback: string },
  detail: MessageDetail = {},
  override?: Text,
): string {
  const text = override ?? answer.messages?.[code];
  const custom = text === undefined ? '' : translate(text, lang.lang, lang.fallback);
  return custom || defaultMessage(code, answer, lang.lang, detail);
}

function formatLimit(answer: AnyAnswer, limit: MessageDetail['limit'], lang: string): string {
  if (limit === undefined) return '';
  if (typeof limit === 'object') return formatDuration(limit, lang);
  if (typeof limit === 'number') return answer.type === 'year' ? String(limit) : formatNumber(answer, limit, lang);
  return formatDate(answer.type === 'monthYear' ? limit.slice(0, 7) : limit, lang);
}
