import type { AnswerRef } from '@eq/schema';
import type { AnswerInfo } from './compile.ts';
import type { EvalContext } from './evaluate.ts';
import { pageKey } from './location.ts';
import { isRecord, own } from './state.ts';
import { answerIn, isInList, itemAnswerIn, itemsIn, listIn } from './state-reads.ts';
import { numberTotal, readAnswer, roundTotal, type Value } from './values.ts';

/**
 * Reading answers as expressions see them: for the context's list item (or another item of its
 * list), only while on the respondent's path, and a detail answer only while its option is chosen.
 */

/**
 * The value of an answer as the respondent gave it, or undefined if unanswered, invalid, off the
 * path, or a detail answer whose option is no longer chosen. List answers are read for the
 * context's item; `item` picks another: `to` (for relationships, the other item's answer about
 * the current one), `primary` (for relationships, towards `to`, else towards the current item)
 * or `all` (every item's values in one list, missing ones left out).
 */
export function answerValue(ref: AnswerRef, ctx: EvalContext): Value {
  const info = ctx.compiled.answers.get(ref.answer);
  if (!info) return undefined;
  if (info.list === undefined) return readAt(info, ctx, undefined, undefined);
  switch (ref.item ?? 'current') {
    case 'current':
      return readAt(info, ctx, ctx.item, ctx.to);
    case 'to':
      return readAt(info, ctx, ctx.to, ctx.item);
    case 'primary':
      return readAt(info, ctx, listIn(ctx.state, info.list, ctx.reads)?.primary, ctx.to ?? ctx.item);
    case 'all':
      return allValues(info, info.list, ctx);
  }
  return undefined;
}

/** The total of a calculated summary page: the sum of its answers on the path (unanswered count as 0). */
export function calculatedTotal(pageId: string, ctx: EvalContext): number | undefined {
  const page = ctx.compiled.pages.get(pageId)?.page;
  if (page?.kind !== 'calculatedSummary') return undefined;
  let total = 0;
  for (const answer of page.answers) total += numberTotal(answerValue({ answer }, ctx));
  return roundTotal(total);
}

/** The list an item belongs to: the context's list, else the first list of the questionnaire that holds it. */
export function listOfItem(item: string | undefined, ctx: EvalContext): string | undefined {
  if (item === undefined) return undefined;
  if (ctx.list !== undefined && isInList(ctx.state, ctx.list, item, ctx.reads)) return ctx.list;
  for (const list of ctx.compiled.lists.keys()) if (isInList(ctx.state, list, item, ctx.reads)) return list;
  return undefined;
}

export function isPrimaryItem(item: string | undefined, ctx: EvalContext): boolean {
  const list = listOfItem(item, ctx);
  return list !== undefined && listIn(ctx.state, list, ctx.reads)?.primary === item;
}

/** The primary item of the current item's list, else of the first list of the questionnaire that has one. */
export function primaryItem(ctx: EvalContext): { list: string; item: string } | undefined {
  const current = listOfItem(ctx.item, ctx);
  const primary = current === undefined ? undefined : listIn(ctx.state, current, ctx.reads)?.primary;
  if (current !== undefined && primary !== undefined) return { list: current, item: primary };
  for (const list of ctx.compiled.lists.keys()) {
    const item = listIn(ctx.state, list, ctx.reads)?.primary;
    if (item !== undefined) return { list, item };
  }
  return undefined;
}

/**
 * The answer's value at an item (and, for relationships, towards `to`), when on the path and,
 * for a detail answer, while its option is chosen.
 */
function readAt(info: AnswerInfo, ctx: EvalContext, item: string | undefined, to: string | undefined): Value {
  if (info.parent && !parentChosen(info.parent, ctx, item, to)) return undefined;
  if (info.list === undefined) {
    return isOnPath(info, ctx, undefined, undefined)
      ? readAnswer(info.answer, answerIn(ctx.state, info.answer.id, ctx.reads))
      : undefined;
  }
  if (!isInList(ctx.state, info.list, item, ctx.reads)) return undefined;
  const raw = itemAnswerIn(ctx.state, item, info.answer.id, ctx.reads);
  if (!info.relationship) return isOnPath(info, ctx, item, undefined) ? readAnswer(info.answer, raw) : undefined;
  if (!isInList(ctx.state, info.list, to, ctx.reads) || !isRecord(raw) || !isOnPath(info, ctx, item, to))
    return undefined;
  return readAnswer(info.answer, own(raw, to));
}

function parentChosen(
  parent: { answerId: string; value: string },
  ctx: EvalContext,
  item?: string,
  to?: string,
): boolean {
  const info = ctx.compiled.answers.get(parent.answerId);
  const chosen = info && readAt(info, ctx, item, to);
  return Array.isArray(chosen) ? chosen.includes(parent.value) : chosen === parent.value;
}

function isOnPath(info: AnswerInfo, ctx: EvalContext, item: string | undefined, to: string | undefined): boolean {
  if (!ctx.onPath) return true;
  // List item pages are not path locations: an item's answers count while the item exists.
  if (ctx.compiled.pages.get(info.pageId)?.role) return true;
  const key = pageKey(info.pageId, item, to);
  const has = ctx.onPath.has(key);
  ctx.reads?.onPath(key, has);
  return has;
}

function allValues(info: AnswerInfo, list: string, ctx: EvalContext): Value[] {
  const out: Value[] = [];
  const add = (v: Value) => {
    if (Array.isArray(v)) out.push(...v);
    else if (v !== undefined) out.push(v);
  };
  for (const item of itemsIn(ctx.state, list, ctx.reads)) {
    if (!info.relationship) {
      add(readAt(info, ctx, item, undefined));
      continue;
    }
    const pairs = itemAnswerIn(ctx.state, item, info.answer.id, ctx.reads);
    if (isRecord(pairs)) for (const to of Object.keys(pairs)) add(readAt(info, ctx, item, to));
  }
  return out;
}
