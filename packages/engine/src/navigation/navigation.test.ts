import { describe, expect, it } from 'vitest';
import type { Location } from '../location.ts';
import { contentPage, questionnaire, section } from '../testing/build.ts';
import { pageAt, stateWith } from '../testing/context.ts';
import { canVisit, firstIncompleteLocation, nextLocation, previousLocation } from './navigation.ts';
import { household, householdHub, routing } from './test-questionnaires.ts';

const today = '2024-06-01';
const summary: Location = { kind: 'summary' };
const hub: Location = { kind: 'hub' };

/** A household of two, everything in the household section answered. */
const twoPeople = stateWith({
  answers: { 'you-live-here-answer': 'yes', 'people-answer': 'no' },
  lists: { people: { items: ['me', 'ann'], primary: 'me' } },
  itemAnswers: { me: { name: 'Me', relationship: { ann: 'partner' } }, ann: { name: 'Ann' } },
  completed: ['you-live-here', 'people-item@me', 'people', 'relationships@me>ann'],
});

describe('nextLocation', () => {
  it('is the next location on the path', () => {
    const state = stateWith({ answers: { 'start-answer': 'short' } });
    expect(nextLocation(routing, state, pageAt('first', 'start'), { today })).toEqual(pageAt('first', 'amount'));
    expect(nextLocation(routing, state, pageAt('second', 'check'), { today })).toEqual({
      kind: 'sectionSummary',
      section: 'second',
    });
  });

  it('stays on the summary at the end of the path', () => {
    expect(nextLocation(routing, stateWith({}), summary, { today })).toEqual(summary);
  });

  it('leads from item and remove pages back to the list collector', () => {
    const collector = pageAt('household', 'people');
    expect(nextLocation(household, twoPeople, pageAt('household', 'people-item'), { today })).toEqual(collector);
    expect(nextLocation(household, twoPeople, pageAt('household', 'people-item', 'ann'), { today })).toEqual(collector);
    expect(nextLocation(household, twoPeople, pageAt('household', 'people-remove', 'ann'), { today })).toEqual(
      collector,
    );
  });

  it("follows the path from the primary person's own item page", () => {
    const next = nextLocation(household, twoPeople, pageAt('household', 'people-item', 'me'), { today });
    expect(next).toEqual(pageAt('household', 'people'));
  });

  it('leads from a location off the path to the first incomplete location', () => {
    const state = stateWith({ answers: { 'start-answer': 'short' }, completed: ['start'] });
    expect(nextLocation(routing, state, pageAt('first', 'detail'), { today })).toEqual(pageAt('first', 'amount'));
    expect(nextLocation(routing, state, pageAt('first', 'nowhere'), { today })).toEqual(pageAt('first', 'amount'));
  });

  it('returns to the given location when everything before it is complete', () => {
    const state = stateWith({ answers: { 'start-answer': 'end' }, completed: ['start'] });
    expect(nextLocation(routing, state, pageAt('first', 'start'), { today, returnTo: summary })).toEqual(summary);
  });

  it('goes to the first incomplete location instead of returning when something is left to do', () => {
    const state = stateWith({ answers: { 'start-answer': 'short' }, completed: ['start'] });
    expect(nextLocation(routing, state, pageAt('first', 'start'), { today, returnTo: summary })).toEqual(
      pageAt('first', 'amount'),
    );
  });

  describe('in the hub flow', () => {
    it('goes to the next required section while one is incomplete', () => {
      const q = questionnaire({
        flow: { type: 'hub', requiredSections: ['b', 'c'] },
        sections: [
          section('a', [contentPage('a1')]),
          section('b', [contentPage('b1')]),
          section('c', [contentPage('c1'), contentPage('c2')]),
        ],
      });
      const state = stateWith({ completed: ['b1'] });
      expect(nextLocation(q, state, pageAt('b', 'b1'), { today })).toEqual(pageAt('c', 'c1'));
      expect(nextLocation(q, state, pageAt('c', 'c1'), { today })).toEqual(pageAt('c', 'c2'));
      const done = stateWith({ completed: ['b1', 'c1', 'c2'] });
      expect(nextLocation(q, done, pageAt('c', 'c2'), { today })).toEqual(hub);
      expect(nextLocation(q, done, pageAt('a', 'a1'), { today })).toEqual(hub);
    });

    it('goes to the hub after the last location of a section', () => {
      const next = nextLocation(householdHub, twoPeople, pageAt('household', 'relationships', 'me', 'ann'), { today });
      expect(next).toEqual({ kind: 'sectionSummary', section: 'household' });
      const after = nextLocation(householdHub, twoPeople, { kind: 'sectionSummary', section: 'household' }, { today });
      expect(after).toEqual(hub);
      const repeat = { kind: 'sectionSummary', section: 'individual', item: 'me' } as const;
      expect(nextLocation(householdHub, twoPeople, repeat, { today })).toEqual(hub);
    });
  });
});

