import type { AnswerRef, DateOffset, Expression } from '@eq/schema';
import { answerValue, calculatedTotal, isPrimaryItem, listOfItem, primaryItem } from './answer-read.ts';
import type { CompiledQuestionnaire } from './compile.ts';
import { addToDate, toIsoDate, yearsBetween } from './dates.ts';
import { isBinaryOperator } from './operands.ts';
import { isRecord, type ResponseState } from './state.ts';
import { isInList, itemsIn, metadataIn, type StateReads } from './state-reads.ts';
import { compareValues, numberTotal, readMetadata, roundTotal, type Value } from './values.ts';

export { answerValue, calculatedTotal } from './answer-read.ts';
export type { Value } from './values.ts';
export { equals, order } from './values.ts';
export type SectionStatus = 'notStarted' | 'inProgress' | 'completed';

/** What an expression is evaluated against. */
export interface EvalContext {
  compiled: CompiledQuestionnaire;
  state: ResponseState;
  /** Today's date, YYYY-MM-DD. */
  today: string;
  /** The current list item (repeating section, list item page or first item of a pair). */
  item?: string | undefined;
  /** The other item of a relationship pair. */
  to?: string | undefined;
  /** The list of `item` and `to`; without it, the first list of the questionnaire holding `item`. */
  list?: string | undefined;
  /**
   * Keys of the page locations on the respondent's path so far. When given, answers asked
   * anywhere else count as unanswered, so stale answers never steer routing.
   */
  onPath?: ReadonlySet<string> | undefined;
  /**
   * Status of a section, or of one repeat of it: `item` is given when the section repeats over
   * the list of the context's item. The navigation layer provides it.
   */
  sectionStatus?: ((sectionId: string, item?: string) => SectionStatus) | undefined;
  /** When given, told of every read of the state and the path, so a path walk can tell when its result still holds. */
  reads?: StateReads | undefined;
}

/** Deeper trees are refused, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 64;
/** More nodes are refused: item labels that show item labels would otherwise grow exponentially. */
const MAX_STEPS = 100_000;
/** Thrown from deep inside a malformed expression; `evaluate` turns it into undefined. */
const MALFORMED = new Error('malformed expression');
const ITEM_REFS: ReadonlySet<unknown> = new Set(['current', 'to', 'primary', 'all']);

interface Run {
  steps: number;
}

/**
 * Evaluates an expression. Never throws: a missing value evaluates to undefined, and so does the
 * whole expression when its evaluation meets a malformed node (unknown operator, wrong operands)
 * or goes too deep or too long. `and`, `or` and `first` stop at the first operand that decides them.
 */
export function evaluate(expression: Expression, ctx: EvalContext): Value {
  try {
    return evaluateAt(expression, ctx, { steps: 0 }, 0);
  } catch (error) {
    if (error === MALFORMED) return undefined;
    throw error;
  }
}

/** Evaluates a condition: true only when the expression evaluates to exactly `true`. */
export function holds(condition: Expression | undefined, ctx: EvalContext): boolean {
  if (condition === undefined) return true;
  return evaluate(condition, ctx) === true;
}

function evaluateAt(expr: unknown, ctx: EvalContext, run: Run, depth: number): Value {
  if (++run.steps > MAX_STEPS || depth > MAX_DEPTH) throw MALFORMED;
  if (expr === null || typeof expr === 'string' || typeof expr === 'number' || typeof expr === 'boolean') return expr;
  if (Array.isArray(expr)) {
    for (const x of expr) if (x !== null && typeof x === 'object') throw MALFORMED;
    return expr as Value[];
  }
  if (!isRecord(expr)) throw MALFORMED;
  const op = operatorOf(expr);
  const arg = expr[op];
  const next = depth + 1;
  switch (op) {
    case 'answer':
      return answerValue(answerRef(expr), ctx);
    case 'metadata':
      return readMetadata(ctx.compiled.metadata.get(text(arg)), metadataIn(ctx.state, arg as string, ctx.reads));
    case 'listCount':
      return itemsIn(ctx.state, text(arg), ctx.reads).length;
    case 'itemLabel':
      return itemLabelOf(arg, ctx, run, next);
    case 'itemLabels': {
      const list = text(arg);
      return itemsIn(ctx.state, list, ctx.reads).map((item) => labelOf(list, item, ctx, run, next) ?? '');
    }
    case 'isPrimary':
      if (arg !== 'current' && arg !== 'to') throw MALFORMED;
      return isPrimaryItem(arg === 'to' ? ctx.to : ctx.item, ctx);
    case 'calculated':
      return calculatedTotal(text(arg), ctx);
    case 'sectionStatus':
      return sectionStatusOf(text(arg), ctx);
    case 'date': {
      const offset = expr.offset === undefined ? undefined : dateOffset(expr.offset);
      const base = arg === 'today' ? ctx.today : toIsoDate(evaluateAt(arg, ctx, run, next));
      return base === undefined || offset === undefined ? base : addToDate(base, offset);
    }
    case 'age': {
      const birth = toIsoDate(evaluateAt(arg, ctx, run, next));
      return birth === undefined ? undefined : yearsBetween(birth, ctx.today);
    }
    case 'count': {
      const v = evaluateAt(arg, ctx, run, next);
      return Array.isArray(v) ? v.length : v === undefined || v === null ? 0 : 1;
    }
    case 'sum': {
      let total = 0;
      for (const e of operands(arg)) total += numberTotal(evaluateAt(e, ctx, run, next));
      return roundTotal(total);
    }
    case 'concat': {
      const separator = expr.separator === undefined ? ' ' : text(expr.separator);
      let out = '';
      for (const e of operands(arg)) out = joinText(out, evaluateAt(e, ctx, run, next), separator);
      return out;
    }
    case 'first':
      for (const e of operands(arg)) {
        const v = evaluateAt(e, ctx, run, next);
        if (isGiven(v)) return v;
      }
      return undefined;
    case 'and':
      for (const e of operands(arg)) if (evaluateAt(e, ctx, run, next) !== true) return false;
      return true;
    case 'or':
      for (const e of operands(arg)) if (evaluateAt(e, ctx, run, next) === true) return true;
      return false;
    case 'not':
      return evaluateAt(arg, ctx, run, next) !== true;
    case 'answered':
    case 'unanswered': {
      if (!isRecord(arg) || operatorOf(arg) !== 'answer') throw MALFORMED;
      const v = answerValue(answerRef(arg), ctx);
      const answered = Array.isArray(v) ? v.length > 0 : v !== undefined;
      return op === 'answered' ? answered : !answered;
    }
    default:
      if (!isBinaryOperator(op) || !Array.isArray(arg) || arg.length !== 2) throw MALFORMED;
      return compareValues(op, evaluateAt(arg[0], ctx, run, next), evaluateAt(arg[1], ctx, run, next));
  }
}

