import type { DurationValue, Expression, ItemRef } from '@eq/schema';
import type { AnswerInfo, CompiledQuestionnaire } from './compile.ts';
import { addToDate, toIsoDate, yearsBetween } from './dates.ts';
import { pageKey } from './location.ts';
import type { ResponseState } from './state.ts';
import { isRecord } from './state.ts';
import { type AnswerValue, durationMonths, readAnswer } from './values.ts';

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
  /**
   * Keys of the page locations on the respondent's path so far. When given, answers asked
   * anywhere else count as unanswered, so stale answers never steer routing.
   */
  onPath?: ReadonlySet<string> | undefined;
  /** Status of a section (or of one repeat of it); the navigation layer provides it. */
  sectionStatus?: ((sectionId: string, item?: string) => SectionStatus) | undefined;
}

export type Value = AnswerValue | boolean | null | undefined | Value[];

const MAX_DEPTH = 64;

/** Evaluates an expression. Never throws: anything malformed or missing evaluates to undefined. */
export function evaluate(expression: Expression, ctx: EvalContext): Value {
  return evaluateAt(expression, ctx, 0);
}

/** Evaluates a condition: true only when the expression evaluates to exactly `true`. */
export function holds(condition: Expression | undefined, ctx: EvalContext): boolean {
  if (condition === undefined) return true;
  return evaluate(condition, ctx) === true;
}

function evaluateAt(expr: Expression, ctx: EvalContext, depth: number): Value {
  if (depth > MAX_DEPTH) return undefined;
  if (expr === null || typeof expr !== 'object') return expr;
  if (Array.isArray(expr)) return expr;
  const sub = (e: Expression) => evaluateAt(e, ctx, depth + 1);
  const o = expr as Record<string, unknown>;
  const [op] = Object.keys(o);
  switch (op) {
    case 'answer':
      return answerValue(o as { answer: string; item?: ItemRef }, ctx);
    case 'metadata':
      return metadataValue(String(o.metadata), ctx);
    case 'listCount':
      return ctx.state.lists[String(o.listCount)]?.items.length ?? 0;
    case 'itemLabel':
      return itemLabel(resolveItem(o.itemLabel as ItemRef, ctx, listOfCollector(ctx)), ctx, depth);
    case 'itemLabels': {
      const list = String(o.itemLabels);
      return (ctx.state.lists[list]?.items ?? []).map((item) => itemLabel({ list, item }, ctx, depth) ?? '');
    }
    case 'isPrimary': {
      const item = o.isPrimary === 'to' ? ctx.to : ctx.item;
      return item !== undefined && Object.values(ctx.state.lists).some((l) => l.primary === item);
    }
    case 'calculated':
      return calculatedTotal(String(o.calculated), ctx);
    case 'sectionStatus':
      return ctx.sectionStatus?.(String(o.sectionStatus)) ?? 'notStarted';
    case 'date': {
      const base = o.date === 'today' ? ctx.today : toIsoDate(sub(o.date as Expression));
      if (base === undefined) return undefined;
      return isRecord(o.offset) ? addToDate(base, o.offset) : base;
    }
    case 'age': {
      const birth = toIsoDate(sub(o.age as Expression));
      return birth === undefined ? undefined : yearsBetween(birth, ctx.today);
    }
    case 'count': {
      const v = sub(o.count as Expression);
      return v === undefined || v === null ? 0 : Array.isArray(v) ? v.length : 1;
    }
    case 'sum':
      return sumOf(asArray(o.sum).map((e) => sub(e as Expression)));
    case 'concat': {
      const parts = asArray(o.concat)
        .flatMap((e) => toList(sub(e as Expression)))
        .map(toText)
        .filter((s) => s !== '');
      return parts.join(typeof o.separator === 'string' ? o.separator : ' ');
    }
    case 'and':
      return asArray(o.and).every((e) => sub(e as Expression) === true);
    case 'or':
      return asArray(o.or).some((e) => sub(e as Expression) === true);
    case 'not':
      return sub(o.not as Expression) !== true;
    case 'answered':
    case 'unanswered': {
      const ref = o[op];
      if (!isRecord(ref) || typeof ref.answer !== 'string') return undefined;
      const v = answerValue(ref as { answer: string; item?: ItemRef }, ctx);
      const answered = Array.isArray(v) ? v.length > 0 : v !== undefined;
      return op === 'answered' ? answered : !answered;
    }
    default:
      return op !== undefined && op in COMPARISONS ? compareOp(op, o[op], sub) : undefined;
  }
}

const ordered = (test: (sign: number) => boolean) => (a: Value, b: Value) => {
  const sign = order(a, b);
  return sign !== undefined && test(sign);
};

const COMPARISONS: Record<string, (a: Value, b: Value) => boolean> = {
  '==': (a, b) => equals(a, b),
  '!=': (a, b) => !equals(a, b),
  '<': ordered((s) => s < 0),
  '<=': ordered((s) => s <= 0),
  '>': ordered((s) => s > 0),
  '>=': ordered((s) => s >= 0),
  in: (a, b) => a !== undefined && a !== null && Array.isArray(b) && b.some((x) => equals(a, x)),
  'any-in': (a, b) => toList(a).some((x) => toList(b).some((y) => equals(x, y))),
  'all-in': (a, b) => toList(a).length > 0 && toList(a).every((x) => toList(b).some((y) => equals(x, y))),
};

function compareOp(op: string, args: unknown, sub: (e: Expression) => Value): boolean | undefined {
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const compare = COMPARISONS[op];
  return compare ? compare(sub(args[0] as Expression), sub(args[1] as Expression)) : undefined;
}

