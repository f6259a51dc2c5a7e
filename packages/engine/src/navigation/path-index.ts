import type { Questionnaire } from '@eq/schema';
import { type CompiledQuestionnaire, compile } from '../compile.ts';
import { todayIso } from '../dates.ts';
import { type Location, locationKey } from '../location.ts';
import type { ResponseState } from '../state.ts';
import type { NavigationOptions, Path } from './path.ts';
import { type PathWalk, type RunOfPage, type SectionRun, type WalkedPath, walkSections } from './section-runs.ts';
import { addPageKeys } from './section-walk.ts';

/** A path with what navigating it needs. */
export interface IndexedPath {
  path: Path;
  compiled: CompiledQuestionnaire;
  state: ResponseState;
  today: string;
  hub: boolean;
  /** Position of each location on the path, by location key. */
  position: Map<string, number>;
  /** For each location, the index of its entry in `path.sections` (-1 for the final location). */
  sectionOf: number[];
  /** Whether every location has a key of its own (so `position` has one entry a location). */
  uniqueKeys: boolean;
  /**
   * Position of the first location of each entry of `path.sections`. Which locations are complete
   * is read from the runs of `walk` (`isCompleteAt`): a save changes that for a page or two, and
   * the path of the state saved shares these arrays rather than copying one flag a location.
   */
  starts: number[];
  /** Hub flow: positions of the required sections' locations, in the order the flow lists them. */
  required: number[];
  /** Position in `required` of its first incomplete location. */
  firstRequiredIncomplete: number | undefined;
  firstIncomplete: number;
  /** How the path was walked, for working out the path of a state saved from this one. */
  walk: PathWalk;
}

/**
 * The last path worked out for each state object. A runner request asks about one state several
 * times (may the page be shown, validate it against the path, save it, show the next page), and
 * a 50-person household has some 2,500 locations on its path, so each is walked only once.
 */
const known = new WeakMap<ResponseState, IndexedPath>();

/** States a save made whose path the save did not need (see `savedFrom`), with the path of the state saved. */
const saved = new WeakMap<ResponseState, IndexedPath>();

/**
 * Remembers that a state was saved from the one of `from`, so that its path, when asked for, is
 * worked out from that one. The runner shows the next page of the saved state on the next request.
 */
export function savedFrom(state: ResponseState, from: IndexedPath): void {
  if (!known.has(state)) saved.set(state, from);
}

/**
 * The indexed path of a state; see `computePath` for why states must never change in place.
 * `from` is the path of a state this one was saved from: the sections whose walk read nothing
 * that changed are taken from it rather than walked again (a save changes a page or two).
 */
export function indexPath(
  q: Questionnaire,
  state: ResponseState,
  options: NavigationOptions = {},
  from?: IndexedPath,
): IndexedPath {
  const today = options.today ?? todayIso();
  const last = known.get(state);
  if (last && last.compiled.questionnaire === q && last.today === today) return last;
  const earlier = from ?? saved.get(state);
  saved.delete(state);
  const base = earlier && earlier.compiled.questionnaire === q && earlier.today === today ? earlier : undefined;
  const compiled = compile(q);
  const walked = walkSections(compiled, state, today, base?.walk, base && runOfPageOn(base));
  const ip =
    base && walked.sameLocations ? withLocationsOf(base, state, walked) : indexed(compiled, state, today, walked);
  known.set(state, ip);
  return ip;
}

/** Indexes the walked sections in one pass. */
function indexed(
  compiled: CompiledQuestionnaire,
  state: ResponseState,
  today: string,
  walked: WalkedPath,
): IndexedPath {
  const q = compiled.questionnaire;
  const hub = q.flow.type === 'hub';
  const locations: Location[] = [];
  const position = new Map<string, number>();
  const sectionOf: number[] = [];
  const starts: number[] = [];
  walked.runs.forEach(({ walk }, s) => {
    starts.push(locations.length);
    for (let i = 0; i < walk.locations.length; i++) {
      position.set(walk.keys[i] ?? '', locations.length);
      locations.push(walk.locations[i] as Location);
      sectionOf.push(s);
    }
  });
  const final: Location = hub ? { kind: 'hub' } : { kind: 'summary' };
  position.set(locationKey(final), locations.length);
  locations.push(final);
  sectionOf.push(-1);
  // Duplicate page ids (which the static checks refuse), or a page with the final location's key.
  const uniqueKeys = position.size === locations.length;
  let onPath = walked.onPath;
  if (onPath === undefined) {
    onPath = new Set();
    for (const run of walked.runs) addPageKeys(onPath, run.walk);
  }
  const path: Path = { locations, sections: walked.entries, onPath };
  const required = requiredPositions(q, path, sectionOf);
  return {
    path,
    compiled,
    state,
    today,
    hub,
    position,
    sectionOf,
    uniqueKeys,
    starts,
    required,
    firstRequiredIncomplete: firstRequiredIncomplete(walked.runs, starts, sectionOf, required),
    firstIncomplete: firstIncomplete(walked.runs, starts, locations.length - 1),
    walk: walked,
  };
}

