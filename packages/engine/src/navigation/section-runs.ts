import type { Section } from '@eq/schema';
import type { CompiledQuestionnaire } from '../compile.ts';
import { type EvalContext, holds, type SectionStatus } from '../evaluate.ts';
import { type Location, locationKey } from '../location.ts';
import { listItems, type ResponseState } from '../state.ts';
import { CompletedKeys } from './completed-keys.ts';
import { combinedStatus, runProgress } from './completion.ts';
import type { SectionProgress } from './path.ts';
import { ReadLog, readsHold } from './read-log.ts';
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
}

/** A walk's part in one path: which of its locations are complete, and what deciding that read besides the completed keys. */
export interface SectionRun {
  section: Section;
  item: string | undefined;
  walk: SectionWalk;
  done: boolean[];
  status: SectionStatus;
  progressReads: ReadLog;
  /** Its entry in `path.sections`. */
  entry: SectionProgress;
}

/** Whether a section is enabled, what its condition read, and how many runs came before it. */
interface Enabled {
  enabled: boolean;
  reads: ReadLog;
  at: number;
}

/** How a path was walked: kept with the path, to work out from it the path of a state saved from this one. */
export interface PathWalk {
  completed: CompletedKeys;
  /** By section index; none for sections without a condition. */
  enabled: (Enabled | undefined)[];
  runs: SectionRun[];
  /** Where each section's run for each item is in `runs`, made when first needed. */
  runIndex?: Map<Section, Map<string | undefined, number>>;
}

export interface WalkedPath extends PathWalk {
  /** The keys of the pages on the path, when the walk had to work them out. */
  onPath: Set<string> | undefined;
  /** Whether every run has the locations of the base's run in the same place. */
  sameLocations: boolean;
}

const NO_CHANGES: ReadonlySet<string> = new Set();

/**
 * Walks every enabled section in order (repeating sections once per item), each from its first
 * page through skip conditions and routing. Given the walk of an earlier state, each section's
 * walk and completeness are taken from it whenever every read they made finds the same again;
 * the rest are walked afresh. The result is the same either way.
 */
export function walkSections(
  compiled: CompiledQuestionnaire,
  state: ResponseState,
  today: string,
  base: PathWalk | undefined,
): WalkedPath {
  return new SectionsWalk(compiled, state, today, base).walk();
}

/** One walk of the sections, with what it has found so far. */
class SectionsWalk {
  private readonly runs: SectionRun[] = [];
  private readonly enabled: (Enabled | undefined)[] = [];
  private readonly statuses = new Map<string, SectionStatus[]>();
  private readonly byItem = new Map<string, SectionStatus>();
  private readonly completed: CompletedKeys;
  /** Keys completed in the base's state and not in this one, or the other way round. */
  private readonly changed: ReadonlySet<string>;
  /**
   * The keys of the pages walked so far, worked out only once a read needs them: while every run
   * has the base's locations in the same place, the path so far is the base's, and the reads the
   * base's walks made of it find the same.
   */
  private onPath: Set<string> | undefined;
  private sameLocations: boolean;

  constructor(
    private readonly compiled: CompiledQuestionnaire,
    private readonly state: ResponseState,
    private readonly today: string,
    private readonly base: PathWalk | undefined,
  ) {
    ({ completed: this.completed, changed: this.changed } = base
      ? base.completed.next(state.completed)
      : { completed: CompletedKeys.of(state.completed), changed: NO_CHANGES });
    this.onPath = base === undefined ? new Set() : undefined;
    this.sameLocations = base !== undefined;
  }

  /** The status of a section, or of one repeat of it, as walked so far: what conditions see. */
  private readonly sectionStatus = (section: string, item?: string): SectionStatus =>
    item === undefined
      ? combinedStatus(this.statuses.get(section) ?? [])
      : (this.byItem.get(`${section}@${item}`) ?? 'notStarted');

  walk(): WalkedPath {
    const { base, runs } = this;
    const hub = this.compiled.questionnaire.flow.type === 'hub';
    walk: for (const [index, section] of this.compiled.questionnaire.sections.entries()) {
      if (!this.isEnabled(index, section)) continue;
      const list = section.repeat?.list;
      const items = list === undefined ? [undefined] : listItems(this.state, list);
      for (const item of items) {
        const lastAt = base === undefined ? -1 : runAt(base, runs.length, section, item);
        const last = base?.runs[lastAt];
        const walk =
          last && this.readsHoldAt(last.walk.reads, lastAt) ? this.reuse(last.walk) : this.walkOnce(section, item);
        const run = this.runOf(section, item, walk, last);
        const baseRun = base?.runs[runs.length];
        this.sameLocations &&= baseRun !== undefined && sameWalk(baseRun.walk, walk);
        const repeats = this.statuses.get(section.id) ?? [];
        repeats.push(run.status);
        this.statuses.set(section.id, repeats);
        if (item !== undefined) this.byItem.set(`${section.id}@${item}`, run.status);
        runs.push(run);
        if (walk.end === 'questionnaire' && !hub) break walk;
      }
    }
    return {
      completed: this.completed,
      enabled: this.enabled,
      runs,
      onPath: this.onPath,
      sameLocations: this.sameLocations && runs.length === base?.runs.length,
    };
  }

