import type { SectionStatus } from '../evaluate.ts';
import { type ListState, own, type ResponseState } from '../state.ts';
import { answerIn, listIn, metadataIn, type StateReads } from '../state-reads.ts';

const ANSWER = 0;
const ITEM_ANSWER = 1;
const LIST = 2;
const METADATA = 3;
const ON_PATH = 4;
const SECTION_STATUS = 5;

const NO_KEYS: readonly string[] = [];

/** A record not read yet, and one read as more than one object: neither is any state's. */
const UNSEEN = {};
const MIXED = {};

/** The record a kind of read was made of, given the one it was made of before. */
function seen(before: unknown, record: unknown): unknown {
  return before === UNSEEN || before === record ? record : MIXED;
}

/**
 * The reads one section's walk made (or one check of its locations' completeness), in order, four
 * entries each: kind, key, second key (the answer of an item's answer, the item of a section
 * status), value found. A walk puts its own locations on the path as it goes: whether those are
 * on it follows from the walk itself, so those reads are left out (see `own`).
 *
 * It also keeps the record each kind of read was made of (the state's answers, lists and metadata,
 * and each item's answers): states are never changed in place, so every read of a record that a
 * later state still holds finds the same again, without looking it up (`firstChangedRead`).
 */
export class ReadLog implements StateReads {
  readonly entries: unknown[] = [];
  private readonly lists: string[] = [];
  /** The keys the walk has put on the path so far: the same array, growing as it walks. */
  own: readonly string[] = NO_KEYS;
  /** The state's records its answers, lists and metadata were read from (UNSEEN or MIXED otherwise). */
  answersRead: unknown = UNSEEN;
  listsRead: unknown = UNSEEN;
  metadataRead: unknown = UNSEEN;
  /** The items whose answers were read, and the record of each (`itemsRead[i]` of `items[i]`). */
  private readonly items: string[] = [];
  private readonly itemsRead: unknown[] = [];

  /**
   * A log of the first `length` entries of another, for a walk of `state` that goes on from the
   * point where the other's reads stop finding the same: those before it find the same in `state`.
   */
  static startingWith(log: ReadLog, length: number, state: ResponseState): ReadLog {
    const copy = new ReadLog();
    const entries = log.entries;
    for (let i = 0; i < length; i += 4) {
      const kind = entries[i];
      const key = entries[i + 1] as string;
      copy.entries.push(kind, key, entries[i + 2], entries[i + 3]);
      if (kind === ANSWER) copy.answersRead = seen(copy.answersRead, state.answers);
      else if (kind === ITEM_ANSWER) copy.sawItem(key, own(state.itemAnswers, key));
      else if (kind === LIST) {
        copy.lists.push(key);
        copy.listsRead = seen(copy.listsRead, state.lists);
      } else if (kind === METADATA) copy.metadataRead = seen(copy.metadataRead, state.metadata);
    }
    return copy;
  }

  answer(id: string, value: unknown, answers: ResponseState['answers']): void {
    this.answersRead = seen(this.answersRead, answers);
    this.entries.push(ANSWER, id, undefined, value);
  }

  itemAnswer(item: string, id: string, value: unknown, values: Record<string, unknown> | undefined): void {
    this.sawItem(item, values);
    this.entries.push(ITEM_ANSWER, item, id, value);
  }

  list(list: string, value: ListState | undefined, lists: ResponseState['lists']): void {
    this.listsRead = seen(this.listsRead, lists);
    // Within one walk the state stays the same, and the list is read again at each item's answer.
    if (this.lists.includes(list)) return;
    this.lists.push(list);
    this.entries.push(LIST, list, undefined, value);
  }

  metadata(name: string, value: unknown, metadata: ResponseState['metadata']): void {
    this.metadataRead = seen(this.metadataRead, metadata);
    this.entries.push(METADATA, name, undefined, value);
  }

  onPath(key: string, has: boolean): void {
    if (!(has && this.own.includes(key))) this.entries.push(ON_PATH, key, undefined, has);
  }

  sectionStatus(section: string, item: string | undefined, status: SectionStatus): void {
    this.entries.push(SECTION_STATUS, section, item, status);
  }

  /** Whether every read of an item's answers was made of `values`, the record a state holds for it. */
  itemHolds(item: string, values: Record<string, unknown> | undefined): boolean {
    const at = this.items.indexOf(item);
    return at !== -1 && this.itemsRead[at] === values;
  }

  private sawItem(item: string, values: Record<string, unknown> | undefined): void {
    const at = this.items.indexOf(item);
    if (at === -1) {
      this.items.push(item);
      this.itemsRead.push(values);
    } else {
      this.itemsRead[at] = seen(this.itemsRead[at], values);
    }
  }
}

/**
 * Whether every read of the log finds the same value again, in a later state and its path as
 * walked so far (`onPath` undefined when its keys are known to be those the reads saw). States
 * are never changed in place, so a stored value that is the same object is the same value; a
 * value that is an equal copy counts as changed, which only costs a walk.
 */
export function readsHold(
  log: ReadLog,
  state: ResponseState,
  onPath: ReadonlySet<string> | undefined,
  sectionStatus: (section: string, item?: string) => SectionStatus,
): boolean {
  return firstChangedRead(log, state, onPath, sectionStatus) === -1;
}

/** As `readsHold`: where in the log's entries the first read that finds something else is, -1 when none does. */
export function firstChangedRead(
  log: ReadLog,
  state: ResponseState,
  onPath: ReadonlySet<string> | undefined,
  sectionStatus: (section: string, item?: string) => SectionStatus,
): number {
  const entries = log.entries;
  const answersHold = log.answersRead === state.answers;
  const listsHold = log.listsRead === state.lists;
  const metadataHold = log.metadataRead === state.metadata;
  // Reads of one item's answers come together: its record is looked up once for them.
  let item: string | undefined;
  let values: Record<string, unknown> | undefined;
  let itemHolds = false;
  for (let i = 0; i < entries.length; i += 4) {
    const key = entries[i + 1] as string;
    const second = entries[i + 2] as string | undefined;
    const found = entries[i + 3];
    switch (entries[i]) {
      case ANSWER:
        if (!answersHold && !Object.is(answerIn(state, key, undefined), found)) return i;
        break;
      case ITEM_ANSWER:
        if (key !== item) {
          item = key;
          values = own(state.itemAnswers, key);
          itemHolds = log.itemHolds(key, values);
        }
        // As `itemAnswerIn`, with the record looked up already.
        if (!itemHolds && !Object.is(values && own(values, second as string), found)) return i;
        break;
      case LIST:
        if (!listsHold && listIn(state, key, undefined) !== found) return i;
        break;
      case METADATA:
        if (!metadataHold && !Object.is(metadataIn(state, key, undefined), found)) return i;
        break;
      case ON_PATH:
        if (onPath !== undefined && onPath.has(key) !== found) return i;
        break;
      case SECTION_STATUS:
        if (sectionStatus(key, second) !== found) return i;
        break;
    }
  }
  return -1;
}
