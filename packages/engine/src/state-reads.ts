import type { SectionStatus } from './evaluate.ts';
import { type ItemId, type ListState, own, type ResponseState } from './state.ts';

/**
 * Told of every read an evaluation (or a completeness check) makes of a response state and of
 * the path, with what it found. A path walk keeps them, so that a section's walk can be reused
 * for a later state as long as each read finds the same again (`navigation/read-log.ts`).
 * Evaluations read the state only through the functions below, which report to it when given,
 * with the record each value was read from.
 */
export interface StateReads {
  answer(id: string, value: unknown, answers: ResponseState['answers']): void;
  itemAnswer(item: string, id: string, value: unknown, values: Record<string, unknown> | undefined): void;
  list(list: string, value: ListState | undefined, lists: ResponseState['lists']): void;
  metadata(name: string, value: unknown, metadata: ResponseState['metadata']): void;
  onPath(key: string, has: boolean): void;
  sectionStatus(section: string, item: string | undefined, status: SectionStatus): void;
}

/** The stored value of an answer asked outside any list item. */
export function answerIn(state: ResponseState, id: string, reads: StateReads | undefined): unknown {
  const value = own(state.answers, id);
  reads?.answer(id, value, state.answers);
  return value;
}

/** The stored value of an answer of a list item. */
export function itemAnswerIn(state: ResponseState, item: string, id: string, reads: StateReads | undefined): unknown {
  const values = own(state.itemAnswers, item);
  const value = values && own(values, id);
  reads?.itemAnswer(item, id, value, values);
  return value;
}

export function listIn(state: ResponseState, list: string, reads: StateReads | undefined): ListState | undefined {
  const value = own(state.lists, list);
  reads?.list(list, value, state.lists);
  return value;
}

/** As `listItems`. */
export function itemsIn(
  state: ResponseState,
  list: string | undefined,
  reads: StateReads | undefined,
): readonly ItemId[] {
  return (list !== undefined && listIn(state, list, reads)?.items) || NO_ITEMS;
}

/** As `inList`. */
export function isInList(
  state: ResponseState,
  list: string,
  item: string | undefined,
  reads: StateReads | undefined,
): item is ItemId {
  return item !== undefined && itemsIn(state, list, reads).includes(item);
}

export function metadataIn(state: ResponseState, name: string, reads: StateReads | undefined): unknown {
  const value = own(state.metadata, name);
  reads?.metadata(name, value, state.metadata);
  return value;
}

const NO_ITEMS: readonly ItemId[] = [];
