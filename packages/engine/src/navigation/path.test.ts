import { describe, expect, it } from 'vitest';
import { locationKey } from '../location.ts';
import type { ResponseState } from '../state.ts';
import { answer, contentPage, questionnaire, questionPage, radio, section } from '../testing/build.ts';
import { stateWith } from '../testing/context.ts';
import { computePath } from './path.ts';
import { census, censusState, household, householdHub, routing } from './test-questionnaires.ts';

const today = '2024-06-01';
const keys = (q: Parameters<typeof computePath>[0], state: ResponseState) =>
  computePath(q, state, { today }).locations.map(locationKey);

describe('computePath', () => {
  it('walks every page of every enabled section in order and ends with the summary', () => {
    expect(keys(routing, stateWith({}))).toEqual([
      'start',
      'detail',
      'amount',
      'large',
      'interstitial',
      'extra',
      'total',
      'check',
      'section:second',
      'last',
      'summary',
    ]);
  });

  it('jumps to a later page when a routing rule holds', () => {
    const path = keys(routing, stateWith({ answers: { 'start-answer': 'short' } }));
    expect(path.slice(0, 3)).toEqual(['start', 'amount', 'large']);
  });

  it('goes on to the next page when a rule routes back to an earlier page', () => {
    const path = keys(routing, stateWith({ answers: { 'start-answer': 'short', 'amount-answer': 500 } }));
    expect(path.slice(0, 3)).toEqual(['start', 'amount', 'large']);
  });

  it('ends the section when a rule says so, and carries on with the next section', () => {
    const path = keys(routing, stateWith({ answers: { 'start-answer': 'stop' } }));
    expect(path.slice(0, 3)).toEqual(['start', 'extra', 'total']);
  });

  it('leaves every later section off the path when a rule ends the questionnaire', () => {
    expect(keys(routing, stateWith({ answers: { 'start-answer': 'end' } }))).toEqual(['start', 'summary']);
  });

  it('only ends the section when a rule ends the questionnaire in the hub flow', () => {
    const hub = questionnaire({ ...routing, flow: { type: 'hub' } });
    const path = keys(hub, stateWith({ answers: { 'start-answer': 'end' } }));
    expect(path).toEqual(['start', 'extra', 'total', 'check', 'section:second', 'last', 'hub']);
  });

  it('applies the first rule that holds, and a rule without a condition always', () => {
    const q = questionnaire({
      pages: [
        questionPage('a', [answer('n')], {
          routing: [{ when: { '>': [{ answer: 'n' }, 5] }, goTo: { page: 'd' } }, { goTo: { page: 'c' } }],
        }),
        questionPage('b', [answer('b1')]),
        questionPage('c', [answer('c1')]),
        questionPage('d', [answer('d1')]),
      ],
    });
    expect(keys(q, stateWith({ answers: { n: 9 } }))).toEqual(['a', 'd', 'summary']);
    expect(keys(q, stateWith({ answers: { n: 1 } }))).toEqual(['a', 'c', 'd', 'summary']);
  });

  it('leaves out a page whose skip condition holds without applying its routing', () => {
    const q = questionnaire({
      pages: [
        questionPage('a', [radio('skip', ['yes', 'no'])]),
        questionPage('b', [answer('b1')], {
          skipWhen: { '==': [{ answer: 'skip' }, 'yes'] },
          routing: [{ goTo: { end: 'section' } }],
        }),
        questionPage('c', [answer('c1')]),
      ],
    });
    expect(keys(q, stateWith({ answers: { skip: 'yes' } }))).toEqual(['a', 'c', 'summary']);
    expect(keys(q, stateWith({ answers: { skip: 'no' } }))).toEqual(['a', 'b', 'summary']);
  });

  it('skips a page on an answer given earlier on the path', () => {
    const path = keys(routing, stateWith({ answers: { 'amount-answer': 10 } }));
    expect(path).not.toContain('large');
  });

  it('ignores answers to pages that are off the path', () => {
    // "short" routes past the detail page, so its stale answer must not skip the interstitial.
    const path = keys(routing, stateWith({ answers: { 'start-answer': 'short', 'detail-answer': 'stale' } }));
    expect(path).toContain('interstitial');
    expect(keys(routing, stateWith({ answers: { 'detail-answer': 'given' } }))).not.toContain('interstitial');
  });

  it('ignores answers given later on the path', () => {
    const q = questionnaire({
      sections: [
        section('a', [questionPage('first', [answer('first-answer')])], {
          enabledWhen: { unanswered: { answer: 'later' } },
        }),
        section('b', [questionPage('second', [answer('later')])]),
      ],
    });
    expect(keys(q, stateWith({ answers: { later: 3 } }))).toEqual(['first', 'second', 'summary']);
  });

  it('leaves a section off the path while its enabled condition does not hold', () => {
    expect(keys(routing, stateWith({ answers: { 'start-answer': 'long' } }))).toEqual([
      'start',
      'detail',
      'amount',
      'large',
      'interstitial',
      'last',
      'summary',
    ]);
  });

  it('lets conditions read the status of earlier sections', () => {
    const q = questionnaire({
      sections: [
        section('a', [contentPage('intro')]),
        section('b', [contentPage('more')], { enabledWhen: { '==': [{ sectionStatus: 'a' }, 'completed'] } }),
      ],
    });
    expect(keys(q, stateWith({}))).toEqual(['intro', 'summary']);
    expect(keys(q, stateWith({ completed: ['intro'] }))).toEqual(['intro', 'more', 'summary']);
  });

  it('sees later sections as not started', () => {
    const q = questionnaire({
      sections: [
        section('a', [contentPage('intro')], { enabledWhen: { '==': [{ sectionStatus: 'b' }, 'notStarted'] } }),
        section('b', [contentPage('more')]),
      ],
    });
    expect(keys(q, stateWith({ completed: ['intro', 'more'] }))).toEqual(['intro', 'more', 'summary']);
  });

  it('asks a repeating section once per list item, in list order, then its summary', () => {
    const state = stateWith({
      lists: { people: { items: ['ann', 'bob'] } },
      itemAnswers: { ann: { 'age-answer': 40, 'job-answer': 'yes' }, bob: { 'age-answer': 10 } },
    });
    const path = computePath(household, state, { today });
    const individual = path.sections.filter((s) => s.section === 'individual');
    expect(individual.map((s) => [s.item, s.locations.map(locationKey)])).toEqual([
      ['ann', ['age@ann', 'job@ann', 'employer@ann', 'section:individual@ann']],
      ['bob', ['age@bob', 'section:individual@bob']],
    ]);
    expect(individual[0]?.locations[0]).toEqual({ kind: 'page', section: 'individual', page: 'age', item: 'ann' });
  });

  it("adds the collector's item page for the primary item after the primary person page", () => {
    const state = stateWith({ lists: { people: { items: ['me', 'you'], primary: 'me' } } });
    const path = computePath(household, state, { today });
    expect(path.locations.slice(0, 3)).toEqual([
      { kind: 'page', section: 'household', page: 'you-live-here' },
      { kind: 'page', section: 'household', page: 'people-item', item: 'me' },
      { kind: 'page', section: 'household', page: 'people' },
    ]);
  });

  it('asks the relationships page once per pair of items, in list order', () => {
    const state = stateWith({ lists: { people: { items: ['a', 'b', 'c'] } } });
    const path = keys(household, state);
    expect(path.filter((k) => k.startsWith('relationships'))).toEqual([
      'relationships@a>b',
      'relationships@a>c',
      'relationships@b>c',
    ]);
  });

  it('ends with the hub in the hub flow', () => {
    const path = keys(householdHub, stateWith({}));
    expect(path).toEqual(['you-live-here', 'people', 'section:household', 'hub']);
  });

  it('lists the page keys on the path', () => {
    const state = stateWith({ lists: { people: { items: ['a', 'b'], primary: 'a' } } });
    const path = computePath(household, state, { today });
    expect([...path.onPath]).toEqual(path.locations.filter((l) => l.kind === 'page').map(locationKey));
  });
});

