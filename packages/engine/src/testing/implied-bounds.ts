import type { Answer, DetailAnswer, Expression } from '@eq/schema';
import type { CompiledQuestionnaire } from '../compile.ts';

export interface ImpliedBounds {
  min: Expression[];
  max: Expression[];
}

const NONE: ImpliedBounds = { min: [], max: [] };
const cache = new WeakMap<CompiledQuestionnaire, Map<string, ImpliedBounds>>();

/**
 * Bounds a consistent respondent keeps to beyond an answer's own. When a later answer must lie
 * between answers A and B ("the usual price, between the lowest and the highest"), A is given
 * no more than B and B no less than A, so that the later answer can be given at all.
 */
export function impliedBounds(compiled: CompiledQuestionnaire, answerId: string): ImpliedBounds {
  let byAnswer = cache.get(compiled);
  if (!byAnswer) {
    byAnswer = collect(compiled);
    cache.set(compiled, byAnswer);
  }
  return byAnswer.get(answerId) ?? NONE;
}

function collect(compiled: CompiledQuestionnaire): Map<string, ImpliedBounds> {
  const out = new Map<string, ImpliedBounds>();
  const add = (id: string, side: keyof ImpliedBounds, bound: Expression) => {
    const entry = out.get(id) ?? { min: [], max: [] };
    entry[side].push(bound);
    out.set(id, entry);
  };
  for (const { answer } of compiled.answers.values()) {
    const { min, max } = boundsOf(answer);
    if (min === undefined || max === undefined) continue;
    const low = answerId(min);
    const high = answerId(max);
    // A must also keep below B's own maximum, which holds before B is answered, and B above A's minimum.
    const highMax = high === undefined ? undefined : boundsOf(compiled.answers.get(high)?.answer).max;
    const lowMin = low === undefined ? undefined : boundsOf(compiled.answers.get(low)?.answer).min;
    if (low !== undefined) for (const bound of [max, highMax]) if (bound !== undefined) add(low, 'max', bound);
    if (high !== undefined) for (const bound of [min, lowMin]) if (bound !== undefined) add(high, 'min', bound);
  }
  return out;
}

function boundsOf(answer: Answer | DetailAnswer | undefined): { min?: Expression; max?: Expression } {
  if (!answer || (!('min' in answer) && !('max' in answer))) return {};
  const min = answer.min && 'value' in answer.min ? answer.min.value : undefined;
  const max = answer.max && 'value' in answer.max ? answer.max.value : undefined;
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** The answer a bound is, when it is plainly another answer's value (of the same item, if any). */
function answerId(bound: Expression): string | undefined {
  if (typeof bound !== 'object' || bound === null || Array.isArray(bound)) return undefined;
  return 'answer' in bound && bound.item === undefined ? bound.answer : undefined;
}