  private isEnabled(index: number, section: Section): boolean {
    if (section.enabledWhen === undefined) return true;
    const at = this.runs.length;
    const last = this.base?.enabled[index];
    if (last && this.readsHoldAt(last.reads, last.at)) {
      this.enabled[index] = last.at === at ? last : { ...last, at };
      return last.enabled;
    }
    const reads = new ReadLog();
    const enabled = holds(section.enabledWhen, this.contextAt(undefined, undefined, reads));
    this.enabled[index] = { enabled, reads, at };
    return enabled;
  }

  /** Whether a log's reads find the same now; `at` is the number of runs walked before they were made. */
  private readsHoldAt(reads: ReadLog, at: number): boolean {
    const onPath = this.sameLocations && at === this.runs.length ? undefined : this.pathSoFar();
    return readsHold(reads, this.state, onPath, this.sectionStatus);
  }

  private pathSoFar(): Set<string> {
    if (this.onPath === undefined) {
      this.onPath = new Set();
      for (const run of this.runs) addPageKeys(this.onPath, run.walk);
    }
    return this.onPath;
  }

  private reuse(walk: SectionWalk): SectionWalk {
    if (this.onPath !== undefined) addPageKeys(this.onPath, walk);
    return walk;
  }

  private walkOnce(section: Section, item: string | undefined): SectionWalk {
    const reads = new ReadLog();
    const locations: Location[] = [];
    const keys: string[] = [];
    reads.own = keys;
    const ctx = this.contextAt(item, section.repeat?.list, reads);
    const end = walkSection(section, ctx, this.pathSoFar(), { locations, keys });
    const pages = keys.length;
    if (section.summary) {
      const summary: Location = {
        kind: 'sectionSummary',
        section: section.id,
        ...(item === undefined ? {} : { item }),
      };
      locations.push(summary);
      keys.push(locationKey(summary));
    }
    return { locations, keys, pages, end, reads };
  }

  /** Every context has the same properties in the same order, so the evaluator's reads stay fast. */
  private contextAt(item: string | undefined, list: string | undefined, reads: ReadLog): EvalContext {
    return {
      compiled: this.compiled,
      state: this.state,
      today: this.today,
      onPath: this.pathSoFar(),
      sectionStatus: this.sectionStatus,
      item,
      to: undefined,
      list,
      reads,
    };
  }

  /** The walk's part in this path: the base's, when its locations, their completion and what else that read are the same. */
  private runOf(section: Section, item: string | undefined, walk: SectionWalk, last?: SectionRun): SectionRun {
    const { state, sectionStatus } = this;
    const kept = last !== undefined && sameWalk(last.walk, walk);
    if (kept && !touches(this.changed, walk) && readsHold(last.progressReads, state, undefined, sectionStatus)) {
      return walk === last.walk ? last : { ...last, walk };
    }
    const reads = new ReadLog();
    const completion = { compiled: this.compiled, state, completed: this.completed, reads };
    const { done, status } = runProgress(completion, walk.locations, walk.keys);
    if (section.summary) done[done.length - 1] = status === 'completed';
    const entry: SectionProgress =
      kept && last.entry.status === status
        ? last.entry
        : { section: section.id, ...(item === undefined ? {} : { item }), locations: walk.locations, status };
    return { section, item, walk, done, status, progressReads: reads, entry };
  }
}

/** The base's run for a section and item: usually where this walk has got to. */
function runAt(base: PathWalk, at: number, section: Section, item: string | undefined): number {
  const there = base.runs[at];
  if (there && there.section === section && there.item === item) return at;
  if (!base.runIndex) {
    const index = new Map<Section, Map<string | undefined, number>>();
    base.runs.forEach((run, i) => {
      const items = index.get(run.section) ?? new Map<string | undefined, number>();
      items.set(run.item, i);
      index.set(run.section, items);
    });
    base.runIndex = index;
  }
  return base.runIndex.get(section)?.get(item) ?? -1;
}

export function addPageKeys(onPath: Set<string>, walk: SectionWalk): void {
  for (let i = 0; i < walk.pages; i++) onPath.add(walk.keys[i] ?? '');
}

/** Whether any of a walk's pages was completed or uncompleted. */
function touches(changed: ReadonlySet<string>, walk: SectionWalk): boolean {
  if (changed.size === 0) return false;
  for (let i = 0; i < walk.pages; i++) if (changed.has(walk.keys[i] ?? '')) return true;
  return false;
}

/** Whether two walks have the same locations (and so the same keys). */
function sameWalk(a: SectionWalk, b: SectionWalk): boolean {
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