describe('previousLocation', () => {
  it('is the previous location on the path, and nothing at the very start', () => {
    const state = stateWith({ answers: { 'start-answer': 'short' } });
    expect(previousLocation(routing, state, pageAt('first', 'amount'), { today })).toEqual(pageAt('first', 'start'));
    expect(previousLocation(routing, state, pageAt('first', 'start'), { today })).toBeUndefined();
    expect(previousLocation(routing, state, summary, { today })).toEqual(pageAt('third', 'last'));
  });

  it('leads from item and remove pages back to the list collector', () => {
    const collector = pageAt('household', 'people');
    expect(previousLocation(household, twoPeople, pageAt('household', 'people-item'), { today })).toEqual(collector);
    expect(previousLocation(household, twoPeople, pageAt('household', 'people-remove', 'ann'), { today })).toEqual(
      collector,
    );
  });

  it('leads from the first location of a section to the hub in the hub flow', () => {
    expect(previousLocation(householdHub, twoPeople, pageAt('individual', 'age', 'ann'), { today })).toEqual(hub);
    expect(previousLocation(householdHub, twoPeople, pageAt('household', 'you-live-here'), { today })).toEqual(hub);
    expect(previousLocation(householdHub, twoPeople, hub, { today })).toBeUndefined();
  });

  it('leads back to the previous required section while the hub is not open', () => {
    const q = questionnaire({
      flow: { type: 'hub', requiredSections: ['b', 'a'] },
      sections: [section('a', [contentPage('a1')]), section('b', [contentPage('b1')])],
    });
    const state = stateWith({ completed: ['b1'] });
    expect(previousLocation(q, state, pageAt('a', 'a1'), { today })).toEqual(pageAt('b', 'b1'));
    expect(previousLocation(q, state, pageAt('b', 'b1'), { today })).toBeUndefined();
  });
});

describe('firstIncompleteLocation', () => {
  it('is the first page on the path not completed', () => {
    const state = stateWith({ completed: ['start', 'amount'] });
    expect(firstIncompleteLocation(routing, state, { today })).toEqual(pageAt('first', 'detail'));
  });

  it('is the summary once everything is complete', () => {
    const state = stateWith({ answers: { 'start-answer': 'end' }, completed: ['start'] });
    expect(firstIncompleteLocation(routing, state, { today })).toEqual(summary);
  });

  it('treats a confirmation that was not confirmed as incomplete', () => {
    const completed = ['start', 'detail', 'amount', 'large', 'interstitial', 'extra', 'total', 'check', 'last'];
    const state = stateWith({ completed, answers: { 'check-answer': 'no' } });
    expect(firstIncompleteLocation(routing, state, { today })).toEqual(pageAt('second', 'check'));
  });

  it('is the first incomplete location of the required sections in the hub flow, else the hub', () => {
    expect(firstIncompleteLocation(householdHub, stateWith({}), { today })).toEqual(
      pageAt('household', 'you-live-here'),
    );
    expect(firstIncompleteLocation(householdHub, twoPeople, { today })).toEqual(hub);
  });
});

