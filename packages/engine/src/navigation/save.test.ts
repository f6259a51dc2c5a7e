import { describe, expect, it } from 'vitest';
import { type Location, locationKey } from '../location.ts';
import type { ResponseState } from '../state.ts';
import { answer, questionnaire, questionPage, radio, section } from '../testing/build.ts';
import { pageAt, stateWith } from '../testing/context.ts';
import type { AnswerValue } from '../values.ts';
import { canVisit } from './navigation.ts';
import { isComplete } from './progress.ts';
import { savePage } from './save.ts';
import { household, routing } from './test-questionnaires.ts';

const today = '2024-06-01';

function save(
  q: Parameters<typeof savePage>[0],
  state: ResponseState,
  location: Location,
  values: Record<string, AnswerValue | undefined>,
  returnTo?: Location,
) {
  let n = 0;
  const newItemId = () => `new${++n}`;
  return savePage(q, state, location, values, { today, newItemId, ...(returnTo ? { returnTo } : {}) });
}

const withDetail = questionnaire({
  pages: [
    questionPage('colour', [
      radio('colour-answer', ['red', 'other'], {
        options: [
          { value: 'red', label: 'Red' },
          { value: 'other', label: 'Other', detailAnswer: answer('colour-other', 'text') },
        ],
      }),
      answer('shade'),
    ]),
    questionPage('after', [answer('after-answer')]),
  ],
});

describe('savePage on a question page', () => {
  it('stores the values, completes the page and goes on along the path', () => {
    const result = save(routing, stateWith({}), pageAt('first', 'start'), { 'start-answer': 'short' });
    expect(result.state.answers).toEqual({ 'start-answer': 'short' });
    expect(result.state.completed).toEqual(['start']);
    expect(result.next).toEqual(pageAt('first', 'amount'));
  });

  it('clears answers posted as undefined or not posted at all', () => {
    const state = stateWith({ answers: { 'colour-answer': 'red', shade: 3 } });
    const result = save(withDetail, state, pageAt('s', 'colour'), { 'colour-answer': undefined });
    expect(result.state.answers).toEqual({});
  });

  it('deletes the detail answer of an option no longer chosen', () => {
    const state = stateWith({ answers: { 'colour-answer': 'other', 'colour-other': 'teal' } });
    const kept = save(withDetail, state, pageAt('s', 'colour'), { 'colour-answer': 'other', 'colour-other': 'mauve' });
    expect(kept.state.answers).toEqual({ 'colour-answer': 'other', 'colour-other': 'mauve' });
    const dropped = save(withDetail, state, pageAt('s', 'colour'), { 'colour-answer': 'red', 'colour-other': 'mauve' });
    expect(dropped.state.answers).toEqual({ 'colour-answer': 'red' });
  });

  it('ignores values of answers that are not on the page', () => {
    const result = save(withDetail, stateWith({}), pageAt('s', 'colour'), {
      shade: 2,
      'after-answer': 5,
      unknown: 'x',
    });
    expect(result.state.answers).toEqual({ shade: 2 });
  });

  it("stores a repeating section's answers for its item", () => {
    const state = stateWith({ lists: { people: { items: ['ann'] } }, answers: { 'people-answer': 'no' } });
    const result = save(household, state, pageAt('individual', 'age', 'ann'), { 'age-answer': 30 });
    expect(result.state.itemAnswers).toEqual({ ann: { 'age-answer': 30 } });
    expect(result.state.answers).toEqual({ 'people-answer': 'no' });
    expect(result.state.completed).toEqual(['age@ann']);
  });

  it('makes a calculated summary adding up a changed answer be confirmed again', () => {
    const state = stateWith({ answers: { 'extra-answer': 1 }, completed: ['extra', 'total', 'last'] });
    const changed = save(routing, state, pageAt('second', 'extra'), { 'extra-answer': 2 });
    expect(changed.state.completed).toEqual(['extra', 'last']);
    const same = save(routing, state, pageAt('second', 'extra'), { 'extra-answer': 1 });
    expect(same.state.completed).toEqual(['extra', 'total', 'last']);
  });

  it("makes only the changed item's repeated calculated summary be confirmed again", () => {
    const q = questionnaire({
      sections: [
        section(
          'spend',
          [
            questionPage('food', [answer('food-answer')]),
            { id: 'spend-total', kind: 'calculatedSummary', title: 'Total', answers: ['food-answer'] },
          ],
          { repeat: { list: 'people', title: 'Person' } },
        ),
      ],
    });
    const state = stateWith({
      lists: { people: { items: ['ann', 'bob'] } },
      itemAnswers: { ann: { 'food-answer': 1 }, bob: { 'food-answer': 1 } },
      completed: ['food@ann', 'spend-total@ann', 'food@bob', 'spend-total@bob'],
    });
    const result = save(q, state, pageAt('spend', 'food', 'ann'), { 'food-answer': 5 });
    expect(result.state.completed).toEqual(['food@ann', 'food@bob', 'spend-total@bob']);
    expect(result.next).toEqual(pageAt('spend', 'spend-total', 'ann'));
  });

  it('returns to the given location when everything before it is complete', () => {
    const state = stateWith({ answers: { 'start-answer': 'end' }, completed: ['start'] });
    const result = save(routing, state, pageAt('first', 'start'), { 'start-answer': 'end' }, { kind: 'summary' });
    expect(result.next).toEqual({ kind: 'summary' });
  });

  it('gives back the very state it is given when a page is saved again unchanged', () => {
    const state = stateWith({ answers: { 'start-answer': 'short' }, completed: ['start'] });
    const result = save(routing, state, pageAt('first', 'start'), { 'start-answer': 'short' });
    expect(result.state).toBe(state);
    expect(result.next).toEqual(pageAt('first', 'amount'));
  });

  it('never changes the state it is given', () => {
    const state = stateWith({ answers: { 'colour-answer': 'other', 'colour-other': 'teal' }, completed: ['x'] });
    const before = structuredClone(state);
    save(withDetail, state, pageAt('s', 'colour'), { 'colour-answer': 'red' });
    expect(state).toEqual(before);
  });
});

