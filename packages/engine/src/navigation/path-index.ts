import type { Questionnaire } from '@eq/schema';
import { type CompiledQuestionnaire, compile } from '../compile.ts';
import { type Location, locationKey } from '../location.ts';
import type { ResponseState } from '../state.ts';
import { type CompletionContext, isPageComplete } from './completion.ts';
import { computePath, type NavigationOptions, type Path } from './path.ts';

/** A path with what navigating it needs, built once per call. */
export interface IndexedPath {
  path: Path;
  compiled: CompiledQuestionnaire;
  state: ResponseState;
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

export function indexPath(q: Questionnaire, state: ResponseState, options: NavigationOptions = {}): IndexedPath {
  const compiled = compile(q);
  const path = computePath(q, state, options);
  const completion: CompletionContext = { compiled, state, completed: new Set(state.completed) };
  const position = new Map<string, number>();
  const sectionOf: number[] = [];
  const complete: boolean[] = [];
  const sectionFirstIncomplete: (number | undefined)[] = [];
  path.sections.forEach((progress, s) => {
    for (const location of progress.locations) {
      const at = sectionOf.length;
      position.set(locationKey(location), at);
      sectionOf.push(s);
      const done = location.kind === 'page' ? isPageComplete(completion, location) : progress.status === 'completed';
      complete.push(done);
      if (!done && sectionFirstIncomplete[s] === undefined) sectionFirstIncomplete[s] = at;
    }
  });
  const last = path.locations.length - 1;
  position.set(locationKey(path.locations[last] ?? { kind: 'summary' }), last);
  sectionOf.push(-1);
  complete.push(false);
  const required = requiredPositions(q, path, sectionOf);
  const firstRequired = required.findIndex((at) => !complete[at]);
  return {
    path,
    compiled,
    state,
    hub: q.flow.type === 'hub',
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
