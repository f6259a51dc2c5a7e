import type { Questionnaire } from '@eq/schema';
import { compile } from '../compile.ts';
import { isRecord, type ListState, own, type ResponseState } from '../state.ts';

/**
 * Adds an item to a list. A primary item (the respondent) goes first and becomes the list's
 * primary. Adding an item already in the list changes nothing.
 */
export function addListItem(
  state: ResponseState,
  list: string,
  itemId: string,
  options: { primary?: boolean } = {},
): ResponseState {
  const current: ListState = own(state.lists, list) ?? { items: [] };
  if (current.items.includes(itemId)) return state;
  const next: ListState = options.primary
    ? { items: [itemId, ...current.items], primary: itemId }
    : { ...current, items: [...current.items, itemId] };
  return { ...state, lists: { ...state.lists, [list]: next } };
}

/**
 * Removes an item and everything about it: its answers (list item pages, repeating sections and
 * its relationships), the other items' relationships to it, and its completed locations.
 */
export function removeListItem(q: Questionnaire, state: ResponseState, list: string, itemId: string): ResponseState {
  const current = own(state.lists, list);
  const lists = current ? { ...state.lists, [list]: withoutItem(current, itemId) } : state.lists;
  const relationships: string[] = [];
  for (const info of compile(q).answers.values()) {
    if (info.relationship && info.list === list) relationships.push(info.answer.id);
  }
  const itemAnswers = Object.fromEntries(
    Object.entries(state.itemAnswers)
      .filter(([item]) => item !== itemId)
      .map(([item, values]) => [item, withoutRelationshipsTo(values, relationships, itemId)]),
  );
  const completed = state.completed.filter((key) => !mentions(key, itemId));
  return { ...state, lists, itemAnswers, completed };
}

function withoutItem(list: ListState, itemId: string): ListState {
  const items = list.items.filter((i) => i !== itemId);
  return list.primary === undefined || list.primary === itemId ? { items } : { items, primary: list.primary };
}

function withoutRelationshipsTo(
  values: Record<string, unknown>,
  answerIds: string[],
  itemId: string,
): Record<string, unknown> {
  let out = values;
  for (const id of answerIds) {
    const pairs = own(values, id);
    if (!isRecord(pairs) || !Object.hasOwn(pairs, itemId)) continue;
    out = { ...out, [id]: Object.fromEntries(Object.entries(pairs).filter(([to]) => to !== itemId)) };
  }
  return out;
}

/** Whether a location key (`page@item>to`, `section:id@item`) is about the item. */
function mentions(key: string, itemId: string): boolean {
  const at = key.indexOf('@');
  if (at === -1) return false;
  const [item, to] = key.slice(at + 1).split('>');
  return item === itemId || to === itemId;
}