describe('savePage on other pages', () => {
  it('completes content and calculated summary pages', () => {
    const state = stateWith({ answers: { 'start-answer': 'stop' }, completed: ['start', 'extra'] });
    const result = save(routing, state, pageAt('second', 'total'), {});
    expect(result.state.completed).toEqual(['start', 'extra', 'total']);
    expect(result.next).toEqual(pageAt('second', 'check'));
  });

  it('stores a confirmation and goes on when confirmed', () => {
    const result = save(routing, stateWith({}), pageAt('second', 'check'), { 'check-answer': 'yes' });
    expect(result.state.answers).toEqual({ 'check-answer': 'yes' });
    expect(result.state.completed).toEqual(['check']);
    expect(result.next).toEqual({ kind: 'sectionSummary', section: 'second' });
  });

  it('withdraws a confirmation that is not confirmed and goes back to the page to correct', () => {
    const state = stateWith({ answers: { 'check-answer': 'yes' }, completed: ['check'] });
    const result = save(routing, state, pageAt('second', 'check'), { 'check-answer': 'no' });
    expect(result.state.answers).toEqual({});
    expect(result.state.completed).toEqual([]);
    expect(result.next).toEqual(pageAt('second', 'extra'));
  });

  it('stores a relationship for the pair and completes it', () => {
    const state = stateWith({
      lists: { people: { items: ['a', 'b', 'c'] } },
      itemAnswers: { a: { name: 'A', relationship: { c: 'child' } } },
    });
    const result = save(household, state, pageAt('household', 'relationships', 'a', 'b'), { relationship: 'partner' });
    expect(result.state.itemAnswers.a).toEqual({ name: 'A', relationship: { c: 'child', b: 'partner' } });
    expect(result.state.completed).toEqual(['relationships@a>b']);
    expect(result.next).toEqual(pageAt('household', 'relationships', 'a', 'c'));
  });

  it('changes nothing for a location that does not exist and leads to the first incomplete location', () => {
    const state = stateWith({ completed: ['start'] });
    for (const location of [
      pageAt('first', 'nowhere'),
      pageAt('household', 'relationships', 'a', 'b'),
      pageAt('second', 'check', 'ghost'),
    ]) {
      const result = save(routing, state, location, { 'check-answer': 'yes' });
      expect(result.state).toBe(state);
      expect(result.next).toEqual(pageAt('first', 'detail'));
    }
  });
});

