import type { ListCollectorPage, PrimaryPersonPage } from '@eq/schema';
import { type Location, pageKey } from '../location.ts';
import { isItemId, own, type ResponseState } from '../state.ts';
import { markCompleted, unmarkCompleted } from './edits.ts';
import { addListItem, removeListItem } from './lists.ts';
import { clear, completeHere, locate, type PageSave, proceed, type SaveResult, store } from './page-save.ts';

/** The driving question: adding means going to the item page; any other answer settles the list. */
export function saveCollector(save: PageSave, page: ListCollectorPage): SaveResult {
  const id = page.question.answers[0]?.id;
  if (id === undefined || own(save.values, id) !== page.addValue) return proceed(save, completeHere(save, store(save)));
  const state = unmarkCompleted(clear(save), pageKey(page.id));
  const add: Location = { kind: 'page', section: save.location.section, page: page.itemPage.id };
  return { state, next: isFull(state, page) ? save.location : add };
}

/**
 * The item page: without an item it adds one, and the driving question must be answered again;
 * with an item it changes that item (on the path only for the respondent's own item).
 */
export function saveItem(save: PageSave, collector: ListCollectorPage): SaveResult {
  const { state } = save;
  if (save.location.item !== undefined) {
    const stored = store(save);
    return proceed(save, save.onPath ? completeHere(save, stored) : stored);
  }
  const itemId = save.options.newItemId();
  if (isFull(state, collector) || !isNewItemId(state, itemId)) return proceed(save, state);
  const added = store(save, addListItem(state, collector.list, itemId), itemId);
  return proceed(save, unmarkCompleted(added, pageKey(collector.id)));
}

/** The remove page removes the item when confirmed; its answer is never kept. */
export function saveRemoval(save: PageSave, collector: ListCollectorPage): SaveResult {
  const id = collector.removePage.question.answers[0]?.id;
  const item = save.location.item;
  if (id === undefined || item === undefined || own(save.values, id) !== collector.removeValue) {
    return proceed(save, save.state);
  }
  const removed = removeListItem(save.q, save.state, collector.list, item);
  return proceed(save, unmarkCompleted(removed, pageKey(collector.id)));
}

/**
 * "Do you live here?": yes makes the respondent the list's primary item and asks for their
 * details next; no removes that item, with everything answered about it.
 */
export function savePrimaryPerson(save: PageSave, page: PrimaryPersonPage): SaveResult {
  const id = page.question.answers[0]?.id;
  const collector = save.compiled.lists.get(page.list)?.collector;
  const primary = own(save.state.lists, page.list)?.primary;
  const adds = id !== undefined && own(save.values, id) === page.addValue;
  let state = save.state;
  let added: string | undefined;
  if (adds && primary === undefined && collector) {
    const itemId = save.options.newItemId();
    if (isNewItemId(state, itemId)) {
      state = addListItem(state, page.list, itemId, { primary: true });
      added = itemId;
    }
  }
  if (!adds && primary !== undefined) state = removeListItem(save.q, state, page.list, primary);
  state = markCompleted(store(save, state), pageKey(page.id), save.path.walk.completed);
  if (added === undefined || !collector) return proceed(save, state);
  const details: Location = { kind: 'page', section: save.location.section, page: collector.itemPage.id, item: added };
  return { state, next: locate(save, state, details) };
}

function isFull(state: ResponseState, collector: ListCollectorPage): boolean {
  const count = own(state.lists, collector.list)?.items.length ?? 0;
  return collector.maxItems !== undefined && count >= collector.maxItems;
}

/** A new item id must be usable in location keys and must not reuse an existing item's answers. */
function isNewItemId(state: ResponseState, itemId: string): boolean {
  if (!isItemId(itemId) || Object.hasOwn(state.itemAnswers, itemId)) return false;
  return !Object.values(state.lists).some((list) => list.items.includes(itemId));
}
