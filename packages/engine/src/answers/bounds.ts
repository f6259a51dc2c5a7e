import type { Answer, Bound, DetailAnswer, MessageCode, Text } from '@eq/schema';
import { toIsoDate } from '../dates.ts';
import { type EvalContext, evaluate } from '../evaluate.ts';
import { isRecord } from '../state.ts';
import { type AnswerValue, durationMonths } from '../values.ts';
import type { MessageDetail } from './messages.ts';

/** A value outside its answer's bounds, with the bound's own message if it has one. */
export interface BoundBreach {
  code: MessageCode;
  detail: MessageDetail;
  message?: Text;
}

/** Numbers beyond this are refused even without bounds: no survey needs them and doubles lose precision. */
export const NUMBER_LIMIT = 999_999_999_999_999;

/**
 * Checks a parsed value against the answer's minimum and maximum. A bound whose value cannot be
 * evaluated (an unanswered answer, missing metadata) is not applied; numbers still keep within
 * ±NUMBER_LIMIT.
 */
export function checkBounds(
  answer: Answer | DetailAnswer,
  value: AnswerValue,
  ctx: EvalContext,
): BoundBreach | undefined {
  switch (answer.type) {
    case 'number':
    case 'currency':
    case 'percentage':
    case 'unit':
      return typeof value === 'number' ? checkNumber(answer, value, ctx) : undefined;
    case 'date':
    case 'monthYear':
    case 'year':
      return checkDate(answer, value, ctx);
    case 'duration': {
      if (!isRecord(value) || Array.isArray(value)) return undefined;
      const months = durationMonths(value);
      if (answer.min && months < durationMonths(answer.min))
        return { code: 'belowMinimum', detail: { limit: answer.min } };
      if (answer.max && months > durationMonths(answer.max))
        return { code: 'aboveMaximum', detail: { limit: answer.max } };
      return undefined;
    }
    default:
      return undefined;
  }
}

interface Limit<T> {
  limit: T;
  exclusive: boolean;
  message?: Text;
}

function limitOf<T>(bound: Bound | undefined, read: (v: unknown) => T | undefined, ctx: EvalContext) {
  if (!bound) return undefined;
  const limit = read(evaluate(bound.value, ctx));
  if (limit === undefined) return undefined;
  const out: Limit<T> = { limit, exclusive: bound.exclusive ?? false };
  if (bound.message !== undefined) out.message = bound.message;
  return out;
}

function breach<T extends number | string>(code: MessageCode, limit: Limit<T>): BoundBreach {
  const out: BoundBreach = { code, detail: { limit: limit.limit, exclusive: limit.exclusive } };
  if (limit.message !== undefined) out.message = limit.message;
  return out;
}

const finite = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function checkNumber(answer: { min?: Bound; max?: Bound }, value: number, ctx: EvalContext): BoundBreach | undefined {
  const min = limitOf(answer.min, finite, ctx) ?? { limit: -NUMBER_LIMIT, exclusive: false };
  const max = limitOf(answer.max, finite, ctx) ?? { limit: NUMBER_LIMIT, exclusive: false };
  return outside(value, min, max, ['belowMinimum', 'aboveMaximum']);
}

function outside<T extends number | string>(
  value: T,
  min: Limit<T> | undefined,
  max: Limit<T> | undefined,
  [tooLow, tooHigh]: [MessageCode, MessageCode],
): BoundBreach | undefined {
  if (min && (value < min.limit || (min.exclusive && value === min.limit))) return breach(tooLow, min);
  if (max && (value > max.limit || (max.exclusive && value === max.limit))) return breach(tooHigh, max);
  return undefined;
}

const DATE_CODES: [MessageCode, MessageCode] = ['dateTooEarly', 'dateTooLate'];

/**
 * Dates compare at the answer's own precision: a month-year with the bound's month, a year with
 * the bound's year, so "on or after 15 June 2020" accepts June 2020.
 */
function checkDate(
  answer: { type: 'date' | 'monthYear' | 'year'; min?: Bound; max?: Bound },
  value: AnswerValue,
  ctx: EvalContext,
): BoundBreach | undefined {
  if (answer.type === 'year') {
    const yearOf = (v: unknown) => {
      const iso = toIsoDate(v);
      return iso === undefined ? undefined : Number(iso.slice(0, 4));
    };
    return typeof value === 'number'
      ? outside(value, limitOf(answer.min, yearOf, ctx), limitOf(answer.max, yearOf, ctx), DATE_CODES)
      : undefined;
  }
  const precision = answer.type === 'date' ? 10 : 7;
  const dateOf = (v: unknown) => toIsoDate(v)?.slice(0, precision);
  return typeof value === 'string'
    ? outside(value, limitOf(answer.min, dateOf, ctx), limitOf(answer.max, dateOf, ctx), DATE_CODES)
    : undefined;
}
