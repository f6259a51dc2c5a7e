import type { Bound, Expression, NumericAnswer } from '@eq/schema';
import { NUMBER_LIMIT } from '../answers/bounds.ts';
import { decimalPlaces } from '../answers/parse-number.ts';
import { type EvalContext, evaluate } from '../evaluate.ts';
import type { Dice } from './dice.ts';
import { impliedBounds } from './implied-bounds.ts';

/**
 * The values a numeric answer accepts, as whole numbers of its smallest step (10^-places):
 * `low` to `high`, both included. Working in whole steps keeps decimal places exact.
 */
export interface Grid {
  low: number;
  high: number;
  places: number;
}

/** Generated numbers stay well inside what doubles hold exactly at six decimal places. */
const SAFE_LIMIT = 1e9;

interface Limit {
  value: number;
  exclusive: boolean;
}

/**
 * The answer's grid with its bounds (and those implied by other answers' bounds) evaluated in
 * context; undefined when no value fits. Without bounds, numbers are everyday ones: from zero
 * (now and then from -1000) up to a million.
 */
export function numberGrid(answer: NumericAnswer, ctx: EvalContext, dice: Dice): Grid | undefined {
  const places = decimalPlaces(answer);
  const scale = 10 ** places;
  const implied = impliedBounds(ctx.compiled, answer.id);
  const mins = limits(answer.min, implied.min, ctx);
  const maxes = limits(answer.max, implied.max, ctx);
  const floor = -Math.min(NUMBER_LIMIT, SAFE_LIMIT);
  const ceiling = Math.min(NUMBER_LIMIT, SAFE_LIMIT);
  let low = mins.length === 0 ? undefined : Math.max(floor * scale, ...mins.map((m) => firstStep(m, places, 1)));
  let high = maxes.length === 0 ? undefined : Math.min(ceiling * scale, ...maxes.map((m) => firstStep(m, places, -1)));
  if (low === undefined)
    low = high !== undefined && high < 0 ? high - 1000 * scale : dice.chance(0.1) ? -1000 * scale : 0;
  if (high === undefined) high = low + 1_000_000 * scale;
  return low <= high ? { low, high, places } : undefined;
}

function limits(own: Bound | undefined, implied: Expression[], ctx: EvalContext): Limit[] {
  const out: Limit[] = [];
  const add = (expression: Expression, exclusive: boolean) => {
    const v = evaluate(expression, ctx);
    if (typeof v === 'number' && Number.isFinite(v)) out.push({ value: v, exclusive });
  };
  if (own) add(own.value, own.exclusive ?? false);
  for (const expression of implied) add(expression, false);
  return out;
}

/**
 * The first step on the right side of a limit (`direction` 1 for a minimum, -1 for a maximum),
 * checked as the engine compares: parsed numbers against the limit exactly, so a limit of
 * 241.82999999999998 (a sum of pennies in floating point) does not admit 241.83.
 */
function firstStep(limit: Limit, places: number, direction: 1 | -1): number {
  const scaled = limit.value * 10 ** places;
  let step = direction === 1 ? Math.ceil(scaled - 1e-6) : Math.floor(scaled + 1e-6);
  const outside = (s: number) => {
    const value = fromSteps(s, places);
    return direction * (value - limit.value) < 0 || (limit.exclusive && value === limit.value);
  };
  // A step or two settles it; far beyond SAFE_LIMIT steps no longer change the value, so stop anyway.
  for (let tries = 0; tries < 4 && outside(step); tries++) step += direction;
  return step;
}

/**
 * A number of steps in [low, high]: often a bound itself, otherwise up to a random order of
 * magnitude (in whole units, with `places` steps to a unit) above the minimum.
 */
export function randomSteps(low: number, high: number, places: number, dice: Dice): number {
  if (dice.chance(0.1)) return low;
  if (dice.chance(0.1)) return high;
  const span = Math.min(high - low, 10 ** (dice.int(0, 6) + places));
  return low + dice.int(0, span);
}

export function fromSteps(steps: number, places: number): number {
  const value = Number((steps / 10 ** places).toFixed(places));
  // -0 would be stored as 0 by JSON anyway.
  return value === 0 ? 0 : value;
}

export function randomNumber(answer: NumericAnswer, ctx: EvalContext, dice: Dice): number | undefined {
  const grid = numberGrid(answer, ctx, dice);
  return grid && fromSteps(randomSteps(grid.low, grid.high, grid.places, dice), grid.places);
}
