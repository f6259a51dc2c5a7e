import type { Questionnaire } from '@eq/schema';
import { type CompiledQuestionnaire, compile } from '../compile.ts';
import { todayIso } from '../dates.ts';
import { type EvalContext, holds, type SectionStatus } from '../evaluate.ts';
import { type Location, locationKey } from '../location.ts';
import { listItems, type ResponseState } from '../state.ts';
import { type CompletionContext, combinedStatus, runProgress } from './completion.ts';
import type { NavigationOptions, Path, SectionProgress } from './path.ts';
import { type Walked, walkSection } from './walk.ts';

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
  /** For each location, whether it is complete; the final location (summary or hub) never is. */
  complete: boolean[];
  /** Hub flow: positions of the required sections' locations, in the order the flow lists them. */
  required: number[];
  /** Position in `required` of its first incomplete location. */
  firstRequiredIncomplete: number | undefined;
  /** Position of the first incomplete location of each entry of `path.sections`. */
  sectionFirstIncomplete: (number | undefined)[];
  firstIncomplete: number;
}

/**
 * The last path worked out for each state object. A runner request asks about one state several
 * times (may the page be shown, validate it against the path, save it, show the next page), and
 * a 50-person household has some 2,500 locations on its path, so each is walked only once.
 */
const known = new WeakMap<ResponseState, IndexedPath>();

/** The indexed path of a state; see `computePath` for why states must never change in place. */
export function indexPath(q: Questionnaire, state: ResponseState, options: NavigationOptions = {}): IndexedPath {
  const today = options.today ?? todayIso();
  const last = known.get(state);
  if (last && last.compiled.questionnaire === q && last.today === today) return last;
  const ip = walkPath(q, state, today);
  known.set(state, ip);
  return ip;
}

/** Walks the path and indexes it in one pass, each location's key made once. */
function walkPath(q: Questionnaire, state: ResponseState, today: string): IndexedPath {
  const compiled = compile(q);
  const hub = q.flow.type === 'hub';
  const completion: CompletionContext = { compiled, state, completed: new Set(state.completed) };
  const onPath = new Set<string>();
  const statuses = new Map<string, SectionStatus[]>();
  const byItem = new Map<string, SectionStatus>();
  const sectionStatus = (section: string, item?: string): SectionStatus =>
    item === undefined
      ? combinedStatus(statuses.get(section) ?? [])
      : (byItem.get(`${section}@${item}`) ?? 'notStarted');
  // Every context has the same properties in the same order, so the evaluator's reads stay fast.
  const contextAt = (item: string | undefined, list: string | undefined): EvalContext => ({
    compiled,
    state,
    today,
    onPath,
    sectionStatus,
    item,
    to: undefined,
    list,
  });
  const ctx = contextAt(undefined, undefined);
  const locations: Location[] = [];
  const sections: SectionProgress[] = [];
  const position = new Map<string, number>();
  const sectionOf: number[] = [];
  const complete: boolean[] = [];
  const sectionFirstIncomplete: (number | undefined)[] = [];
  walk: for (const section of q.sections) {
    if (!holds(section.enabledWhen, ctx)) continue;
    const list = section.repeat?.list;
    const items = list === undefined ? [undefined] : listItems(state, list);
    for (const item of items) {
      const walked: Walked = { locations: [], keys: [] };
      const end = walkSection(section, item === undefined ? ctx : contextAt(item, list), onPath, walked);
      const { locations: repeat, keys } = walked;
      const { done, status } = runProgress(completion, repeat, keys);
      if (section.summary) {
        const summary: Location = {
          kind: 'sectionSummary',
          section: section.id,
          ...(item === undefined ? {} : { item }),
        };
        repeat.push(summary);
        keys.push(locationKey(summary));
        done.push(status === 'completed');
      }
      const repeats = statuses.get(section.id) ?? [];
      repeats.push(status);
      statuses.set(section.id, repeats);
      if (item !== undefined) byItem.set(`${section.id}@${item}`, status);
      const s = sections.length;
      sections.push({ section: section.id, ...(item === undefined ? {} : { item }), locations: repeat, status });
      repeat.forEach((location, i) => {
        const at = locations.length;
        position.set(keys[i] ?? '', at);
        locations.push(location);
        sectionOf.push(s);
        complete.push(done[i] === true);
        if (done[i] !== true && sectionFirstIncomplete[s] === undefined) sectionFirstIncomplete[s] = at;
      });
      if (end === 'questionnaire' && !hub) break walk;
    }
  }
  const final: Location = hub ? { kind: 'hub' } : { kind: 'summary' };
  position.set(locationKey(final), locations.length);
  locations.push(final);
  sectionOf.push(-1);
  complete.push(false);
  const path: Path = { locations, sections, onPath };
  const required = requiredPositions(q, path, sectionOf);
  const firstRequired = required.findIndex((at) => !complete[at]);
  return {
    path,
    compiled,
    state,
    today,
    hub,
    position,
    sectionOf,
    complete,
    required,
    firstRequiredIncomplete: firstRequired === -1 ? undefined : firstRequired,
    sectionFirstIncomplete,
    firstIncomplete: complete.indexOf(false),
  };
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
  const own = s >= 0 ? ip.sectionFirstIncomplete[s] : undefined;
  return own !== undefined && own < at ? own : undefined;
}
