import { describe, expect, it } from 'vitest';
import { stateWith } from '../testing/context.ts';
import { addListItem, removeListItem } from './lists.ts';
import { household } from './test-questionnaires.ts';

describe('addListItem', () => {
  it('adds an item at the end of the list', () => {
    const state = stateWith({ lists: { people: { items: ['a'] } } });
    expect(addListItem(state, 'people', 'b').lists.people).toEqual({ items: ['a', 'b'] });
    expect(addListItem(state, 'pets', 'c').lists.pets).toEqual({ items: ['c'] });
  });

  it('puts a primary item first and makes it the primary', () => {
    const state = stateWith({ lists: { people: { items: ['a', 'b'] } } });
    expect(addListItem(state, 'people', 'me', { primary: true }).lists.people).toEqual({
      items: ['me', 'a', 'b'],
      primary: 'me',
    });
  });

  it('changes nothing when the item is already in the list', () => {
    const state = stateWith({ lists: { people: { items: ['a'] } } });
    expect(addListItem(state, 'people', 'a')).toBe(state);
  });

  it('never changes the state it is given', () => {
    const state = stateWith({ lists: { people: { items: ['a'] } } });
    addListItem(state, 'people', 'b', { primary: true });
    expect(state.lists).toEqual({ people: { items: ['a'] } });
  });
});

describe('removeListItem', () => {
  const state = stateWith({
    lists: { people: { items: ['me', 'ann', 'bob'], primary: 'me' } },
    itemAnswers: {
      me: { name: 'Me', relationship: { ann: 'partner', bob: 'child' } },
      ann: { name: 'Ann', 'age-answer': 40, relationship: { bob: 'child' } },
      bob: { name: 'Bob' },
    },
    completed: [
      'people',
      'relationships@me>ann',
      'relationships@ann>bob',
      'age@ann',
      'section:individual@ann',
      'x@annie',
    ],
  });

  it('removes the item with its answers, relationships to it and completed locations', () => {
    const after = removeListItem(household, state, 'people', 'ann');
    expect(after.lists.people).toEqual({ items: ['me', 'bob'], primary: 'me' });
    expect(after.itemAnswers).toEqual({
      me: { name: 'Me', relationship: { bob: 'child' } },
      bob: { name: 'Bob' },
    });
    expect(after.completed).toEqual(['people', 'x@annie']);
  });

  it('clears the primary when the primary item is removed', () => {
    const after = removeListItem(household, state, 'people', 'me');
    expect(after.lists.people).toEqual({ items: ['ann', 'bob'] });
    expect(after.itemAnswers.me).toBeUndefined();
    expect(after.completed).not.toContain('relationships@me>ann');
  });

  it('never changes the state it is given', () => {
    const before = structuredClone(state);
    removeListItem(household, state, 'people', 'ann');
    expect(state).toEqual(before);
  });
});
