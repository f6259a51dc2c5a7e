import type { Question, Questionnaire } from '@eq/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.ts';
import type { EvalContext } from '../evaluate.ts';
import { type Location, locationKey } from '../location.ts';
import { emptyState, type ListState, own, type ResponseState } from '../state.ts';
import { type Dice, dice as diceOf, mulberry32 } from '../testing/dice.ts';
import { sharedQuestionnaires } from '../testing/files.ts';
import { launchMetadata } from '../testing/metadata.ts';
import { questionAt } from '../testing/page-plan.ts';
import { answerQuestion } from '../testing/question-form.ts';
import { anyResponseState, anyValue } from '../testing/random-answers.ts';
import { respond } from '../testing/respondent.ts';
import type { AnswerValue } from '../values.ts';
import { locationContext } from './context.ts';
import { firstIncompleteLocation } from './navigation.ts';
import { type IndexedPath, indexPath, isCompleteAt, sectionFirstIncomplete } from './path-index.ts';
import { savePage } from './save.ts';
import { census, everyRead, household, householdHub, routing } from './test-questionnaires.ts';

/**
 * The path of a state saved from another is worked out from the other's walk, each section's walk
 * reused while what it read is unchanged. These tests hold it, after every step of sequences of
 * saves, list edits and arbitrary changes, to the path a fresh walk gives: a copy of the state is
 * a new object, so its path is walked from nothing.
 */

const today = '2024-06-01';
const nav = { today };

/** A questionnaire with one page's id changed: keys a path can have twice (ids the static checks refuse, or the hub's). */
function renamed(q: Questionnaire, page: string, id: string): Questionnaire {
  const copy: Questionnaire = structuredClone(q);
  for (const section of copy.sections) for (const p of section.pages) if (p.id === page) p.id = id;
  return copy;
}

/** Every shared questionnaire, and the navigation tests' own, which are run more: they were made to steer paths. */
const QUESTIONNAIRES: [string, Questionnaire, number][] = [
  ...sharedQuestionnaires().map(({ name, q }): [string, Questionnaire, number] => [name, q, 1]),
  ['routing', routing, 2],
  ['household', household, 2],
  ['household in a hub', householdHub, 2],
  ['census-like', census(), 2],
  ['every read, linear', everyRead('linear'), 4],
  ['every read, hub', everyRead('hub'), 4],
  ["every read, hub, a page with the hub's key", renamed(everyRead('hub'), 'wales', 'hub'), 2],
  ['every read, linear, one page id twice', renamed(everyRead('linear'), 'soon', 'spend'), 2],
];
const censusExample = QUESTIONNAIRES.find(([name]) => name === 'examples/census-household.json')?.[1];

function expectFreshPath(q: Questionnaire, state: ResponseState): void {
  expectSamePath(indexPath(q, state, nav), indexPath(q, { ...state }, nav));
}

function expectSamePath(actual: IndexedPath, fresh: IndexedPath): void {
  expect(actual.path.locations).toEqual(fresh.path.locations);
  expect(actual.path.sections).toEqual(fresh.path.sections);
  expect([...actual.path.onPath]).toEqual([...fresh.path.onPath]);
  expect([...actual.position]).toEqual([...fresh.position]);
  expect(actual.sectionOf).toEqual(fresh.sectionOf);
  expect(actual.starts).toEqual(fresh.starts);
  expect(completeOf(actual)).toEqual(completeOf(fresh));
  expect(actual.required).toEqual(fresh.required);
  expect(actual.firstRequiredIncomplete).toBe(fresh.firstRequiredIncomplete);
  expect(firstIncompleteBySection(actual)).toEqual(firstIncompleteBySection(fresh));
  expect(actual.firstIncomplete).toBe(fresh.firstIncomplete);
  expect(actual.hub).toBe(fresh.hub);
}

/** Whether each location of the path is complete. */
const completeOf = (ip: IndexedPath) => ip.path.locations.map((_, at) => isCompleteAt(ip, at));
const firstIncompleteBySection = (ip: IndexedPath) => ip.path.sections.map((_, s) => sectionFirstIncomplete(ip, s));

/** Values that break assumptions, posted now and then in place of a respondent's answer. */
const ODD_VALUES: unknown[] = [undefined, 'x', 'yes', 'no', 7, -1, [], {}, '2020-02-30'];

/** A respondent's answers to the question, some replaced by odd values. */
function postedValues(question: Question, ctx: EvalContext, dice: Dice): Record<string, AnswerValue | undefined> {
  const values: Record<string, unknown> = answerQuestion(question, ctx, dice, 0.3);
  for (const answer of question.answers) {
    if (dice.chance(0.15)) values[answer.id] = dice.pick(ODD_VALUES);
  }
  return values as Record<string, AnswerValue | undefined>;
}

/**
 * Where the next post goes: mostly where the last save led (a section of the hub, picked at
 * random), else any location of the path, or a list item to add, change or remove.
 */
function pickLocation(q: Questionnaire, state: ResponseState, next: Location, dice: Dice): Location {
  const { path } = indexPath(q, state, nav);
  const roll = dice.next();
  if (roll < 0.55) {
    if (next.kind !== 'hub') return next;
    return dice.pick(path.sections)?.locations[0] ?? next;
  }
  const collectors = [...compile(q).lists.values()];
  const info = dice.pick(collectors);
  if (roll < 0.8 || !info) return dice.pick(path.locations) ?? next;
  const { collector, section } = info;
  const item = dice.pick(own(state.lists, collector.list)?.items ?? []);
  const page = item === undefined || dice.chance(0.3) ? collector.itemPage.id : collector.removePage.id;
  return { kind: 'page', section: section.id, page, ...(item === undefined || dice.chance(0.2) ? {} : { item }) };
}

