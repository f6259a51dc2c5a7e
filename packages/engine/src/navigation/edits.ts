import type { CompiledQuestionnaire, PageInfo } from '../compile.ts';
import { pageKey } from '../location.ts';
import type { ResponseState } from '../state.ts';
import type { AnswerValue } from '../values.ts';
import type { CompletedKeys } from './completed-keys.ts';
import { pageAnswerIds, writeAnswers } from './store.ts';

/**
 * `known` may be the completed keys of a path: for its own state's list they answer without a
 * search of the list (some 2,500 keys for 50 people); any other list is searched.
 */
export function markCompleted(state: ResponseState, key: string, known?: CompletedKeys): ResponseState {
  const has = known?.keys === state.completed ? known.has(key) : state.completed.includes(key);
  return has ? state : { ...state, completed: [...state.completed, key] };
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
  const summaries = calculatedSummaries(compiled);
  if (changed.length === 0 || summaries.length === 0) return written;
  const stale = new Set<string>();
  const perItem = new Set<string>();
  for (const { info, answers } of summaries) {
    if (!answers.some((id) => changed.includes(id))) continue;
    // A repeated summary adds up one item's answers: only that item's total changed.
    if (info.list && item !== undefined) perItem.add(pageKey(info.id, item));
    else stale.add(info.id);
  }
  const isStale = (key: string) => perItem.has(key) || stale.has(key.split(/[@>]/)[0] ?? key);
  return stale.size + perItem.size === 0
    ? written
    : { ...written, completed: written.completed.filter((k) => !isStale(k)) };
}

const summariesOf = new WeakMap<CompiledQuestionnaire, { info: PageInfo; answers: readonly string[] }[]>();

/** The calculated summary pages and the answers each adds up, in page order: every save asks, so they are found once. */
function calculatedSummaries(compiled: CompiledQuestionnaire): { info: PageInfo; answers: readonly string[] }[] {
  let found = summariesOf.get(compiled);
  if (found === undefined) {
    found = [];
    for (const info of compiled.pages.values()) {
      if (!info.role && info.page.kind === 'calculatedSummary') found.push({ info, answers: info.page.answers });
    }
    summariesOf.set(compiled, found);
  }
  return found;
}