/** The one operator key of a node; `item`, `offset` and `separator` may only sit beside their operator. */
function operatorOf(node: Record<string, unknown>): string {
  let op: string | undefined;
  let extra: string | undefined;
  for (const key in node) {
    if (key === 'item' || key === 'offset' || key === 'separator') {
      if (extra !== undefined) throw MALFORMED;
      extra = key;
    } else if (op === undefined) op = key;
    else throw MALFORMED;
  }
  if (op === undefined || (extra !== undefined && extra !== extraKeyOf(op))) throw MALFORMED;
  return op;
}

function extraKeyOf(op: string): string | undefined {
  return op === 'answer' ? 'item' : op === 'date' ? 'offset' : op === 'concat' ? 'separator' : undefined;
}

function answerRef(node: Record<string, unknown>): AnswerRef {
  if (typeof node.answer !== 'string' || !(node.item === undefined || ITEM_REFS.has(node.item))) throw MALFORMED;
  return node as unknown as AnswerRef;
}

function text(v: unknown): string {
  if (typeof v !== 'string') throw MALFORMED;
  return v;
}

function operands(v: unknown): unknown[] {
  if (!Array.isArray(v) || v.length === 0) throw MALFORMED;
  return v;
}

function dateOffset(v: unknown): DateOffset {
  if (!isRecord(v)) throw MALFORMED;
  for (const key in v) {
    if ((key !== 'years' && key !== 'months' && key !== 'days') || !Number.isSafeInteger(v[key])) throw MALFORMED;
  }
  return v as DateOffset;
}

/** Whether `first` takes a value: anything but a missing value, null, an empty list or empty text. */
function isGiven(v: Value): boolean {
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}

/** Appends a value's text (each element of a list), skipping empty parts. */
function joinText(out: string, v: Value, separator: string): string {
  if (Array.isArray(v)) {
    let joined = out;
    for (const x of v) joined = joinText(joined, x, separator);
    return joined;
  }
  const part = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  if (part === '') return out;
  return out === '' ? part : out + separator + part;
}

function itemLabelOf(which: unknown, ctx: EvalContext, run: Run, depth: number): Value {
  if (which === 'primary') {
    const primary = primaryItem(ctx);
    return primary && labelOf(primary.list, primary.item, ctx, run, depth);
  }
  if (which !== 'current' && which !== 'to') throw MALFORMED;
  const item = which === 'to' ? ctx.to : ctx.item;
  const list = listOfItem(item, ctx);
  return list === undefined || item === undefined ? undefined : labelOf(list, item, ctx, run, depth);
}

function labelOf(list: string, item: string, ctx: EvalContext, run: Run, depth: number): string | undefined {
  const info = ctx.compiled.lists.get(list);
  if (!info) return undefined;
  const same = ctx.item === item && ctx.to === undefined && ctx.list === list;
  const v = evaluateAt(info.collector.itemLabel, same ? ctx : { ...ctx, item, to: undefined, list }, run, depth);
  return joinText('', v, ' ');
}

function sectionStatusOf(sectionId: string, ctx: EvalContext): SectionStatus {
  if (!ctx.sectionStatus) return 'notStarted';
  const repeat = ctx.compiled.sections.get(sectionId)?.section.repeat?.list;
  const item = repeat !== undefined && isInList(ctx.state, repeat, ctx.item, ctx.reads) ? ctx.item : undefined;
  const status = ctx.sectionStatus(sectionId, item);
  ctx.reads?.sectionStatus(sectionId, item, status);
  return status;
}