describe('savePage on list pages', () => {
  const collector = pageAt('household', 'people');
  const base = stateWith({
    answers: { 'you-live-here-answer': 'no' },
    lists: { people: { items: ['ann'] } },
    itemAnswers: { ann: { name: 'Ann' } },
    completed: ['you-live-here'],
  });

  it('goes to the item page to add an item, without storing the driving answer', () => {
    const state = {
      ...base,
      answers: { ...base.answers, 'people-answer': 'no' },
      completed: ['you-live-here', 'people'],
    };
    const result = save(household, state, collector, { 'people-answer': 'yes' });
    expect(result.state.answers).toEqual({ 'you-live-here-answer': 'no' });
    expect(result.state.completed).toEqual(['you-live-here']);
    expect(result.next).toEqual(pageAt('household', 'people-item'));
  });

  it('stores any other answer of the driving question and goes on', () => {
    const result = save(household, base, collector, { 'people-answer': 'no' });
    expect(result.state.answers['people-answer']).toBe('no');
    expect(result.state.completed).toEqual(['you-live-here', 'people']);
    expect(result.next).toEqual({ kind: 'sectionSummary', section: 'household' });
  });

  it('stays on the collector when the list is full', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const full = { ...base, lists: { people: { items } } };
    const result = save(household, full, collector, { 'people-answer': 'yes' });
    expect(result.next).toEqual(collector);
    const added = save(household, full, pageAt('household', 'people-item'), { name: 'Seventh' });
    expect(added.state).toBe(full);
    expect(added.next).toEqual(collector);
  });

  it('adds an item from the item page and goes back to the collector, which must be answered again', () => {
    const state = { ...base, completed: ['you-live-here', 'people'] };
    const result = save(household, state, pageAt('household', 'people-item'), { name: 'Bob' });
    expect(result.state.lists.people).toEqual({ items: ['ann', 'new1'] });
    expect(result.state.itemAnswers.new1).toEqual({ name: 'Bob' });
    expect(result.state.completed).toEqual(['you-live-here']);
    expect(result.next).toEqual(collector);
  });

  it('changes an item from the item page and goes back to the collector', () => {
    const state = { ...base, completed: ['you-live-here', 'people'], answers: { 'people-answer': 'no' } };
    const result = save(household, state, pageAt('household', 'people-item', 'ann'), { name: 'Anne' });
    expect(result.state.itemAnswers.ann).toEqual({ name: 'Anne' });
    expect(result.state.completed).toEqual(['you-live-here', 'people']);
    expect(result.next).toEqual(collector);
  });

  it('removes an item when the removal is confirmed, never storing the remove answer', () => {
    const state = { ...base, completed: ['you-live-here', 'people'] };
    const removed = save(household, state, pageAt('household', 'people-remove', 'ann'), {
      'people-remove-answer': 'yes',
    });
    expect(removed.state.lists.people).toEqual({ items: [] });
    expect(removed.state.itemAnswers).toEqual({});
    expect(removed.state.completed).toEqual(['you-live-here']);
    expect(removed.next).toEqual(collector);
    const kept = save(household, state, pageAt('household', 'people-remove', 'ann'), { 'people-remove-answer': 'no' });
    expect(kept.state).toBe(state);
    expect(kept.next).toEqual(collector);
  });

  it('adds the respondent as the primary item and asks for their details next', () => {
    const result = save(household, stateWith({}), pageAt('household', 'you-live-here'), {
      'you-live-here-answer': 'yes',
    });
    expect(result.state.lists.people).toEqual({ items: ['new1'], primary: 'new1' });
    expect(result.state.answers).toEqual({ 'you-live-here-answer': 'yes' });
    expect(result.state.completed).toEqual(['you-live-here']);
    expect(result.next).toEqual(pageAt('household', 'people-item', 'new1'));
  });

  it("completes the primary item's details as a page of the path", () => {
    const state = stateWith({
      answers: { 'you-live-here-answer': 'yes' },
      lists: { people: { items: ['me'], primary: 'me' } },
      completed: ['you-live-here'],
    });
    const result = save(household, state, pageAt('household', 'people-item', 'me'), { name: 'Me' });
    expect(result.state.itemAnswers.me).toEqual({ name: 'Me' });
    expect(result.state.completed).toEqual(['you-live-here', 'people-item@me']);
    expect(result.next).toEqual(collector);
  });

  it('removes the primary item when the respondent does not live here', () => {
    const state = stateWith({
      answers: { 'you-live-here-answer': 'yes' },
      lists: { people: { items: ['me', 'ann'], primary: 'me' } },
      itemAnswers: { me: { name: 'Me' }, ann: { name: 'Ann' } },
      completed: ['you-live-here', 'people-item@me'],
    });
    const result = save(household, state, pageAt('household', 'you-live-here'), { 'you-live-here-answer': 'no' });
    expect(result.state.lists.people).toEqual({ items: ['ann'] });
    expect(result.state.itemAnswers).toEqual({ ann: { name: 'Ann' } });
    expect(result.state.completed).toEqual(['you-live-here']);
    expect(result.next).toEqual(collector);
  });
});

describe('a whole journey', () => {
  it('completes a household where every next location can be visited', () => {
    const answers: Record<string, Record<string, AnswerValue>> = {
      'you-live-here': { 'you-live-here-answer': 'yes' },
      'people-item': { name: 'Someone' },
      relationships: { relationship: 'partner' },
      age: { 'age-answer': 30 },
      job: { 'job-answer': 'yes' },
      employer: { 'employer-answer': 'ONS' },
      visitors: { 'visitors-answer': 0 },
    };
    let n = 0;
    const options = { today, newItemId: () => `person${++n}` };
    let state = stateWith({});
    let here: Location = pageAt('household', 'you-live-here');
    const visited: string[] = [];
    let added = false;
    for (let step = 0; step < 40 && here.kind !== 'summary'; step++) {
      expect(canVisit(household, state, here, { today })).toBe(true);
      visited.push(locationKey(here));
      const id = here.kind === 'page' ? here.page : '';
      // Add one more person once, then say nobody else lives here.
      const values = id === 'people' ? { 'people-answer': added ? 'no' : 'yes' } : (answers[id] ?? {});
      if (id === 'people') added = true;
      ({ state, next: here } = savePage(household, state, here, values, options));
    }
    expect(here).toEqual({ kind: 'summary' });
    expect(isComplete(household, state, { today })).toBe(true);
    expect(visited).toEqual([
      'you-live-here',
      'people-item@person1',
      'people',
      'people-item',
      'people',
      'relationships@person1>person2',
      'section:household',
      'age@person1',
      'job@person1',
      'employer@person1',
      'section:individual@person1',
      'age@person2',
      'job@person2',
      'employer@person2',
      'section:individual@person2',
      'visitors',
    ]);
  });
});