/** Equality across value types: dates by calendar day, checkbox selections as sets. */
export function equals(a: Value, b: Value): boolean {
  if (a === undefined) return b === null || b === undefined;
  if (b === undefined) return a === null;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x) => b.some((y) => equals(x, y)));
  }
  if (typeof a === 'string' && typeof b === 'string') {
    const da = asDate(a);
    const db = asDate(b);
    return da !== undefined && db !== undefined ? da === db : a === b;
  }
  if (isDuration(a) && isDuration(b)) return durationMonths(a) === durationMonths(b);
  return a === b;
}

/** Orders numbers, dates and durations; undefined when the two cannot be ordered. */
export function order(a: Value, b: Value): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') {
    const da = asDate(a);
    const db = asDate(b);
    if (da === undefined || db === undefined) return undefined;
    return da < db ? -1 : da > db ? 1 : 0;
  }
  if (isDuration(a) && isDuration(b)) return Math.sign(durationMonths(a) - durationMonths(b));
  return undefined;
}

function asDate(s: string): string | undefined {
  return s.length === 10 || s.length === 7 ? toIsoDate(s) : undefined;
}

function isDuration(v: Value): v is DurationValue {
  return isRecord(v) && ('years' in v || 'months' in v) && !('line1' in v);
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function toList(v: Value): Value[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function toText(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

function sumOf(values: Value[]): number {
  let total = 0;
  for (const v of values.flatMap(toList)) if (typeof v === 'number') total += v;
  return total;
}

function metadataValue(name: string, ctx: EvalContext): Value {
  const def = ctx.compiled.metadata.get(name);
  const raw = ctx.state.metadata[name];
  if (!def || raw === undefined || raw === null) return undefined;
  switch (def.type) {
    case 'string':
      return typeof raw === 'string' ? raw : undefined;
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'date':
      return typeof raw === 'string' ? toIsoDate(raw) : undefined;
  }
}

/** The list whose items the context's current item belongs to, if any. */
function listOfCollector(ctx: EvalContext): string | undefined {
  const item = ctx.item;
  if (item === undefined) return undefined;
  for (const [name, list] of Object.entries(ctx.state.lists)) if (list.items.includes(item)) return name;
  return undefined;
}

function resolveItem(
  ref: ItemRef,
  ctx: EvalContext,
  list: string | undefined,
): { list: string; item: string } | undefined {
  if (ref === 'primary') {
    for (const [name, l] of Object.entries(ctx.state.lists)) {
      if (l.primary && (list === undefined || list === name)) return { list: name, item: l.primary };
    }
    return undefined;
  }
  const item = ref === 'to' ? ctx.to : ctx.item;
  return list !== undefined && item !== undefined ? { list, item } : undefined;
}

function itemLabel(target: { list: string; item: string } | undefined, ctx: EvalContext, depth: number): Value {
  if (!target) return undefined;
  const info = ctx.compiled.lists.get(target.list);
  if (!info) return undefined;
  const v = evaluateAt(info.collector.itemLabel, { ...ctx, item: target.item, to: undefined }, depth + 1);
  return toText(v);
}

/** Whether the answer's value at this item (and pair) is on the path, when a path is given. */
function isOnPath(info: AnswerInfo, ctx: EvalContext, item?: string, to?: string): boolean {
  if (!ctx.onPath) return true;
  const page = ctx.compiled.pages.get(info.pageId);
  // List item pages are not path locations: an item's answers count while the item exists.
  if (page?.role) return true;
  return ctx.onPath.has(pageKey(info.pageId, info.list ? item : undefined, info.relationship ? to : undefined));
}

function readAt(info: AnswerInfo, ctx: EvalContext, item?: string): Value {
  if (!info.list) return isOnPath(info, ctx) ? readAnswer(info.answer, ctx.state.answers[info.answer.id]) : undefined;
  if (item === undefined || !ctx.state.lists[info.list]?.items.includes(item)) return undefined;
  const raw = ctx.state.itemAnswers[item]?.[info.answer.id];
  if (info.relationship) {
    const to = ctx.to;
    if (to === undefined || !isRecord(raw) || !isOnPath(info, ctx, item, to)) return undefined;
    return readAnswer(info.answer, raw[to]);
  }
  return isOnPath(info, ctx, item) ? readAnswer(info.answer, raw) : undefined;
}

/** The value of an answer as the respondent gave it, or undefined if unanswered or invalid. */
export function answerValue(ref: { answer: string; item?: ItemRef }, ctx: EvalContext): Value {
  const info = ctx.compiled.answers.get(ref.answer);
  if (!info) return undefined;
  if (!info.list) return readAt(info, ctx);
  const list = info.list;
  switch (ref.item ?? 'current') {
    case 'all':
      return (ctx.state.lists[list]?.items ?? []).flatMap((item) => toList(readAt(info, ctx, item)));
    case 'primary':
      return readAt(info, ctx, ctx.state.lists[list]?.primary);
    case 'to':
      return readAt(info, { ...ctx, item: ctx.to, to: undefined }, ctx.to);
    default:
      return readAt(info, ctx, ctx.item);
  }
}

/** The total of a calculated summary page: the sum of its answers on the path (unanswered count as 0). */
export function calculatedTotal(pageId: string, ctx: EvalContext): number | undefined {
  const page = ctx.compiled.pages.get(pageId)?.page;
  if (page?.kind !== 'calculatedSummary') return undefined;
  return sumOf(page.answers.map((answer) => answerValue({ answer }, ctx)));
}
