import type { CompiledQuestionnaire, PageInfo } from '../compile.ts';
import { pageKey } from '../location.ts';
import type { ResponseState } from '../state.ts';
import type { AnswerValue } from '../values.ts';
import { pageAnswerIds, writeAnswers } from './store.ts';

export function markCompleted(state: ResponseState, key: string): ResponseState {
  return state.completed.includes(key) ? state : { ...state, completed: [...state.completed, key] };
}

export function unmarkCompleted(state: ResponseState, key: string): ResponseState {
  return state.completed.includes(key) ? { ...state, completed: state.completed.filter((k) => k !== key) } : state;
}

/**
 * Stores a page's posted values (at `item` for answers asked per list item). A calculated
 * summary adding up a changed answer must be confirmed again, so it is no longer completed.
 */
export function storePage(
  compiled: CompiledQuestionnaire,
  state: ResponseState,
  page: PageInfo,
  values: Record<string, AnswerValue | undefined>,
  item?: string,
): ResponseState {
  const { state: written, changed } = writeAnswers(compiled, state, pageAnswerIds(page), values, item);
  if (changed.length === 0) return written;
  const stale = new Set<string>();
  const perItem = new Set<string>();
  for (const info of compiled.pages.values()) {
    if (info.role || info.page.kind !== 'calculatedSummary') continue;
    if (!info.page.answers.some((id) => changed.includes(id))) continue;
    // A repeated summary adds up one item's answers: only that item's total changed.
    if (info.list && item !== undefined) perItem.add(pageKey(info.id, item));
    else stale.add(info.id);
  }
  const isStale = (key: string) => perItem.has(key) || stale.has(key.split(/[@>]/)[0] ?? key);
  return stale.size + perItem.size === 0
    ? written
    : { ...written, completed: written.completed.filter((k) => !isStale(k)) };
}
