import type { Section } from '@eq/schema';
import type { EvalContext } from '../evaluate.ts';
import { type Location, locationKey } from '../location.ts';
import type { ResponseState } from '../state.ts';
import { ReadLog } from './read-log.ts';
import { type WalkEnd, walkSection } from './walk.ts';

/**
 * One walk of a section (or of one repeat of it) and every read it made: it stands for the walk
 * of any later state for which each of those reads finds the same, as walking is deterministic.
 */
export interface SectionWalk {
  /** Its locations, the section summary last when the section has one, and their keys. */
  locations: Location[];
  keys: string[];
  /** How many of them are pages, whose keys go on the path. */
  pages: number;
  end: WalkEnd;
  reads: ReadLog;
  /**
   * Three numbers for each page the walk came to: its index in the section, and how many entries
   * of `reads` and of `locations` there were when it came to it. A later walk whose first changed
   * read is at that page's goes on from there, with what this walk found before it.
   */
  steps: number[];
}

/**
 * Walks a section for an item, its pages' keys joining `onPath` as it goes. Given an earlier walk
 * of it and where the first of its reads that finds something else now is, everything before the
 * page where that read was made is taken from it, as walking is deterministic: only the rest is
 * walked again. `contextOf` gives the context whose reads go to the log it is given.
 */
export function walkRun(
  section: Section,
  item: string | undefined,
  state: ResponseState,
  onPath: Set<string>,
  contextOf: (reads: ReadLog) => EvalContext,
  last?: SectionWalk,
  changedAt = -1,
): SectionWalk {
  let from = 0;
  let reads: ReadLog;
  let locations: Location[];
  let keys: string[];
  let steps: number[];
  const step = last === undefined || changedAt === -1 ? -1 : stepOf(last.steps, changedAt);
  if (last !== undefined && step !== -1) {
    from = last.steps[step] as number;
    const found = last.steps[step + 2] as number;
    reads = ReadLog.startingWith(last.reads, last.steps[step + 1] as number, state);
    locations = last.locations.slice(0, found);
    keys = last.keys.slice(0, found);
    steps = last.steps.slice(0, step);
    for (const key of keys) onPath.add(key);
  } else {
    reads = new ReadLog();
    locations = [];
    keys = [];
    steps = [];
  }
  reads.own = keys;
  const ctx = contextOf(reads);
  const entries = reads.entries;
  const stepped = (index: number) => {
    steps.push(index, entries.length, locations.length);
  };
  const end = walkSection(section, ctx, onPath, { locations, keys, step: stepped }, from);
  const pages = keys.length;
  if (section.summary) {
    const summary: Location =
      item === undefined
        ? { kind: 'sectionSummary', section: section.id }
        : { kind: 'sectionSummary', section: section.id, item };
    locations.push(summary);
    keys.push(locationKey(summary));
  }
  return { locations, keys, pages, end, reads, steps };
}

/** Where in `steps` the page is at which the walk made the read at `entry` of its log; -1 when before any page. */
function stepOf(steps: readonly number[], entry: number): number {
  let found = -1;
  for (let at = 0; at < steps.length && (steps[at + 1] as number) <= entry; at += 3) found = at;
  return found;
}

export function addPageKeys(onPath: Set<string>, walk: SectionWalk): void {
  for (let i = 0; i < walk.pages; i++) onPath.add(walk.keys[i] ?? '');
}

/** Whether any of a walk's pages was completed or uncompleted, looking each up. */
export function touches(changed: ReadonlySet<string>, walk: SectionWalk): boolean {
  for (let i = 0; i < walk.pages; i++) if (changed.has(walk.keys[i] ?? '')) return true;
  return false;
}

/** Whether two walks have the same locations (and so the same keys). */
export function sameWalk(a: SectionWalk, b: SectionWalk): boolean {
  if (a === b) return true;
  if (a.locations.length !== b.locations.length || a.pages !== b.pages || a.end !== b.end) return false;
  return a.locations.every((location, i) => sameLocation(location, b.locations[i]));
}

/** Locations never have a property set to undefined, so equal fields make equal locations. */
function sameLocation(a: Location, b: Location | undefined): boolean {
  if (a.kind === 'page') {
    return b?.kind === 'page' && a.page === b.page && a.section === b.section && a.item === b.item && a.to === b.to;
  }
  if (a.kind === 'sectionSummary') return b?.kind === 'sectionSummary' && a.section === b.section && a.item === b.item;
  return b?.kind === a.kind;
}
