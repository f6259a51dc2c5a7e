import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyState, type ListState, own, type ResponseState } from '../state.ts';
import { answerIn, itemAnswerIn, listIn, metadataIn } from '../state-reads.ts';
import { firstChangedRead, ReadLog } from './read-log.ts';

const IDS = ['a', 'b', 'constructor'];
const ITEMS = ['p', 'q'];
const VALUES = [undefined, 'x', 'y', 1, ['x']];

type Read = (state: ResponseState, log: ReadLog) => unknown;
const anyRead: fc.Arbitrary<Read> = fc.oneof(
  fc.constantFrom(...IDS).map(
    (id): Read =>
      (s, log) =>
        answerIn(s, id, log),
  ),
  fc.tuple(fc.constantFrom(...ITEMS), fc.constantFrom(...IDS)).map(
    ([item, id]): Read =>
      (s, log) =>
        itemAnswerIn(s, item, id, log),
  ),
  fc.constantFrom('people', 'pets').map(
    (list): Read =>
      (s, log) =>
        listIn(s, list, log),
  ),
  fc.constantFrom(...IDS).map(
    (name): Read =>
      (s, log) =>
        metadataIn(s, name, log),
  ),
);

const record = fc.dictionary(fc.constantFrom(...IDS), fc.constantFrom(...VALUES), { maxKeys: 3 });
const list = fc.constantFrom<ListState>({ items: ['p'] }, { items: ['p', 'q'], primary: 'p' });
const anyState: fc.Arbitrary<ResponseState> = fc.record({
  answers: record,
  itemAnswers: fc.dictionary(fc.constantFrom(...ITEMS), record, { maxKeys: 2 }),
  lists: fc.dictionary(fc.constantFrom('people', 'pets'), list, { maxKeys: 2 }),
  completed: fc.constant([]),
  metadata: record,
});

/** A later state: each record kept (the same object), copied, or replaced by another. */
function laterState(state: ResponseState, other: ResponseState, picks: number[]): ResponseState {
  const pick = <T extends object>(i: number, same: T, replaced: T): T =>
    (picks[i] ?? 0) % 3 === 0 ? same : (picks[i] ?? 0) % 3 === 1 ? { ...same } : replaced;
  const itemAnswers = pick(1, state.itemAnswers, other.itemAnswers);
  return {
    ...emptyState(),
    answers: pick(0, state.answers, other.answers),
    itemAnswers: Object.fromEntries(
      ITEMS.filter((item) => own(itemAnswers, item) !== undefined).map((item, i) => {
        const values = own(itemAnswers, item) ?? {};
        return [item, pick(4 + i, values, own(other.itemAnswers, item) ?? {})];
      }),
    ),
    lists: pick(2, state.lists, other.lists),
    metadata: pick(3, state.metadata, other.metadata),
  };
}

/** Where the first read of the log finds something else in `state`, each looked up again. */
function firstChangedByValue(log: ReadLog, state: ResponseState): number {
  const { entries } = log;
  for (let i = 0; i < entries.length; i += 4) {
    const [kind, key, second, found] = entries.slice(i, i + 4) as [number, string, string, unknown];
    const now = [
      () => answerIn(state, key, undefined),
      () => itemAnswerIn(state, key, second, undefined),
      () => listIn(state, key, undefined),
      () => metadataIn(state, key, undefined),
    ][kind]?.();
    if (!Object.is(now, found)) return i;
  }
  return -1;
}

describe('the reads of a log, checked against a later state', () => {
  it('stop finding the same where a fresh look-up of each says so, whichever records the states share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyRead, fc.boolean()), { maxLength: 12 }),
        anyState,
        anyState,
        anyState,
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        (reads, state, other, third, picks, morePicks) => {
          // Most logs read one state; some read two (each read of a kind then compared by value).
          const second = laterState(state, third, morePicks);
          const log = new ReadLog();
          for (const [read, fromSecond] of reads) read(fromSecond ? second : state, log);
          const later = laterState(state, other, picks);
          const changed = firstChangedByValue(log, later);
          expect(firstChangedRead(log, later, undefined, () => 'notStarted')).toBe(changed);
          expect(firstChangedRead(log, state, undefined, () => 'notStarted')).toBe(firstChangedByValue(log, state));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('go on from where a later state stops finding the same, taking the records of that state', () => {
    fc.assert(
      fc.property(
        fc.array(anyRead, { maxLength: 12 }),
        anyState,
        anyState,
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        (reads, state, other, picks) => {
          const log = new ReadLog();
          for (const read of reads) read(state, log);
          const later = laterState(state, other, picks);
          const at = firstChangedRead(log, later, undefined, () => 'notStarted');
          const length = at === -1 ? log.entries.length : at;
          const copy = ReadLog.startingWith(log, length, later);
          expect(copy.entries).toEqual(log.entries.slice(0, length));
          expect(firstChangedRead(copy, later, undefined, () => 'notStarted')).toBe(-1);
          expect(firstChangedRead(copy, state, undefined, () => 'notStarted')).toBe(firstChangedByValue(copy, state));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
