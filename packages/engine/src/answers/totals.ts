import type { Answer, Question, TotalRule } from '@eq/schema';
import { answerValue } from '../answer-read.ts';
import { type EvalContext, evaluate } from '../evaluate.ts';
import { type AnswerValue, isNumericAnswer, roundTotal } from '../values.ts';

/** A total rule that does not hold: the answer to link to and the total it should meet. */
export function checkTotal(
  question: Question,
  rule: TotalRule,
  values: Record<string, AnswerValue | undefined>,
  ctx: EvalContext,
): { answer: Answer; total: number } | undefined {
  const ids = rule.answers ?? question.answers.filter(isNumericAnswer).map((a) => a.id);
  const parts = ids.map((id) => (Object.hasOwn(values, id) ? values[id] : answerValue({ answer: id }, ctx)));
  // Nothing to add up yet: whether these answers are required is the mandatory rule's business.
  if (!parts.some((v) => typeof v === 'number')) return undefined;
  const total = evaluate(rule.total, ctx);
  if (typeof total !== 'number' || !Number.isFinite(total)) return undefined;
  const sum = parts.reduce<number>((acc, v) => acc + (typeof v === 'number' ? v : 0), 0);
  if (meetsTotal(sum, rule.mustBe, total)) return undefined;
  const answer = question.answers.find((a) => ids.includes(a.id)) ?? question.answers[0];
  return answer ? { answer, total } : undefined;
}

/** Whether a sum meets a total rule, both rounded past floating-point noise (see roundTotal). */
export function meetsTotal(sum: number, mustBe: TotalRule['mustBe'], total: number): boolean {
  const [s, t] = [roundTotal(sum), roundTotal(total)];
  switch (mustBe) {
    case 'equal':
      return s === t;
    case 'lessThan':
      return s < t;
    case 'lessThanOrEqual':
      return s <= t;
    case 'greaterThan':
      return s > t;
    case 'greaterThanOrEqual':
      return s >= t;
  }
}
