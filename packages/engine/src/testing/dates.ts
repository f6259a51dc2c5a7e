import type { Answer, Bound, DetailAnswer, DurationValue, Expression } from '@eq/schema';
import { durationUnits } from '../answers/fields.ts';
import { formatIsoDate, toIsoDate } from '../dates.ts';
import { type EvalContext, evaluate } from '../evaluate.ts';
import { durationMonths } from '../values.ts';
import type { Dice } from './dice.ts';
import { impliedBounds } from './implied-bounds.ts';

type DateAnswer = Extract<Answer | DetailAnswer, { type: 'date' | 'monthYear' | 'year' }>;
type DurationAnswer = Extract<Answer, { type: 'duration' }>;

const DAY = 86_400_000;

/**
 * A date at the answer's precision (a day, a month or a year, as bounds are checked) between
 * its bounds evaluated in context. Without bounds, dates fall in the 80 years up to today, or
 * the 5 years after a minimum later than today. Undefined when the bounds leave no date.
 */
export function randomDate(answer: DateAnswer, ctx: EvalContext, dice: Dice): string | number | undefined {
  const unit = UNITS[answer.type];
  const today = unit.of(ctx.today) ?? 0;
  const implied = impliedBounds(ctx.compiled, answer.id);
  const min = limit(answer.min, implied.min, ctx, unit, 1);
  const max = limit(answer.max, implied.max, ctx, unit, -1);
  const low = min ?? (max ?? today) - unit.perYear * 80;
  const high = max ?? (low <= today ? today : low + unit.perYear * 5);
  const [first, last] = [Math.max(low, unit.earliest), Math.min(high, unit.latest)];
  if (first > last) return undefined;
  const chosen = dice.chance(0.1) ? first : dice.chance(0.1) ? last : dice.int(first, last);
  return unit.value(chosen);
}

interface Unit {
  of(iso: string | undefined): number | undefined;
  value(n: number): string | number;
  perYear: number;
  earliest: number;
  latest: number;
}

/** Days since 1970-01-01; setUTCFullYear, unlike Date.UTC, keeps years 1-99 as they are. */
function dayOf(iso: string): number {
  const d = new Date(0);
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round(d.getTime() / DAY);
}

const byDay: Unit = {
  of: (iso) => (iso === undefined ? undefined : dayOf(iso)),
  value: (n) => {
    const d = new Date(n * DAY);
    return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  },
  perYear: 365,
  earliest: dayOf('0001-01-01'),
  latest: dayOf('9999-12-31'),
};

const byMonth: Unit = {
  of: (iso) => (iso === undefined ? undefined : Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1),
  value: (n) => formatIsoDate(Math.floor(n / 12), (n % 12) + 1, 1).slice(0, 7),
  perYear: 12,
  earliest: 12,
  latest: 9999 * 12 + 11,
};

const byYear: Unit = {
  of: (iso) => (iso === undefined ? undefined : Number(iso.slice(0, 4))),
  value: (n) => n,
  perYear: 1,
  earliest: 1,
  latest: 9999,
};

const UNITS = { date: byDay, monthYear: byMonth, year: byYear } as const;

/**
 * The tightest of the answer's own bound and those implied by other answers' bounds, in the
 * answer's unit; an exclusive bound moves one unit `inwards`.
 */
function limit(
  own: Bound | undefined,
  implied: Expression[],
  ctx: EvalContext,
  unit: Unit,
  inwards: 1 | -1,
): number | undefined {
  const all: number[] = [];
  const add = (expression: Expression, exclusive: boolean | undefined) => {
    const at = unit.of(toIsoDate(evaluate(expression, ctx)));
    if (at !== undefined) all.push(exclusive ? at + inwards : at);
  };
  if (own) add(own.value, own.exclusive);
  for (const expression of implied) add(expression, false);
  if (all.length === 0) return undefined;
  return inwards === 1 ? Math.max(...all) : Math.min(...all);
}

/** A duration between the answer's minimum and maximum (default up to 20 years), in the units it asks for. */
export function randomDuration(answer: DurationAnswer, dice: Dice): DurationValue | undefined {
  const units = durationUnits(answer);
  const min = answer.min ? durationMonths(answer.min) : 0;
  const max = answer.max ? durationMonths(answer.max) : min + 240;
  if (units.length === 1 && units[0] === 'years') {
    const [low, high] = [Math.ceil(min / 12), Math.floor(max / 12)];
    return low > high ? undefined : { years: dice.int(low, high) };
  }
  if (min > max) return undefined;
  const months = dice.chance(0.1) ? min : dice.chance(0.1) ? max : dice.int(min, max);
  return units.includes('years') ? { years: Math.floor(months / 12), months: months % 12 } : { months };
}
