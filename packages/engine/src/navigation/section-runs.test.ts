import { describe, expect, it } from 'vitest';
import type { ResponseState } from '../state.ts';
import { pageAt, stateWith } from '../testing/context.ts';
import { type IndexedPath, indexPath, isCompleteAt } from './path-index.ts';
import { savePage } from './save.ts';
import { census, censusState, everyRead } from './test-questionnaires.ts';

const today = '2024-06-01';
const nav = { today };

/** The path as a fresh walk gives it (a copy of the state is a new object, so nothing is reused). */
const fresh = (q: Parameters<typeof indexPath>[0], state: ResponseState) => indexPath(q, { ...state }, nav);
const keysOf = (ip: IndexedPath) => [...ip.position.keys()];
const walksOf = (ip: IndexedPath) => ip.walk.runs.map((run) => run.walk);
/** Whether each location of the path is complete. */
const completeOf = (ip: IndexedPath) => ip.path.locations.map((_, at) => isCompleteAt(ip, at));

describe('working out a path from the walk of the state it was saved from', () => {
  const q = census();
  const household = censusState(3);
  const save = (state: ResponseState, page: string, item: string, value: string) =>
    savePage(
      q,
      state,
      pageAt('individual', page, item),
      { [`${page}-answer`]: value },
      { today, newItemId: () => 'x' },
    );

  it('reuses every walk, and the locations, when the answer saved steers nothing', () => {
    const before = indexPath(q, household, nav);
    const { state } = save(household, 'p2', 'person1', 'c');
    const after = indexPath(q, state, nav);
    expect(walksOf(after).every((walk, i) => walk === walksOf(before)[i])).toBe(true);
    expect(after.path.locations).toBe(before.path.locations);
    expect(completeOf(after)).toEqual(completeOf(fresh(q, state)));
    expect(completeOf(after)).not.toEqual(completeOf(before));
  });

  it('walks again only the section of the person whose routing answer changed', () => {
    const before = indexPath(q, household, nav);
    // Person 1 answered b, which skips p4.
    const { state } = save(household, 'p3', 'person1', 'a');
    const after = indexPath(q, state, nav);
    const changed = walksOf(after).filter((walk, i) => walk !== walksOf(before)[i]);
    expect(changed.map((walk) => walk.keys[0])).toEqual(['p0@person1']);
    expect(keysOf(after)).toEqual(keysOf(fresh(q, state)));
    expect(keysOf(after)).toContain('p4@person1');
  });
});

describe('what a reused walk must see again', () => {
  const q = everyRead('linear');
  const answered: ResponseState = stateWith({
    answers: {
      'you-live-here-answer': 'yes',
      'people-answer': 'no',
      'start-answer': 'go',
      'spend-answer': 80,
      'save-answer': 40,
      'big-answer': 5,
    },
    itemAnswers: { a: { name: 'Ann' }, b: { name: 'Bob' } },
    lists: { people: { items: ['a', 'b'], primary: 'a' } },
    completed: ['you-live-here', 'people'],
    metadata: { region: 'wales' },
  });
  const after = (state: ResponseState) => indexPath(q, state, nav, indexPath(q, answered, nav));

  it('asks again about an answer whose page an earlier answer took off the path', () => {
    expect(keysOf(indexPath(q, answered, nav))).not.toContain('after-big');
    const state = { ...answered, answers: { ...answered.answers, 'spend-answer': 10 } };
    expect(keysOf(after(state))).toContain('after-big');
    expect(keysOf(after(state))).toEqual(keysOf(fresh(q, state)));
  });

  it('asks again about an answer of a section left out, when the sections after it move up', () => {
    const state = { ...answered, metadata: { region: 'england' } };
    expect(keysOf(after(state))).toContain('after-big');
    expect(keysOf(after(state))).toEqual(keysOf(fresh(q, state)));
  });

  it('decides again whether a list collector is complete when its list grows to its minimum', () => {
    const empty = { ...answered, lists: { people: { items: [] } }, itemAnswers: {} };
    const before = indexPath(q, empty, nav);
    const state = { ...empty, lists: { people: { items: ['b'] } } };
    const path = indexPath(q, state, nav, before);
    const at = path.position.get('people') ?? -1;
    expect(isCompleteAt(before, before.position.get('people') ?? -1)).toBe(false);
    expect(isCompleteAt(path, at)).toBe(true);
    expect(completeOf(path)).toEqual(completeOf(fresh(q, state)));
  });
});