describe('canVisit', () => {
  it('allows locations up to the first incomplete one, and no further', () => {
    const state = stateWith({ completed: ['start'] });
    expect(canVisit(routing, state, pageAt('first', 'start'), { today })).toBe(true);
    expect(canVisit(routing, state, pageAt('first', 'detail'), { today })).toBe(true);
    expect(canVisit(routing, state, pageAt('first', 'amount'), { today })).toBe(false);
    expect(canVisit(routing, state, summary, { today })).toBe(false);
  });

  it('refuses locations off the path', () => {
    const state = stateWith({ answers: { 'start-answer': 'short' }, completed: ['start'] });
    expect(canVisit(routing, state, pageAt('first', 'detail'), { today })).toBe(false);
    expect(canVisit(routing, state, pageAt('first', 'unknown'), { today })).toBe(false);
    expect(canVisit(routing, state, hub, { today })).toBe(false);
  });

  it('allows the summary once everything is complete', () => {
    const state = stateWith({ answers: { 'start-answer': 'end' }, completed: ['start'] });
    expect(canVisit(routing, state, summary, { today })).toBe(true);
  });

  it('allows a section summary only when its section is completed', () => {
    const before = ['start', 'detail', 'amount', 'large', 'interstitial'];
    const sectionSummary: Location = { kind: 'sectionSummary', section: 'second' };
    const partly = stateWith({ completed: [...before, 'extra', 'total'] });
    expect(canVisit(routing, partly, sectionSummary, { today })).toBe(false);
    const done = stateWith({ completed: [...before, 'extra', 'total', 'check'], answers: { 'check-answer': 'yes' } });
    expect(canVisit(routing, done, sectionSummary, { today })).toBe(true);
  });

  it('allows the item and remove pages of existing items of a collector that can be visited', () => {
    const at = (p: string, item?: string) => canVisit(household, twoPeople, pageAt('household', p, item), { today });
    expect(at('people-item')).toBe(true);
    expect(at('people-item', 'ann')).toBe(true);
    expect(at('people-remove', 'ann')).toBe(true);
    expect(at('people-item', 'ghost')).toBe(false);
    expect(at('people-remove', 'ghost')).toBe(false);
    expect(at('people-remove')).toBe(false);
  });

  it('refuses removing the primary item, which the primary person question removes', () => {
    expect(canVisit(household, twoPeople, pageAt('household', 'people-remove', 'me'), { today })).toBe(false);
  });

  it('refuses adding an item to a full list', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const full = stateWith({ ...twoPeople, lists: { people: { items } }, completed: ['you-live-here'] });
    expect(canVisit(household, full, pageAt('household', 'people-item'), { today })).toBe(false);
    expect(canVisit(household, full, pageAt('household', 'people-item', 'a'), { today })).toBe(true);
  });

  it('refuses sub-pages while their collector cannot be visited', () => {
    expect(canVisit(household, stateWith({}), pageAt('household', 'people-item'), { today })).toBe(false);
  });

  describe('in the hub flow', () => {
    it('allows only the required sections, in order, until they are done', () => {
      expect(canVisit(householdHub, stateWith({}), pageAt('household', 'you-live-here'), { today })).toBe(true);
      expect(canVisit(householdHub, stateWith({}), hub, { today })).toBe(false);
      const partly = stateWith({ ...twoPeople, completed: ['you-live-here'] });
      expect(canVisit(householdHub, partly, pageAt('individual', 'age', 'me'), { today })).toBe(false);
    });

    it('allows any enabled section once the required sections are done, up to its first incomplete page', () => {
      expect(canVisit(householdHub, twoPeople, hub, { today })).toBe(true);
      expect(canVisit(householdHub, twoPeople, pageAt('individual', 'age', 'ann'), { today })).toBe(true);
      expect(canVisit(householdHub, twoPeople, pageAt('visitors', 'visitors'), { today })).toBe(true);
      expect(canVisit(householdHub, twoPeople, pageAt('individual', 'job', 'ann'), { today })).toBe(false);
    });
  });
});