/** Posts `steps` forms, mostly as a respondent would, checking the path after each save. */
function saveAtRandom(q: Questionnaire, seed: number, steps: number): void {
  const dice = diceOf(mulberry32(seed));
  const compiled = compile(q);
  let n = 0;
  const newItemId = () => `item${n++}`;
  let state: ResponseState = { ...emptyState(), metadata: launchMetadata(q, {}, today, dice) };
  let next = firstIncompleteLocation(q, state, nav);
  for (let step = 0; step < steps; step++) {
    const location = pickLocation(q, state, next, dice);
    const ctx = locationContext(q, state, location, { lang: 'en', today });
    const question = questionAt(compiled, location, ctx);
    const values = question ? postedValues(question, ctx, dice) : {};
    ({ state, next } = savePage(q, state, location, values, { today, newItemId }));
    expectFreshPath(q, state);
  }
}

type Edit = (state: ResponseState) => ResponseState;

/** One change to a state, sharing everything else with it, as saves do (and some no save makes). */
function anyEdit(q: Questionnaire): fc.Arbitrary<Edit> {
  const compiled = compile(q);
  const infos = [...compiled.answers.values()];
  const items = ['a', 'b', 'c', 'd'];
  const lists = [...compiled.lists.keys(), 'unknown-list'];
  const metadata = [...(q.metadata ?? []).map((m) => m.name), 'unknown'];
  const answerValue = fc
    .constantFrom(...infos)
    .chain((info) =>
      fc.tuple(
        fc.constant(info.answer.id),
        fc.option(
          info.relationship ? fc.dictionary(fc.constantFrom(...items), anyValue(info.answer)) : anyValue(info.answer),
        ),
      ),
    );
  const edits: fc.Arbitrary<Edit>[] = [
    answerValue.map(([id, value]) => (s) => ({ ...s, answers: withValue(s.answers, id, value) })),
    fc.tuple(fc.constantFrom(...items), answerValue).map(([item, [id, value]]) => (s) => ({
      ...s,
      itemAnswers: { ...s.itemAnswers, [item]: withValue(own(s.itemAnswers, item) ?? {}, id, value) },
    })),
    fc
      .tuple(fc.constantFrom(...lists), fc.uniqueArray(fc.constantFrom(...items), { maxLength: 4 }), fc.boolean())
      .map(([list, members, primary]) => (s) => {
        const next: ListState = primary && members[0] ? { items: members, primary: members[0] } : { items: members };
        return { ...s, lists: { ...s.lists, [list]: next } };
      }),
    // Completes a location of the path, or withdraws a completed one.
    fc.tuple(fc.nat(), fc.boolean()).map(([pick, add]) => (s) => {
      if (add || s.completed.length === 0) {
        const locations = indexPath(q, { ...s }, nav).path.locations;
        const key = locationKey(locations[pick % locations.length] ?? { kind: 'summary' });
        return { ...s, completed: [...s.completed, key] };
      }
      const drop = pick % s.completed.length;
      return { ...s, completed: s.completed.filter((_, i) => i !== drop) };
    }),
    fc
      .tuple(fc.constantFrom(...metadata), fc.constantFrom('wales', 'england', 1, true, '2024-01-01', undefined))
      .map(([name, value]) => (s) => ({ ...s, metadata: withValue(s.metadata, name, value) })),
    // An unrelated state: nothing to reuse but what happens to read the same.
    anyResponseState(q).map((other) => () => other),
    fc.constant((s: ResponseState) => s),
  ];
  return fc.oneof(...edits);
}

function withValue(record: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...record };
  if (value === null || value === undefined) delete out[key];
  else out[key] = value;
  return out;
}

describe('the path worked out from the walk of an earlier state', () => {
  it.each(QUESTIONNAIRES)('is what a fresh walk gives, after each of a series of changes: %s', (_, q, runs) => {
    fc.assert(
      fc.property(anyResponseState(q), fc.array(anyEdit(q), { minLength: 1, maxLength: 8 }), (first, edits) => {
        let state = first;
        let ip = indexPath(q, state, nav);
        for (const edit of edits) {
          state = edit(state);
          ip = indexPath(q, state, nav, ip);
          expectSamePath(ip, indexPath(q, { ...state }, nav));
        }
      }),
      { numRuns: 25 * runs },
    );
  });

  it.each(QUESTIONNAIRES)('is what a fresh walk gives, after each save, list edit and removal: %s', (_, q, runs) => {
    fc.assert(
      fc.property(fc.integer(), (seed) => saveAtRandom(q, seed, 40)),
      { numRuns: 6 * runs },
    );
  });

  it('is what a fresh walk gives, after each save of census households of one to six people', () => {
    if (!censusExample) throw new Error('the census example is missing');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer(), (people, seed) => {
        const journey = respond(censusExample, {
          people,
          seed,
          today,
          detours: 0.5,
          skipRate: 0.3,
          choose: ({ state }) => {
            expectFreshPath(censusExample, state);
            return undefined;
          },
        });
        expect(journey.complete).toBe(true);
        expectFreshPath(censusExample, journey.state);
      }),
      { numRuns: 8 },
    );
  });
});
