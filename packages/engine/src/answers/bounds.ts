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
 * The limit a bound sets, from what its expression evaluated to: a number for numeric answers; a
 * year for a year answer, given as a year or as a date; for a date or month-year answer a date
 * (YYYY-MM-DD or YYYY-MM) at the answer's own precision, so that "on or after 15 June 2020"
 * accepts June 2020. Undefined when the bound cannot apply (the static checks report such bounds).
 */
export function boundLimit(answer: Answer | DetailAnswer, value: unknown): number | string | undefined {
  switch (answer.type) {
    case 'number':
    case 'currency':
    case 'percentage':
    case 'unit':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'year': {
      const iso = toIsoDate(value);
      return iso === undefined ? undefined : Number(iso.slice(0, 4));
    }
    case 'date':
    case 'monthYear':
      return typeof value === 'string' ? toIsoDate(value)?.slice(0, answer.type === 'date' ? 10 : 7) : undefined;
    default:
      return undefined;
  }
}

/**
 * Checks a parsed value against the answer's minimum and maximum. A bound whose value cannot be
 * evaluated (an unanswered answer, missing metadata) is not applied; numbers still keep within
 * ±NUMBER_LIMIT. The context bounds are evaluated in is asked for only when there is a bound.
 */
export function checkBounds(
  answer: Answer | DetailAnswer,
  value: AnswerValue,
  ctx: () => EvalContext,
): BoundBreach | undefined {
  switch (answer.type) {
    case 'number':
    case 'currency':
    case 'percentage':
    case 'unit': {
      if (typeof value !== 'number') return undefined;
      const min = limitOf(answer, answer.min, ctx) ?? { limit: -NUMBER_LIMIT, exclusive: false };
      const max = limitOf(answer, answer.max, ctx) ?? { limit: NUMBER_LIMIT, exclusive: false };
      return outside(value, min, max, ['belowMinimum', 'aboveMaximum']);
    }
    case 'date':
    case 'monthYear':
    case 'year':
      return typeof value === 'number' || typeof value === 'string'
        ? outside(value, limitOf(answer, answer.min, ctx), limitOf(answer, answer.max, ctx), DATE_CODES)
        : undefined;
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

const DATE_CODES: [MessageCode, MessageCode] = ['dateTooEarly', 'dateTooLate'];

interface Limit {
  limit: number | string;
  exclusive: boolean;
  message?: Text;
}

function limitOf(answer: Answer | DetailAnswer, bound: Bound | undefined, ctx: () => EvalContext): Limit | undefined {
  if (!bound) return undefined;
  const limit = boundLimit(answer, evaluate(bound.value, ctx()));
  if (limit === undefined) return undefined;
  const out: Limit = { limit, exclusive: bound.exclusive ?? false };
  if (bound.message !== undefined) out.message = bound.message;
  return out;
}

function outside(
  value: number | string,
  min: Limit | undefined,
  max: Limit | undefined,
  [tooLow, tooHigh]: [MessageCode, MessageCode],
): BoundBreach | undefined {
  if (min && breaks(compare(value, min.limit), min.exclusive, -1)) return breach(tooLow, min);
  if (max && breaks(compare(value, max.limit), max.exclusive, 1)) return breach(tooHigh, max);
  return undefined;
}

/** Whether a value on the `side` of a limit (-1 below, 1 above) breaks it. */
function breaks(sign: number | undefined, exclusive: boolean, side: -1 | 1): boolean {
  return sign === side || (exclusive && sign === 0);
}

/** Orders a value and a limit of the same kind (the answer's values and `boundLimit` agree on it). */
function compare(a: number | string, b: number | string): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function breach(code: MessageCode, limit: Limit): BoundBreach {
  const out: BoundBreach = { code, detail: { limit: limit.limit, exclusive: limit.exclusive } };
  if (limit.message !== undefined) out.message = limit.message;
  return out;
}
