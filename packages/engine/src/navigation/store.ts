import type { CompiledQuestionnaire, PageInfo } from '../compile.ts';
import { own, type ResponseState } from '../state.ts';
import { answerIn, itemAnswerIn, type StateReads } from '../state-reads.ts';
import { type AnswerValue, readAnswer } from '../values.ts';

/** The valid stored value of an answer, at the given list item when the answer is asked per item. */
export function storedValue(
  compiled: CompiledQuestionnaire,
  state: ResponseState,
  answerId: string | undefined,
  item: string | undefined,
  reads: StateReads | undefined,
): AnswerValue | undefined {
  const info = answerId === undefined ? undefined : compiled.answers.get(answerId);
  if (!info || answerId === undefined) return undefined;
  if (!info.list) return readAnswer(info.answer, answerIn(state, answerId, reads));
  return item === undefined ? undefined : readAnswer(info.answer, itemAnswerIn(state, item, answerId, reads));
}

const answerIds = new WeakMap<PageInfo, string[]>();

/** The ids of every answer a page can ask, detail answers included; the same array for every call. */
export function pageAnswerIds(page: PageInfo): readonly string[] {
  const known = answerIds.get(page);
  if (known) return known;
  const ids = new Set<string>();
  for (const question of page.questions) {
    for (const answer of question.answers) {
      ids.add(answer.id);
      if (answer.type === 'radio' || answer.type === 'checkbox' || answer.type === 'dropdown') {
        for (const option of answer.options) if (option.detailAnswer) ids.add(option.detailAnswer.id);
      }
    }
  }
  const list = [...ids];
  answerIds.set(page, list);
  return list;
}

export interface Written {
  state: ResponseState;
  /** Ids of the answers whose stored value changed. */
  changed: string[];
}

/**
 * Replaces a page's answers with the posted values: an answer missing from `values` is cleared,
 * like one posted as undefined, and so is the detail answer of an option no longer chosen.
 * Answers asked per list item are written at `item`; without an item they are left alone.
 */
export function writeAnswers(
  compiled: CompiledQuestionnaire,
  state: ResponseState,
  answerIds: readonly string[],
  values: Record<string, AnswerValue | undefined>,
  item?: string,
): Written {
  // Copied when first written: a page asked per list item never writes them.
  let answers = state.answers;
  const itemValues = item === undefined ? undefined : { ...own(state.itemAnswers, item) };
  const changed: string[] = [];
  let itemChanged = false;
  for (const id of answerIds) {
    const info = compiled.answers.get(id);
    const target = info?.list ? itemValues : answers;
    if (!info || info.relationship || !target) continue;
    const parent = info.parent;
    const value = parent && !isChosen(own(values, parent.answerId), parent.value) ? undefined : own(values, id);
    if (sameValue(own(target, id), value)) continue;
    changed.push(id);
    if (target === itemValues) itemChanged = true;
    else if (answers === state.answers) answers = { ...answers };
    const written = target === itemValues ? itemValues : answers;
    if (value === undefined) delete written[id];
    else written[id] = value;
  }
  // An unchanged state stays the same object, so the path already worked out for it still serves.
  if (changed.length === 0) return { state, changed };
  const itemAnswers =
    item === undefined || itemValues === undefined || !itemChanged
      ? state.itemAnswers
      : { ...state.itemAnswers, [item]: itemValues };
  return { state: { ...state, answers, itemAnswers }, changed };
}

function isChosen(value: AnswerValue | undefined, option: string): boolean {
  return typeof value === 'string' ? value === option : Array.isArray(value) && value.includes(option);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}
