import type { Questionnaire } from '@eq/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.ts';
import { type EvalContext, holds, type SectionStatus } from '../evaluate.ts';
import { type Location, locationKey, pageKey } from '../location.ts';
import { canVisit, firstIncompleteLocation, nextLocation, previousLocation } from '../navigation/navigation.ts';
import { computePath, type Path } from '../navigation/path.ts';
import { isComplete } from '../navigation/progress.ts';
import { normaliseState, type ResponseState } from '../state.ts';
import { buildSubmission } from '../submission/index.ts';
import { buildSummary } from '../summary/index.ts';
import { anyResponseState } from '../testing/index.ts';
import { documents, envelope, today } from './test-setup.ts';

const nav = { today };
/** Runs per property and questionnaire: enough to vary every answer, few enough for the census. */
const numRuns = 20;

/**
 * The pages on a path whose skip condition holds, each checked as the path does: seeing only the
 * locations before it, in its repeat's item, with the status of the sections walked so far.
 */
function skippedPagesOn(q: Questionnaire, state: ResponseState, path: Path): string[] {
  const compiled = compile(q);
  const seen = new Set<string>();
  const checked = new Set<string>();
  const statuses = new Map<string, SectionStatus[]>();
  const wrong: string[] = [];
  for (const progress of path.sections) {
    const list = compiled.sections.get(progress.section)?.section.repeat?.list;
    const ctx: EvalContext = {
      compiled,
      state,
      today,
      onPath: seen,
      item: progress.item,
      list,
      sectionStatus: (section, item) => combined(statuses.get(item === undefined ? section : `${section}@${item}`)),
    };
    for (const location of progress.locations) {
      if (location.kind !== 'page') continue;
      const info = compiled.pages.get(location.page);
      const instance = pageKey(location.page, progress.item);
      if (info && !info.role && !checked.has(instance)) {
        checked.add(instance);
        if (info.page.skipWhen !== undefined && holds(info.page.skipWhen, { ...ctx, onPath: new Set(seen) })) {
          wrong.push(instance);
        }
      }
      seen.add(pageKey(location.page, location.item, location.to));
    }
    statuses.set(progress.section, [...(statuses.get(progress.section) ?? []), progress.status]);
    if (progress.item !== undefined) statuses.set(`${progress.section}@${progress.item}`, [progress.status]);
  }
  return wrong;
}

function combined(statuses: SectionStatus[] | undefined): SectionStatus {
  if (!statuses || statuses.length === 0) return 'notStarted';
  if (statuses.every((s) => s === 'completed')) return 'completed';
  return statuses.every((s) => s === 'notStarted') ? 'notStarted' : 'inProgress';
}

describe.each(documents)('$name over random states', ({ q }) => {
  /** As stored, even by a careless store: item ids such as "" and "__proto__" included. */
  const rawStates = anyResponseState(q, { hostileIds: true });
  /** As a runner reads them back from its store. */
  const states = rawStates.map(normaliseState);
  const linear = q.flow.type === 'linear';

  it('computes the same path for the same state, without changing the state', () => {
    fc.assert(
      fc.property(rawStates, (state) => {
        const before = structuredClone(state);
        const a = computePath(q, state, nav);
        const b = computePath(q, structuredClone(state), nav);
        expect(state).toEqual(before);
        expect(b.locations).toEqual(a.locations);
        expect(b.sections).toEqual(a.sections);
        expect([...b.onPath]).toEqual([...a.onPath]);
      }),
      { numRuns },
    );
  });

  it('finds its way around any state without throwing', () => {
    fc.assert(
      fc.property(rawStates, (state) => {
        const first = firstIncompleteLocation(q, state, nav);
        expect(typeof canVisit(q, state, first, nav)).toBe('boolean');
        expect(typeof isComplete(q, state, nav)).toBe('boolean');
        for (const location of computePath(q, state, nav).locations) {
          expect(nextLocation(q, state, location, nav).kind).toBeTypeOf('string');
          previousLocation(q, state, location, nav);
        }
      }),
      { numRuns: Math.ceil(numRuns / 2) },
    );
  });

  it('leaves out every page whose skip condition holds', () => {
    fc.assert(
      fc.property(states, (state) => {
        expect(skippedPagesOn(q, state, computePath(q, state, nav))).toEqual([]);
      }),
      { numRuns },
    );
  });

  it(`ends with the ${linear ? 'summary' : 'hub'} and visits each location once`, () => {
    fc.assert(
      fc.property(states, (state) => {
        const { locations } = computePath(q, state, nav);
        expect(locations.at(-1)).toEqual({ kind: linear ? 'summary' : 'hub' });
        expect(locations.slice(0, -1).every((l) => l.kind === 'page' || l.kind === 'sectionSummary')).toBe(true);
        const keys = locations.map(locationKey);
        expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
      }),
      { numRuns },
    );
  });

  it('summarises any state and builds its submission without throwing', () => {
    fc.assert(
      fc.property(rawStates, fc.constantFrom(...q.languages), (state, lang) => {
        expect(Array.isArray(buildSummary(q, state, { lang, today }))).toBe(true);
        expect(buildSubmission(q, state, { ...envelope, language: lang }, { today }).questionnaireId).toBe(q.id);
      }),
      { numRuns: Math.ceil(numRuns / 2) },
    );
  });

  it('leads to the first incomplete location, which is on the path and can be visited', () => {
    fc.assert(
      fc.property(states, (state) => {
        const first = firstIncompleteLocation(q, state, nav);
        const keys = computePath(q, state, nav).locations.map(locationKey);
        expect(keys).toContain(locationKey(first));
        expect(canVisit(q, state, first, nav)).toBe(true);
      }),
      { numRuns },
    );
  });

  it('leads from every location on the path to another on it', () => {
    fc.assert(
      fc.property(states, (state) => {
        const { locations } = computePath(q, state, nav);
        const keys = new Set(locations.map(locationKey));
        const off = locations.map((l) => locationKey(nextLocation(q, state, l, nav))).filter((key) => !keys.has(key));
        expect(off).toEqual([]);
      }),
      { numRuns: Math.ceil(numRuns / 2) },
    );
  });

  // Hub flows return to the hub between sections, so only linear paths read as one chain.
  if (linear)
    it('moves forwards and backwards along the path', () => {
      fc.assert(
        fc.property(states, (state) => {
          const { locations } = computePath(q, state, nav);
          for (let i = 0; i + 1 < locations.length; i++) {
            const here = locations[i] as Location;
            const next = locations[i + 1] as Location;
            expect(locationKey(nextLocation(q, state, here, nav))).toBe(locationKey(next));
            expect(locationKey(previousLocation(q, state, next, nav) ?? { kind: 'hub' })).toBe(locationKey(here));
          }
          expect(previousLocation(q, state, locations[0] as Location, nav)).toBeUndefined();
        }),
        { numRuns: Math.ceil(numRuns / 2) },
      );
    });
});
