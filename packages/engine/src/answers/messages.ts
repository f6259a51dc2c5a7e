import type { Answer, AnswerType, DetailAnswer, DurationValue, MessageCode, Text, TotalRule } from '@eq/schema';
import { formatDate, formatMonthYear } from '../text/calendar.ts';
import { formatDuration } from '../text/duration.ts';
import { formatCurrency, formatNumber, formatPercentage } from '../text/numbers.ts';
import { type RenderContext, renderText } from '../text/render.ts';
import { formatUnit } from '../text/units.ts';
import { durationUnits } from './fields.ts';
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
  /** The label of the option that cannot be chosen with others (exclusiveConflict), ready to show. */
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
 * then the answer's own message for the code, then the default. Custom messages are texts like
 * any other, so their placeholders are filled in.
 */
export function answerMessage(
  code: MessageCode,
  answer: AnyAnswer,
  ctx: RenderContext,
  detail: MessageDetail = {},
  override?: Text,
): string {
  return renderText(override ?? answer.messages?.[code], ctx) || defaultMessage(code, answer, ctx.lang, detail);
}

/**
 * A limit written as summaries and piping write the answer's own values (formatAnswerValue):
 * money in the answer's currency, units in its unit and length, a year as a plain label.
 */
function formatLimit(answer: AnyAnswer, limit: MessageDetail['limit'], lang: string): string {
  if (limit === undefined) return '';
  if (typeof limit === 'object') return formatDuration(limit, lang);
  if (typeof limit === 'string') {
    return answer.type === 'monthYear' ? formatMonthYear(limit, lang) : formatDate(limit, lang);
  }
  switch (answer.type) {
    case 'year':
      return String(limit);
    case 'currency':
      return formatCurrency(limit, lang, answer.currency);
    case 'percentage':
      return formatPercentage(limit, lang);
    case 'unit':
      return formatUnit(limit, answer.unit, lang, answer.unitLength);
    default:
      return formatNumber(limit, lang);
  }
}
