import type { Section } from '@eq/schema';
import type { CompiledQuestionnaire } from '../compile.ts';
import { type EvalContext, holds, type SectionStatus } from '../evaluate.ts';
import type { Location } from '../location.ts';
import { listItems, type ResponseState } from '../state.ts';
import { CompletedKeys } from './completed-keys.ts';
import { runProgress, statusIn } from './completion.ts';
import type { SectionProgress } from './path.ts';
import { firstChangedRead, ReadLog, readsHold } from './read-log.ts';
import { addPageKeys, type SectionWalk, sameWalk, touches, walkRun } from './section-walk.ts';

/** A walk's part in one path: which of its locations are complete, and what deciding that read besides the completed keys. */
export interface SectionRun {
  section: Section;
  item: string | undefined;
  walk: SectionWalk;
  done: boolean[];
  /** The index in `done` of its first incomplete location, -1 when all are complete. */
  firstUndone: number;
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
  /** The runs' entries, in order: the path's `sections`. */
  entries: SectionProgress[];
  /** The keys of the pages on the path, when the walk had to work them out. */
  onPath: Set<string> | undefined;
  /** Whether every run has the locations of the base's run in the same place. */
  sameLocations: boolean;
}

/**
 * The index of the run of the base's path that has a page with this key, -1 when none has: for
 * a base whose keys are each on it once, so that a key names one run. It may name a run for a key
 * that is not a page's (its section summary's): that only costs working out its progress again.
 */
export type RunOfPage = (key: string) => number;

const NO_CHANGES: ReadonlySet<string> = new Set();
/** The one run of a section that does not repeat. */
const NO_ITEM: readonly undefined[] = [undefined];

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
  runOfPage?: RunOfPage,
): WalkedPath {
  return new SectionsWalk(compiled, state, today, base, runOfPage).walk();
}

/** One walk of the sections, with what it has found so far. */
class SectionsWalk {
  private readonly runs: SectionRun[] = [];
  private readonly entries: SectionProgress[] = [];
  private readonly enabled: (Enabled | undefined)[] = [];
  private readonly completed: CompletedKeys;
  /** Keys completed in the base's state and not in this one, or the other way round. */
  private readonly changed: ReadonlySet<string>;
  /** The base's runs that have a page whose key is in `changed`, when `runOfPage` says. */
  private touchedRuns: Set<number> | undefined;
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
    private readonly runOfPage: RunOfPage | undefined,
  ) {
    ({ completed: this.completed, changed: this.changed } = base
      ? base.completed.next(state.completed)
      : { completed: CompletedKeys.of(state.completed), changed: NO_CHANGES });
    this.onPath = base === undefined ? new Set() : undefined;
    this.sameLocations = base !== undefined;
  }

  /** The status of a section, or of one repeat of it, as walked so far: what conditions see. */
  private readonly sectionStatus = (section: string, item?: string): SectionStatus =>
    statusIn(this.entries, section, item);

  walk(): WalkedPath {
    const { base, runs, entries } = this;
    const hub = this.compiled.questionnaire.flow.type === 'hub';
    const sections = this.compiled.questionnaire.sections;
    walk: for (let index = 0; index < sections.length; index++) {
      const section = sections[index] as Section;
      if (!this.isEnabled(index, section)) continue;
      const list = section.repeat?.list;
      const items = list === undefined ? NO_ITEM : listItems(this.state, list);
      for (const item of items) {
        const lastAt = base === undefined ? -1 : runAt(base, runs.length, section, item);
        const last = base?.runs[lastAt];
        const changedAt = last ? this.firstChangedAt(last.walk.reads, lastAt) : -1;
        const walk =
          last && changedAt === -1 ? this.reuse(last.walk) : this.walkOnce(section, item, last?.walk, changedAt);
        const run = this.runOf(section, item, walk, last, lastAt);
        const baseRun = base?.runs[runs.length];
        this.sameLocations &&= baseRun !== undefined && sameWalk(baseRun.walk, walk);
        runs.push(run);
        entries.push(run.entry);
        if (walk.end === 'questionnaire' && !hub) break walk;
      }
    }
    return {
      completed: this.completed,
      enabled: this.enabled,
      runs,
      entries,
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
    return this.firstChangedAt(reads, at) === -1;
  }

  /** As `readsHoldAt`: where in the log the first read that finds something else is, -1 when none does. */
  private firstChangedAt(reads: ReadLog, at: number): number {
    const onPath = this.sameLocations && at === this.runs.length ? undefined : this.pathSoFar();
    return firstChangedRead(reads, this.state, onPath, this.sectionStatus);
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

  /**
   * Walks a section for an item; given the base's walk of it and where the first of its reads
   * that finds something else is, goes on from the page where that read was made.
   */
  private walkOnce(section: Section, item: string | undefined, last?: SectionWalk, changedAt = -1): SectionWalk {
    const list = section.repeat?.list;
    const contextOf = (reads: ReadLog) => this.contextAt(item, list, reads);
    return walkRun(section, item, this.state, this.pathSoFar(), contextOf, last, changedAt);
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

  /**
   * Whether any of a walk's pages was completed or uncompleted; the walk has the pages of the
   * base's run at `lastAt`. Most saves complete one page: the runs holding the changed keys are
   * found once, rather than every page of every run looked up among them.
   */
  private touches(walk: SectionWalk, lastAt: number): boolean {
    const { changed, runOfPage } = this;
    if (changed.size === 0) return false;
    if (runOfPage === undefined) return touches(changed, walk);
    if (this.touchedRuns === undefined) {
      this.touchedRuns = new Set();
      for (const key of changed) this.touchedRuns.add(runOfPage(key));
    }
    return this.touchedRuns.has(lastAt);
  }

  /** The walk's part in this path: the base's, when its locations, their completion and what else that read are the same. */
  private runOf(
    section: Section,
    item: string | undefined,
    walk: SectionWalk,
    last: SectionRun | undefined,
    lastAt: number,
  ): SectionRun {
    const { state, sectionStatus } = this;
    const kept = last !== undefined && sameWalk(last.walk, walk);
    if (kept && !this.touches(walk, lastAt) && readsHold(last.progressReads, state, undefined, sectionStatus)) {
      return walk === last.walk ? last : { ...last, walk };
    }
    const reads = new ReadLog();
    const completion = { compiled: this.compiled, state, completed: this.completed, reads };
    const { done, status } = runProgress(completion, walk.locations, walk.keys);
    if (section.summary) done[done.length - 1] = status === 'completed';
    const entry: SectionProgress =
      kept && last.entry.status === status ? last.entry : progressOf(section, item, walk.locations, status);
    return { section, item, walk, done, firstUndone: done.indexOf(false), status, progressReads: reads, entry };
  }
}

/** A run's entry in `path.sections`, without an `item` property when it has none. */
function progressOf(
  section: Section,
  item: string | undefined,
  locations: Location[],
  status: SectionStatus,
): SectionProgress {
  return item === undefined
    ? { section: section.id, locations, status }
    : { section: section.id, item, locations, status };
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
