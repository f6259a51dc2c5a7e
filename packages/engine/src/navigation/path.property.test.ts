import type { Questionnaire } from '@eq/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.ts';
import { holds } from '../evaluate.ts';
import { type Location, locationKey, pageKey } from '../location.ts';
import type { ResponseState } from '../state.ts';
import { questionnaire } from '../testing/build.ts';
import type { AnswerValue } from '../values.ts';
import { canVisit, firstIncompleteLocation, nextLocation, previousLocation } from './navigation.ts';
import { computePath } from './path.ts';
import { savePage } from './save.ts';
import { household, householdHub, routing } from './test-questionnaires.ts';

const today = '2024-06-01';
const ITEMS = ['a', 'b', 'c', 'd'];
const routingHub = questionnaire({ ...routing, flow: { type: 'hub', requiredSections: ['second'] } });
const QUESTIONNAIRES: [string, Questionnaire][] = [
  ['routing', routing],
  ['routing in a hub', routingHub],
  ['household', household],
  ['household in a hub', householdHub],
];

/** Any stored value: right or wrong type, known or unknown option, hostile shapes. */
function anyValue(q: Questionnaire): fc.Arbitrary<unknown> {
  const options = new Set<string>(['x']);
  for (const info of compile(q).answers.values()) {
    if ('options' in info.answer) for (const o of info.answer.options) options.add(o.value);
  }
  const option = fc.constantFrom(...options);
  return fc.oneof(
    option,
    option,
    fc.integer({ min: -10, max: 200 }),
    fc.string({ maxLength: 5 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(option, { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...ITEMS), option),
  );
}

function anyState(q: Questionnaire): fc.Arbitrary<ResponseState> {
  const compiled = compile(q);
  const ids = [...compiled.answers.keys(), 'unknown', 'constructor'];
  const values = fc.dictionary(fc.constantFrom(...ids), anyValue(q), { maxKeys: ids.length });
  const pageIds = [...compiled.pages.keys()];
  const keys = pageIds.flatMap((id) => [
    id,
    ...ITEMS.map((item) => pageKey(id, item)),
    ...ITEMS.flatMap((a) => ITEMS.map((b) => pageKey(id, a, b))),
  ]);
  return fc.record({
    answers: values,
    itemAnswers: fc.dictionary(fc.constantFrom(...ITEMS, 'ghost'), values),
    lists: fc
      .tuple(fc.uniqueArray(fc.constantFrom(...ITEMS), { maxLength: ITEMS.length }), fc.boolean())
      .map(([items, withPrimary]) => ({
        people: withPrimary && items[0] !== undefined ? { items, primary: items[0] } : { items },
      })),
    completed: fc.subarray(keys),
    metadata: fc.constant({}),
  });
}

const cases = fc
  .constantFrom(...QUESTIONNAIRES)
  .chain(([name, q]) => fc.tuple(fc.constant(name), fc.constant(q), anyState(q)));

/** Checks each page's skip condition as the path does: seeing only the pages before it. */
function skippedPagesOn(q: Questionnaire, state: ResponseState, locations: readonly Location[]): string[] {
  const compiled = compile(q);
  const seen = new Set<string>();
  const checked = new Set<string>();
  const wrong: string[] = [];
  for (const location of locations) {
    if (location.kind !== 'page') continue;
    const info = compiled.pages.get(location.page);
    const list = info?.section.repeat?.list;
    const item = list === undefined ? undefined : location.item;
    const instance = pageKey(location.page, item);
    if (info && !info.role && !checked.has(instance)) {
      checked.add(instance);
      const ctx = { compiled, state, today, onPath: new Set(seen), item, list };
      if (info.page.skipWhen !== undefined && holds(info.page.skipWhen, ctx)) wrong.push(instance);
    }
    seen.add(pageKey(location.page, location.item, location.to));
  }
  return wrong;
}

describe('the path, over random answers and lists', () => {
  it('is the same for the same input', () => {
    fc.assert(
      fc.property(cases, ([, q, state]) => {
        const a = computePath(q, state, { today });
        const b = computePath(q, structuredClone(state), { today });
        expect(b.locations).toEqual(a.locations);
        expect(b.sections).toEqual(a.sections);
        expect([...b.onPath]).toEqual([...a.onPath]);
      }),
      { numRuns: 150 },
    );
  });

  it('never contains a page whose skip condition holds', () => {
    fc.assert(
      fc.property(cases, ([, q, state]) => {
        expect(skippedPagesOn(q, state, computePath(q, state, { today }).locations)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('always ends with the summary in the linear flow and the hub in the hub flow', () => {
    fc.assert(
      fc.property(cases, ([, q, state]) => {
        const { locations } = computePath(q, state, { today });
        expect(locations.at(-1)).toEqual({ kind: q.flow.type === 'hub' ? 'hub' : 'summary' });
        expect(locations.slice(0, -1).every((l) => l.kind === 'page' || l.kind === 'sectionSummary')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with next and previous locations in the linear flow', () => {
    const linear = cases.filter(([, q]) => q.flow.type === 'linear');
    fc.assert(
      fc.property(linear, ([, q, state]) => {
        const { locations } = computePath(q, state, { today });
        for (let i = 0; i + 1 < locations.length; i++) {
          const here = locations[i] as Location;
          const next = locations[i + 1] as Location;
          expect(locationKey(nextLocation(q, state, here, { today }))).toBe(locationKey(next));
          expect(locationKey(previousLocation(q, state, next, { today }) ?? { kind: 'hub' })).toBe(locationKey(here));
        }
        expect(previousLocation(q, state, locations[0] as Location, { today })).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it('can always visit the first incomplete location', () => {
    fc.assert(
      fc.property(cases, ([, q, state]) => {
        expect(canVisit(q, state, firstIncompleteLocation(q, state, { today }), { today })).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('saves any location of the path with hostile values without throwing or changing its input', () => {
    const values = fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string(), fc.integer()));
    fc.assert(
      fc.property(cases, fc.nat(), values, ([, q, state], pick, posted) => {
        const { locations } = computePath(q, state, { today });
        const location = locations[pick % locations.length] as Location;
        const before = structuredClone(state);
        let n = 0;
        const typed = posted as Record<string, AnswerValue | undefined>;
        const result = savePage(q, state, location, typed, { today, newItemId: () => `n${n++}` });
        expect(state).toEqual(before);
        expect(computePath(q, result.state, { today }).locations.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});
