import type { SectionStatus } from '../evaluate.ts';
import type { ListState, ResponseState } from '../state.ts';
import { answerIn, itemAnswerIn, listIn, metadataIn, type StateReads } from '../state-reads.ts';

const ANSWER = 0;
const ITEM_ANSWER = 1;
const LIST = 2;
const METADATA = 3;
const ON_PATH = 4;
const SECTION_STATUS = 5;

const NO_KEYS: readonly string[] = [];

/**
 * The reads one section's walk made (or one check of its locations' completeness), in order, four
 * entries each: kind, key, second key (the answer of an item's answer, the item of a section
 * status), value found. A walk puts its own locations on the path as it goes: whether those are
 * on it follows from the walk itself, so those reads are left out (see `own`).
 */
export class ReadLog implements StateReads {
  readonly entries: unknown[] = [];
  private readonly lists: string[] = [];
  /** The keys the walk has put on the path so far: the same array, growing as it walks. */
  own: readonly string[] = NO_KEYS;

  answer(id: string, value: unknown): void {
    this.entries.push(ANSWER, id, undefined, value);
  }

  itemAnswer(item: string, id: string, value: unknown): void {
    this.entries.push(ITEM_ANSWER, item, id, value);
  }

  list(list: string, value: ListState | undefined): void {
    // Within one walk the state stays the same, and the list is read again at each item's answer.
    if (this.lists.includes(list)) return;
    this.lists.push(list);
    this.entries.push(LIST, list, undefined, value);
  }

  metadata(name: string, value: unknown): void {
    this.entries.push(METADATA, name, undefined, value);
  }

  onPath(key: string, has: boolean): void {
    if (!(has && this.own.includes(key))) this.entries.push(ON_PATH, key, undefined, has);
  }

  sectionStatus(section: string, item: string | undefined, status: SectionStatus): void {
    this.entries.push(SECTION_STATUS, section, item, status);
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
  const entries = log.entries;
  for (let i = 0; i < entries.length; i += 4) {
    const key = entries[i + 1] as string;
    const second = entries[i + 2] as string | undefined;
    const found = entries[i + 3];
    switch (entries[i]) {
      case ANSWER:
        if (!Object.is(answerIn(state, key, undefined), found)) return false;
        break;
      case ITEM_ANSWER:
        if (!Object.is(itemAnswerIn(state, key, second as string, undefined), found)) return false;
        break;
      case LIST:
        if (listIn(state, key, undefined) !== found) return false;
        break;
      case METADATA:
        if (!Object.is(metadataIn(state, key, undefined), found)) return false;
        break;
      case ON_PATH:
        if (onPath !== undefined && onPath.has(key) !== found) return false;
        break;
      case SECTION_STATUS:
        if (sectionStatus(key, second) !== found) return false;
        break;
    }
  }
  return true;
}
