import { describe, expect, it } from 'vitest';
import { emptyState, inList, isItemId, isRecord, listItems, normaliseState, own } from './state.ts';

describe('normaliseState', () => {
  it('reads anything that is not an object as an empty state', () => {
    for (const raw of [undefined, null, 'state', 42, true, [], [{ answers: {} }]]) {
      expect(normaliseState(raw)).toEqual(emptyState());
    }
  });

  it('keeps a well-formed state as it is', () => {
    const state = {
      answers: { name: 'Ann', sports: ['golf'] },
      itemAnswers: { p1: { 'first-name': 'Ann', relationship: { p2: 'partner' } }, p2: {} },
      lists: { people: { items: ['p1', 'p2'], primary: 'p1' }, visitors: { items: [] } },
      completed: ['name-page', 'age@p1'],
      metadata: { ru_name: 'Acme' },
    };
    expect(normaliseState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('drops parts of the wrong shape', () => {
    const state = normaliseState({
      answers: ['Ann'],
      itemAnswers: { p1: 'Ann', p2: ['x'], p3: null, p4: { age: 4 } },
      lists: { people: { items: 'p1' }, pets: ['p1'], cars: null, visitors: { items: ['v1'] } },
      completed: ['a', 1, null, { key: 'b' }],
      metadata: 'ru_name',
    });
    expect(state).toEqual({
      answers: {},
      itemAnswers: { p4: { age: 4 } },
      lists: { visitors: { items: ['v1'] } },
      completed: ['a'],
      metadata: {},
    });
  });

  it('keeps each item once, and only ids that can be item ids', () => {
    const state = normaliseState({
      lists: { people: { items: ['p1', 'p1', 7, '', 'a b', 'a>b', 'x'.repeat(41), 'constructor', '__proto__', 'p2'] } },
      itemAnswers: { 'a@b': { age: 1 }, constructor: { age: 2 }, p2: { age: 3 } },
    });
    expect(state.lists.people).toEqual({ items: ['p1', 'p2'] });
    expect(state.itemAnswers).toEqual({ p2: { age: 3 } });
  });

  it('keeps a primary item only when it is in its list, and puts it first', () => {
    const state = normaliseState({
      lists: {
        a: { items: ['p1', 'p2'], primary: 'p3' },
        b: { items: ['p1', 'p2'], primary: 'p2' },
        c: { items: ['p1'], primary: 5 },
      },
    });
    expect(state.lists).toEqual({
      a: { items: ['p1', 'p2'] },
      b: { items: ['p2', 'p1'], primary: 'p2' },
      c: { items: ['p1'] },
    });
  });

  it('never lets a __proto__ key set a prototype', () => {
    const raw = JSON.parse(
      '{"answers": {"__proto__": {"polluted": 1}, "name": "Ann"}, "lists": {"__proto__": {"items": ["p1"]}}, "itemAnswers": {"p1": {"__proto__": {"polluted": 1}}}, "metadata": {"__proto__": {"polluted": 1}}}',
    );
    const state = normaliseState(raw);
    expect(state.answers).toEqual({ name: 'Ann' });
    expect(Object.getPrototypeOf(state.answers)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(state.lists)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(state.itemAnswers.p1)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(state.metadata)).toBe(Object.prototype);
    expect(Object.keys(state.lists)).toEqual([]);
  });

  it('copies rather than shares the records it reads', () => {
    const raw = { answers: { name: 'Ann' }, itemAnswers: { p1: { age: 4 } }, lists: { people: { items: ['p1'] } } };
    const state = normaliseState(raw);
    state.answers.name = 'Bob';
    (state.itemAnswers.p1 as Record<string, unknown>).age = 5;
    state.lists.people?.items.push('p2');
    expect(raw).toEqual({
      answers: { name: 'Ann' },
      itemAnswers: { p1: { age: 4 } },
      lists: { people: { items: ['p1'] } },
    });
  });
});

describe('state helpers', () => {
  it('starts an empty state with the launch metadata', () => {
    expect(emptyState({ ru_name: 'Acme' })).toEqual({
      answers: {},
      itemAnswers: {},
      lists: {},
      completed: [],
      metadata: { ru_name: 'Acme' },
    });
  });

  it('accepts item ids as ListItemId does, except prototype member names', () => {
    expect(['p1', 'A-b_9', 'x'.repeat(40)].every(isItemId)).toBe(true);
    expect(
      ['', 'a b', 'a@b', 'a>b', 'x'.repeat(41), '__proto__', 'constructor', 'toString', 7, null].some(isItemId),
    ).toBe(false);
  });

  it("reads only a record's own values", () => {
    expect(own({ a: 1 }, 'a')).toBe(1);
    expect(own({ a: 1 }, 'constructor')).toBeUndefined();
    expect(own({}, '__proto__')).toBeUndefined();
  });

  it('gives the items of a list, none for an unknown list', () => {
    const state = { ...emptyState(), lists: { people: { items: ['p1', 'p2'] } } };
    expect(listItems(state, 'people')).toEqual(['p1', 'p2']);
    expect(listItems(state, 'constructor')).toEqual([]);
    expect(listItems(state, undefined)).toEqual([]);
    expect(inList(state, 'people', 'p2')).toBe(true);
    expect(inList(state, 'people', 'p3')).toBe(false);
    expect(inList(state, 'people', undefined)).toBe(false);
  });

  it('tells records from arrays and null', () => {
    expect([{}, { a: 1 }].every(isRecord)).toBe(true);
    expect([null, [], 'x', 1, undefined].some(isRecord)).toBe(false);
  });
});
