import type { NumericAnswer, Question, TotalRule } from '@eq/schema';
import { decimalPlaces } from '../answers/parse-number.ts';
import { meetsTotal } from '../answers/totals.ts';
import { withSubmitted } from '../answers/validate.ts';
import { answerValue, type EvalContext, evaluate } from '../evaluate.ts';
import { type AnswerValue, isNumericAnswer } from '../values.ts';
import type { Dice } from './dice.ts';
import { fromSteps, numberGrid, randomSteps } from './numbers.ts';

type Values = Record<string, AnswerValue | undefined>;

/**
 * Changes a question's generated numbers so that its totals rules hold, as a respondent
 * re-adds their figures: the answers a rule adds up are given a new random sum that meets every
 * rule over the same answers, spread across them within each answer's bounds. When no sum fits,
 * optional answers are left empty (a rule with nothing to add up does not apply).
 */
export function satisfyTotals(question: Question, values: Values, ctx: EvalContext, dice: Dice): void {
  const groups = new Map<string, { ids: string[]; rules: TotalRule[] }>();
  for (const rule of question.totals ?? []) {
    const ids = rule.answers ?? question.answers.filter(isNumericAnswer).map((a) => a.id);
    const key = [...ids].sort().join(' ');
    const group = groups.get(key) ?? { ids, rules: [] };
    group.rules.push(rule);
    groups.set(key, group);
  }
  // Groups may share answers: a second pass repairs a group that a later one upset.
  for (let pass = 0; pass < 2; pass++) {
    for (const { ids, rules } of groups.values()) adjust(question, ids, rules, values, ctx, dice);
  }
}

function adjust(question: Question, ids: string[], rules: TotalRule[], values: Values, ctx: EvalContext, dice: Dice) {
  const parts = question.answers.filter((a): a is NumericAnswer => ids.includes(a.id) && isNumericAnswer(a));
  const fixedValues = ids
    .filter((id) => !question.answers.some((a) => a.id === id))
    .map((id) => answerValue({ answer: id }, ctx));
  const fixed = fixedValues.reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0);
  const anyFixed = fixedValues.some((v) => typeof v === 'number');
  if (!anyFixed && !parts.some((a) => typeof values[a.id] === 'number')) return;
  const ctxNow = withSubmitted(ctx, values);
  const totals = rules
    .map((rule) => ({ rule, total: evaluate(rule.total, ctxNow) }))
    .filter((t): t is { rule: TotalRule; total: number } => typeof t.total === 'number' && Number.isFinite(t.total));
  const sum = parts.reduce<number>(
    (acc, a) => acc + (typeof values[a.id] === 'number' ? (values[a.id] as number) : 0),
    fixed,
  );
  if (totals.every(({ rule, total }) => meetsTotal(sum, rule.mustBe, total)) || parts.length === 0) return;

  const places = Math.min(...parts.map(decimalPlaces));
  const grids = parts.map((a) => numberGrid(a, ctxNow, dice));
  let low = 0;
  let high = 0;
  const ranges: [number, number][] = [];
  for (const [i, grid] of grids.entries()) {
    if (!grid) return leaveEmpty(parts, values, anyFixed);
    const coarser = 10 ** (grid.places - places);
    const range: [number, number] = [Math.ceil(grid.low / coarser), Math.floor(grid.high / coarser)];
    if (range[0] > range[1]) return leaveEmpty(parts, values, anyFixed);
    ranges[i] = range;
    low += range[0];
    high += range[1];
  }
  for (const { rule, total } of totals) [low, high] = within([low, high], rule.mustBe, (total - fixed) * 10 ** places);
  if (low > high) return leaveEmpty(parts, values, anyFixed);
  let remaining = randomSteps(low, high, places, dice) - ranges.reduce((acc, [min]) => acc + min, 0);
  const steps = ranges.map(([min]) => min);
  const order = dice.shuffle([...steps.keys()]);
  // A random share for each answer, then whatever is left goes wherever there is room.
  for (const i of order) {
    const room = (ranges[i]?.[1] ?? 0) - (steps[i] ?? 0);
    const share = dice.int(0, Math.min(remaining, room));
    steps[i] = (steps[i] ?? 0) + share;
    remaining -= share;
  }
  for (const i of order) {
    const share = Math.min(remaining, (ranges[i]?.[1] ?? 0) - (steps[i] ?? 0));
    steps[i] = (steps[i] ?? 0) + share;
    remaining -= share;
  }
  parts.forEach((a, i) => {
    values[a.id] = fromSteps(steps[i] ?? 0, places);
  });
}

/** Narrows the range of sums (in steps) to those meeting a rule; `total` is in steps too. */
function within([low, high]: [number, number], mustBe: TotalRule['mustBe'], total: number): [number, number] {
  const nearest = Math.round(total);
  const onStep = Math.abs(total - nearest) < 1e-6;
  const atMost = onStep ? nearest : Math.floor(total);
  const atLeast = onStep ? nearest : Math.ceil(total);
  switch (mustBe) {
    case 'equal':
      return onStep ? [Math.max(low, nearest), Math.min(high, nearest)] : [1, 0];
    case 'lessThan':
      return [low, Math.min(high, onStep ? nearest - 1 : atMost)];
    case 'lessThanOrEqual':
      return [low, Math.min(high, atMost)];
    case 'greaterThan':
      return [Math.max(low, onStep ? nearest + 1 : atLeast), high];
    case 'greaterThanOrEqual':
      return [Math.max(low, atLeast), high];
  }
}

/** When no sum fits, a rule can only be avoided by giving none of its answers (if none is required). */
function leaveEmpty(parts: NumericAnswer[], values: Values, anyFixed: boolean): void {
  if (anyFixed || parts.some((a) => a.mandatory)) return;
  for (const a of parts) values[a.id] = undefined;
}