describe('section status', () => {
  const statuses = (state: ResponseState) =>
    computePath(routing, state, { today }).sections.map((s) => `${s.section}:${s.status}`);

  it('is not started until a page is completed, in progress until all are, then completed', () => {
    expect(statuses(stateWith({}))).toEqual(['first:notStarted', 'second:notStarted', 'third:notStarted']);
    const some = stateWith({ completed: ['start', 'detail', 'last'] });
    expect(statuses(some)).toEqual(['first:inProgress', 'second:notStarted', 'third:completed']);
  });

  it('counts only the pages on the path', () => {
    const state = stateWith({ answers: { 'start-answer': 'stop' }, completed: ['start'] });
    expect(statuses(state)[0]).toBe('first:completed');
  });

  it('needs the confirming answer for a confirmation page', () => {
    const done = ['extra', 'total', 'check'];
    expect(statuses(stateWith({ completed: done, answers: { 'check-answer': 'no' } }))[1]).toBe('second:inProgress');
    expect(statuses(stateWith({ completed: done, answers: { 'check-answer': 'yes' } }))[1]).toBe('second:completed');
  });

  it('needs a final answer and enough items for a list collector', () => {
    const status = (fields: Partial<ResponseState>) =>
      computePath(household, stateWith({ completed: ['you-live-here', 'people'], ...fields }), { today }).sections[0]
        ?.status;
    const one = { people: { items: ['a'] } };
    expect(status({ lists: one })).toBe('inProgress');
    expect(status({ lists: one, answers: { 'people-answer': 'yes' } })).toBe('inProgress');
    expect(status({ answers: { 'people-answer': 'no' } })).toBe('inProgress');
    expect(status({ lists: one, answers: { 'people-answer': 'no' } })).toBe('completed');
  });
});

describe('computePath for the same state', () => {
  const state = stateWith({ answers: { 'start-answer': 'short' } });

  it('works the path out once per state object, and again for a new one', () => {
    const path = computePath(routing, state, { today });
    expect(computePath(routing, state, { today })).toBe(path);
    const copy = { ...state };
    expect(computePath(routing, copy, { today })).not.toBe(path);
    expect(computePath(routing, copy, { today })).toEqual(path);
  });

  it('works the path out again for another questionnaire or another day', () => {
    const path = computePath(routing, state, { today });
    expect(computePath(household, state, { today }).locations.map(locationKey)).toEqual([
      'you-live-here',
      'people',
      'section:household',
      'summary',
    ]);
    const later = computePath(routing, state, { today: '2024-06-02' });
    expect(later).not.toBe(path);
    expect(later).toEqual(path);
  });
});

describe('a large household', () => {
  it('asks every pair of a census household of 50 people and completes every section', () => {
    const q = census();
    const answered = censusState(50);
    const state = { ...answered, completed: [...computePath(q, answered, { today }).onPath] };
    const path = computePath(q, state, { today });
    expect(path.locations.filter((l) => l.kind === 'page' && l.to !== undefined)).toHaveLength(1225);
    expect(path.sections.every((s) => s.status === 'completed')).toBe(true);
  });
});