/**
 * The path of a state whose sections have the same locations as the base's: its locations, their
 * positions and keys are the base's; only which are complete, and the statuses, may differ.
 */
function withLocationsOf(base: IndexedPath, state: ResponseState, walked: WalkedPath): IndexedPath {
  const before = base.walk.runs;
  const { runs } = walked;
  let sameEntries = true;
  for (let s = 0; s < runs.length && sameEntries; s++) sameEntries = runs[s]?.entry === before[s]?.entry;
  const path = sameEntries ? base.path : { ...base.path, sections: walked.entries };
  const { starts, sectionOf, required } = base;
  return {
    path,
    compiled: base.compiled,
    state,
    today: base.today,
    hub: base.hub,
    position: base.position,
    sectionOf,
    uniqueKeys: base.uniqueKeys,
    starts,
    required,
    firstRequiredIncomplete: firstRequiredIncomplete(runs, starts, sectionOf, required),
    firstIncomplete: firstIncomplete(runs, starts, finalPosition(base)),
    walk: walked,
  };
}

/**
 * Which run of a path has the location of each key, when each key is on the path once (a section
 * summary's key names its run too: the run is then worked out again, to the same result).
 */
function runOfPageOn(ip: IndexedPath): RunOfPage | undefined {
  if (!ip.uniqueKeys) return undefined;
  return (key) => {
    const at = ip.position.get(key);
    return at === undefined ? -1 : (ip.sectionOf[at] ?? -1);
  };
}

/** Whether the location at a position is complete; the final location (summary or hub) never is. */
export function isCompleteAt(ip: IndexedPath, at: number): boolean {
  return doneAt(ip.walk.runs, ip.starts, ip.sectionOf, at);
}

function doneAt(runs: readonly SectionRun[], starts: readonly number[], sectionOf: readonly number[], at: number) {
  const s = sectionOf[at] ?? -1;
  return s >= 0 && runs[s]?.done[at - (starts[s] ?? 0)] === true;
}

/** The position of the first incomplete location of an entry of `path.sections`. */
export function sectionFirstIncomplete(ip: IndexedPath, s: number): number | undefined {
  const first = ip.walk.runs[s]?.firstUndone ?? -1;
  return first === -1 ? undefined : (ip.starts[s] ?? 0) + first;
}

function firstIncomplete(runs: readonly SectionRun[], starts: readonly number[], final: number): number {
  for (let s = 0; s < runs.length; s++) {
    const first = runs[s]?.firstUndone ?? -1;
    if (first !== -1) return (starts[s] ?? 0) + first;
  }
  return final;
}

function firstRequiredIncomplete(
  runs: readonly SectionRun[],
  starts: readonly number[],
  sectionOf: readonly number[],
  required: readonly number[],
): number | undefined {
  for (let i = 0; i < required.length; i++) if (!doneAt(runs, starts, sectionOf, required[i] ?? -1)) return i;
  return undefined;
}

function requiredPositions(q: Questionnaire, path: Path, sectionOf: number[]): number[] {
  if (q.flow.type !== 'hub') return [];
  const out: number[] = [];
  for (const id of new Set(q.flow.requiredSections ?? [])) {
    sectionOf.forEach((s, at) => {
      if (s >= 0 && path.sections[s]?.section === id) out.push(at);
    });
  }
  return out;
}

export function locationAt(ip: IndexedPath, at: number): Location {
  return ip.path.locations[at] ?? { kind: ip.hub ? 'hub' : 'summary' };
}

export function finalPosition(ip: IndexedPath): number {
  return ip.path.locations.length - 1;
}

/**
 * The position of the first incomplete location that must be completed before the one at `at`
 * can be visited. Linear flow: any earlier one. Hub flow: the required sections come first, in
 * the flow's order; after that each section only needs its own earlier locations.
 */
export function blockerOf(ip: IndexedPath, at: number): number | undefined {
  if (!ip.hub) return ip.firstIncomplete < at ? ip.firstIncomplete : undefined;
  const first = ip.firstRequiredIncomplete;
  if (first !== undefined) {
    const chained = ip.required.indexOf(at);
    return chained === -1 || first < chained ? ip.required[first] : undefined;
  }
  const s = ip.sectionOf[at] ?? -1;
  const own = s >= 0 ? sectionFirstIncomplete(ip, s) : undefined;
  return own !== undefined && own < at ? own : undefined;
}
