import type { Expression } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import { answerValue, calculatedTotal, type EvalContext, evaluate, holds } from './evaluate.ts';
import { pageKey } from './location.ts';
import { emptyState, type ResponseState } from './state.ts';
import {
  answer,
  listCollector,
  options,
  primaryPerson,
  question,
  questionnaire,
  questionPage,
  radio,
  relationshipsPage,
  section,
} from './testing/build.ts';
import { evalContext, stateWith } from './testing/context.ts';

const q = questionnaire({
  metadata: [
    { name: 'ru_name', type: 'string' },
    { name: 'employees', type: 'number' },
    { name: 'is_test', type: 'boolean' },
    { name: 'period_start', type: 'date' },
  ],
  sections: [
    section('household', [
      primaryPerson('you-live-here', 'people'),
      listCollector(
        'people',
        'people',
        { itemLabel: { concat: [{ answer: 'first-name' }, { answer: 'last-name' }] } },
        [answer('first-name', 'text'), answer('last-name', 'text')],
      ),
      relationshipsPage('relationships', 'people', {
        question: question('relationship-q', [radio('relationship', ['partner', 'child', 'parent'])]),
      }),
    ]),
    section('about', [
      questionPage('name-page', [answer('name', 'text')]),
      questionPage('dob-page', [answer('dob', 'date')]),
      questionPage('moved-page', [answer('moved', 'monthYear')]),
      questionPage('built-page', [answer('built', 'year')]),
      questionPage('lived-page', [answer('lived', 'duration')]),
      questionPage('sports-page', [
        answer('sports', 'checkbox', {
          options: [
            ...options('football', 'tennis', 'golf'),
            { value: 'other', label: 'Other', detailAnswer: answer('other-sport', 'text') },
          ],
        }),
      ]),
      questionPage('income-page', [answer('wages', 'currency'), answer('bonus', 'currency')]),
      { id: 'total', kind: 'calculatedSummary', title: 'Total', answers: ['wages', 'bonus'] },
    ]),
    section(
      'individual',
      [
        questionPage('person-age-page', [answer('person-age', 'number')]),
        questionPage('hobbies-page', [answer('hobbies', 'checkbox', { options: options('chess', 'golf') })]),
      ],
      { repeat: { list: 'people', title: 'Person' } },
    ),
    section('visitors', [
      listCollector('visitor-list', 'visitors', { itemLabel: { answer: 'visitor-name' } }, [
        answer('visitor-name', 'text'),
      ]),
    ]),
  ],
});
function household(): ResponseState {
  return stateWith({
    lists: { people: { items: ['p1', 'p2', 'p3'], primary: 'p1' }, visitors: { items: ['v1'] } },
    itemAnswers: {
      p1: {
        'first-name': 'Ann',
        'last-name': 'Ash',
        'person-age': 40,
        hobbies: ['chess'],
        relationship: { p2: 'partner', p3: 'parent' },
      },
      p2: {
        'first-name': 'Bob',
        'last-name': 'Birch',
        'person-age': 41,
        hobbies: ['chess', 'golf'],
        relationship: { p1: 'partner', p3: 'parent' },
      },
      p3: { 'first-name': 'Cy', 'person-age': 9, relationship: { p1: 'child' } },
      v1: { 'visitor-name': 'Val' },
    },
  });
}

const context = (over: Partial<EvalContext> = {}) => evalContext(q, {}, { today: '2024-02-29', ...over });

const withAnswers = (answers: Record<string, unknown>, over: Partial<EvalContext> = {}) =>
  context({ state: stateWith({ answers }), ...over });

/** Evaluates an expression that need not be well formed, as hostile input would be. */
const run = (expr: unknown, ctx: EvalContext = context()) => evaluate(expr as Expression, ctx);

describe('literals', () => {
  it('evaluates literals and arrays of literals to themselves', () => {
    expect(run('a')).toBe('a');
    expect(run(3)).toBe(3);
    expect(run(false)).toBe(false);
    expect(run(null)).toBe(null);
    expect(run(['a', 1, null])).toEqual(['a', 1, null]);
  });
});

describe('answer', () => {
  it('reads an answer outside any list', () => {
    expect(run({ answer: 'name' }, withAnswers({ name: 'Ann' }))).toBe('Ann');
  });

  it('reads an unanswered, unknown or wrongly typed answer as undefined', () => {
    expect(run({ answer: 'name' })).toBeUndefined();
    expect(run({ answer: 'no-such-answer' }, withAnswers({ 'no-such-answer': 'x' }))).toBeUndefined();
    expect(run({ answer: 'name' }, withAnswers({ name: 42 }))).toBeUndefined();
    expect(run({ answer: 'wages' }, withAnswers({ wages: '12' }))).toBeUndefined();
    expect(run({ answer: 'sports' }, withAnswers({ sports: ['cricket'] }))).toBeUndefined();
    expect(run({ answer: 'sports' }, withAnswers({ sports: [{ value: 'golf' }] }))).toBeUndefined();
    expect(run({ answer: 'dob' }, withAnswers({ dob: '2024-02-30' }))).toBeUndefined();
  });

  it("reads the current item's answer inside a list item", () => {
    expect(run({ answer: 'first-name' }, context({ state: household(), item: 'p2' }))).toBe('Bob');
    expect(run({ answer: 'person-age' }, context({ state: household(), item: 'p3' }))).toBe(9);
  });

  it('reads a list answer as undefined outside an item or for an item not in the list', () => {
    const state = household();
    expect(run({ answer: 'first-name' }, context({ state }))).toBeUndefined();
    expect(run({ answer: 'first-name' }, context({ state, item: 'p9' }))).toBeUndefined();
    expect(run({ answer: 'first-name' }, context({ state, item: 'v1' }))).toBeUndefined();
  });

  it("reads the other item's answer with item 'to' and the primary item's with item 'primary'", () => {
    const ctx = context({ state: household(), item: 'p3', to: 'p2' });
    expect(run({ answer: 'first-name', item: 'to' }, ctx)).toBe('Bob');
    expect(run({ answer: 'first-name', item: 'primary' }, ctx)).toBe('Ann');
    expect(run({ answer: 'first-name', item: 'primary' }, context({ state: household() }))).toBe('Ann');
  });

  it("reads every item's values with item 'all', flattening checkbox answers and leaving out missing ones", () => {
    const ctx = context({ state: household() });
    expect(run({ answer: 'person-age', item: 'all' }, ctx)).toEqual([40, 41, 9]);
    expect(run({ answer: 'last-name', item: 'all' }, ctx)).toEqual(['Ash', 'Birch']);
    expect(run({ answer: 'hobbies', item: 'all' }, ctx)).toEqual(['chess', 'chess', 'golf']);
    expect(run({ answer: 'person-age', item: 'all' }, context())).toEqual([]);
  });

  it('reads a relationship from the current item to the other item of the pair', () => {
    const state = household();
    expect(run({ answer: 'relationship' }, context({ state, item: 'p1', to: 'p2' }))).toBe('partner');
    expect(run({ answer: 'relationship' }, context({ state, item: 'p3', to: 'p1' }))).toBe('child');
    expect(run({ answer: 'relationship' }, context({ state, item: 'p3', to: 'p2' }))).toBeUndefined();
    expect(run({ answer: 'relationship' }, context({ state, item: 'p1' }))).toBeUndefined();
  });

  it("reads the reverse relationship with item 'to' and the primary item's with item 'primary'", () => {
    const state = household();
    expect(run({ answer: 'relationship', item: 'to' }, context({ state, item: 'p1', to: 'p3' }))).toBe('child');
    expect(run({ answer: 'relationship', item: 'primary' }, context({ state, item: 'p2', to: 'p3' }))).toBe('parent');
    expect(run({ answer: 'relationship', item: 'primary' }, context({ state, item: 'p2' }))).toBe('partner');
  });

  it("reads every relationship of the list with item 'all'", () => {
    const values = run({ answer: 'relationship', item: 'all' }, context({ state: household() }));
    expect(values).toEqual(['partner', 'parent', 'partner', 'parent', 'child']);
  });

  it('ignores a relationship towards an item that has left the list', () => {
    const state = household();
    state.lists.people = { items: ['p1', 'p2'], primary: 'p1' };
    expect(run({ answer: 'relationship' }, context({ state, item: 'p1', to: 'p3' }))).toBeUndefined();
    expect(run({ answer: 'relationship', item: 'all' }, context({ state }))).toEqual(['partner', 'partner']);
  });

  it('reads a detail answer only while its option is chosen', () => {
    expect(run({ answer: 'other-sport' }, withAnswers({ sports: ['other'], 'other-sport': 'Polo' }))).toBe('Polo');
    expect(run({ answer: 'other-sport' }, withAnswers({ sports: ['golf'], 'other-sport': 'Polo' }))).toBeUndefined();
  });
});

describe('onPath', () => {
  it('reads an answer whose page is not on the path as unanswered', () => {
    const answers = { name: 'Ann' };
    expect(run({ answer: 'name' }, withAnswers(answers, { onPath: new Set(['name-page']) }))).toBe('Ann');
    expect(run({ answer: 'name' }, withAnswers(answers, { onPath: new Set(['dob-page']) }))).toBeUndefined();
    expect(run({ answered: { answer: 'name' } }, withAnswers(answers, { onPath: new Set() }))).toBe(false);
  });

  it('checks repeating section answers and relationships at their item and pair', () => {
    const state = household();
    const onPath = new Set([pageKey('person-age-page', 'p1'), pageKey('relationships', 'p1', 'p2')]);
    expect(run({ answer: 'person-age' }, context({ state, onPath, item: 'p1' }))).toBe(40);
    expect(run({ answer: 'person-age' }, context({ state, onPath, item: 'p2' }))).toBeUndefined();
    expect(run({ answer: 'person-age', item: 'all' }, context({ state, onPath }))).toEqual([40]);
    expect(run({ answer: 'relationship' }, context({ state, onPath, item: 'p1', to: 'p2' }))).toBe('partner');
    expect(run({ answer: 'relationship' }, context({ state, onPath, item: 'p1', to: 'p3' }))).toBeUndefined();
  });

  it("counts a list item page's answers while the item exists, as item pages are not path locations", () => {
    const ctx = context({ state: household(), onPath: new Set(), item: 'p1' });
    expect(run({ answer: 'first-name' }, ctx)).toBe('Ann');
  });
});

describe('metadata', () => {
  const meta = (metadata: Record<string, unknown>) => context({ state: emptyState(metadata) });

  it('reads each metadata type', () => {
    const ctx = meta({ ru_name: 'Acme', employees: 12, is_test: true, period_start: '2024-01-31' });
    expect(run({ metadata: 'ru_name' }, ctx)).toBe('Acme');
    expect(run({ metadata: 'employees' }, ctx)).toBe(12);
    expect(run({ metadata: 'is_test' }, ctx)).toBe(true);
    expect(run({ metadata: 'period_start' }, ctx)).toBe('2024-01-31');
  });

  it('ignores wrongly typed, undeclared and missing metadata', () => {
    const ctx = meta({ ru_name: 5, employees: '12', is_test: 'true', period_start: '2024-13-01', other: 'x' });
    for (const name of ['ru_name', 'employees', 'is_test', 'period_start', 'other', 'missing']) {
      expect(run({ metadata: name }, ctx)).toBeUndefined();
    }
    expect(run({ metadata: 'employees' }, meta({ employees: Number.NaN }))).toBeUndefined();
  });
});

describe('lists and items', () => {
  it('counts the items of a list, 0 for an unknown one', () => {
    const ctx = context({ state: household() });
    expect(run({ listCount: 'people' }, ctx)).toBe(3);
    expect(run({ listCount: 'pets' }, ctx)).toBe(0);
    expect(run({ listCount: 'constructor' }, ctx)).toBe(0);
  });

  it('labels the current, other and primary items with their collector label', () => {
    const ctx = context({ state: household(), item: 'p2', to: 'p3' });
    expect(run({ itemLabel: 'current' }, ctx)).toBe('Bob Birch');
    expect(run({ itemLabel: 'to' }, ctx)).toBe('Cy');
    expect(run({ itemLabel: 'primary' }, ctx)).toBe('Ann Ash');
  });

  it('labels the primary item outside any item, and from an item of a list that has no primary', () => {
    expect(run({ itemLabel: 'primary' }, context({ state: household() }))).toBe('Ann Ash');
    expect(run({ itemLabel: 'primary' }, context({ state: household(), item: 'v1' }))).toBe('Ann Ash');
    expect(run({ itemLabel: 'current' }, context({ state: household(), item: 'v1' }))).toBe('Val');
  });

  it('gives no label without an item or primary', () => {
    expect(run({ itemLabel: 'current' }, context({ state: household() }))).toBeUndefined();
    expect(run({ itemLabel: 'to' }, context({ state: household(), item: 'p1' }))).toBeUndefined();
    expect(run({ itemLabel: 'primary' })).toBeUndefined();
  });

  it("uses the context's list when an item id is in two lists", () => {
    const state = household();
    state.lists.visitors = { items: ['v1', 'p2'] };
    state.itemAnswers.p2 = { ...state.itemAnswers.p2, 'visitor-name': 'Bobby' };
    expect(run({ itemLabel: 'current' }, context({ state, item: 'p2' }))).toBe('Bob Birch');
    expect(run({ itemLabel: 'current' }, context({ state, item: 'p2', list: 'visitors' }))).toBe('Bobby');
    expect(run({ isPrimary: 'current' }, context({ state, item: 'p2', list: 'visitors' }))).toBe(false);
  });

  it('labels every item of a list', () => {
    expect(run({ itemLabels: 'people' }, context({ state: household() }))).toEqual(['Ann Ash', 'Bob Birch', 'Cy']);
    expect(run({ itemLabels: 'pets' }, context({ state: household() }))).toEqual([]);
  });

  it('tells whether the current or other item is the primary item', () => {
    const ctx = context({ state: household(), item: 'p2', to: 'p1' });
    expect(run({ isPrimary: 'current' }, ctx)).toBe(false);
    expect(run({ isPrimary: 'to' }, ctx)).toBe(true);
    expect(run({ isPrimary: 'current' }, context({ state: household() }))).toBe(false);
  });
});

describe('calculated', () => {
  it("adds up a calculated summary page's answers, unanswered as 0", () => {
    expect(run({ calculated: 'total' }, withAnswers({ wages: 100.5, bonus: 20 }))).toBe(120.5);
    expect(run({ calculated: 'total' }, withAnswers({ wages: 100 }))).toBe(100);
    expect(run({ calculated: 'total' })).toBe(0);
    expect(calculatedTotal('total', withAnswers({ bonus: 7 }))).toBe(7);
  });

  it('rounds away floating-point noise, so 0.1 + 0.7 is 0.8', () => {
    expect(run({ calculated: 'total' }, withAnswers({ wages: 0.1, bonus: 0.7 }))).toBe(0.8);
    expect(run({ sum: [0.1, 0.2] })).toBe(0.3);
  });

  it('leaves out answers off the path and is undefined for a page that is not a calculated summary', () => {
    const ctx = withAnswers({ wages: 100, bonus: 20 }, { onPath: new Set(['income-page']) });
    expect(run({ calculated: 'total' }, ctx)).toBe(120);
    expect(run({ calculated: 'total' }, { ...ctx, onPath: new Set() })).toBe(0);
    expect(run({ calculated: 'name-page' }, ctx)).toBeUndefined();
    expect(run({ calculated: 'nowhere' }, ctx)).toBeUndefined();
  });
});

describe('sectionStatus', () => {
  it('asks the context for the status, with the item when the section repeats over its list', () => {
    const calls: unknown[][] = [];
    const ctx = context({
      state: household(),
      item: 'p2',
      sectionStatus: (id, item) => {
        calls.push([id, item]);
        return id === 'about' ? 'completed' : 'inProgress';
      },
    });
    expect(run({ '==': [{ sectionStatus: 'about' }, 'completed'] }, ctx)).toBe(true);
    expect(run({ sectionStatus: 'individual' }, ctx)).toBe('inProgress');
    expect(calls).toEqual([
      ['about', undefined],
      ['individual', 'p2'],
    ]);
  });

  it('reads as not started without a status callback', () => {
    expect(run({ sectionStatus: 'about' })).toBe('notStarted');
  });
});

describe('date', () => {
  it('gives today, and today offset by years, months and days', () => {
    expect(run({ date: 'today' })).toBe('2024-02-29');
    expect(run({ date: 'today', offset: { years: -16 } })).toBe('2008-02-29');
    expect(run({ date: 'today', offset: { years: 1 } })).toBe('2025-02-28');
    expect(run({ date: 'today', offset: { months: -1, days: 1 } })).toBe('2024-01-30');
    expect(run({ date: 'today', offset: { days: 1 } })).toBe('2024-03-01');
  });

  it('clamps to the end of the month', () => {
    expect(run({ date: '2023-01-31', offset: { months: 1 } })).toBe('2023-02-28');
    expect(run({ date: '2024-01-31', offset: { months: 1 } })).toBe('2024-02-29');
    expect(run({ date: '2024-03-31', offset: { months: -1 } })).toBe('2024-02-29');
  });

  it('takes a date from an answer or metadata, and a month-year or year as its first day', () => {
    const ctx = context({
      state: stateWith({
        metadata: { period_start: '2024-04-01' },
        answers: { dob: '2000-06-15', moved: '2019-11', built: 1990 },
      }),
    });
    expect(run({ date: { answer: 'dob' }, offset: { years: 18 } }, ctx)).toBe('2018-06-15');
    expect(run({ date: { metadata: 'period_start' }, offset: { days: -1 } }, ctx)).toBe('2024-03-31');
    expect(run({ date: { answer: 'moved' } }, ctx)).toBe('2019-11-01');
    expect(run({ date: { answer: 'built' } }, ctx)).toBe('1990-01-01');
  });

  it('is undefined for a missing or invalid date', () => {
    expect(run({ date: { answer: 'dob' } })).toBeUndefined();
    expect(run({ date: 'yesterday' })).toBeUndefined();
    expect(run({ date: '2023-02-29' })).toBeUndefined();
  });
});

describe('first', () => {
  const dates = (answers: Record<string, unknown>) =>
    context({ state: stateWith({ metadata: { period_start: '2024-04-01' }, answers }) });
  const ownElseLaunch = { first: [{ answer: 'dob' }, { metadata: 'period_start' }] };

  it("gives the respondent's own answer when there is one, else the metadata", () => {
    expect(run(ownElseLaunch, dates({ dob: '2024-05-01' }))).toBe('2024-05-01');
    expect(run(ownElseLaunch, dates({}))).toBe('2024-04-01');
    expect(run({ date: ownElseLaunch, offset: { days: -1 } }, dates({}))).toBe('2024-03-31');
  });

  it('passes over null, empty text, empty lists and unanswered checkboxes, but not 0 or false', () => {
    expect(run({ first: [null, '', [], { answer: 'sports' }, 'x'] })).toBe('x');
    expect(run({ first: [{ answer: 'sports' }, ['a']] }, withAnswers({ sports: ['golf'] }))).toEqual(['golf']);
    expect(run({ first: [{ answer: 'wages' }, 0, 5] })).toBe(0);
    expect(run({ first: [false, true] })).toBe(false);
  });

  it('is undefined when no operand is answered', () => {
    expect(run({ first: [{ answer: 'name' }, { metadata: 'ru_name' }, null] })).toBeUndefined();
    expect(run({ '==': [{ first: [{ answer: 'name' }] }, null] })).toBe(true);
  });

  it('stops at the first answered operand, without looking at the rest', () => {
    expect(run({ first: ['a', { nope: 1 }] })).toBe('a');
    expect(run({ first: [null, { nope: 1 }] })).toBeUndefined();
  });
});

describe('age', () => {
  it('gives whole years up to today', () => {
    expect(run({ age: '1990-02-28' })).toBe(34);
    expect(run({ age: '1990-03-01' })).toBe(33);
    expect(run({ age: { answer: 'dob' } }, withAnswers({ dob: '2008-02-29' }))).toBe(16);
    expect(run({ age: '2008-02-29' }, context({ today: '2025-02-28' }))).toBe(16);
    expect(run({ age: '2008-02-29' }, context({ today: '2025-03-01' }))).toBe(17);
  });

  it('is undefined without a date of birth', () => {
    expect(run({ age: { answer: 'dob' } })).toBeUndefined();
    expect(run({ age: 'x' })).toBeUndefined();
  });
});

describe('count, sum and concat', () => {
  it('counts checkbox selections and arrays, a single value as 1 and a missing one as 0', () => {
    expect(run({ count: { answer: 'sports' } }, withAnswers({ sports: ['golf', 'tennis'] }))).toBe(2);
    expect(run({ count: { answer: 'sports' } })).toBe(0);
    expect(run({ count: ['a', 'b', 'c'] })).toBe(3);
    expect(run({ count: { answer: 'name' } }, withAnswers({ name: 'Ann' }))).toBe(1);
    expect(run({ count: { answer: 'person-age', item: 'all' } }, context({ state: household() }))).toBe(3);
  });

  it('adds numbers, ignoring missing and non-numeric values', () => {
    expect(run({ sum: [1, 2.5, { answer: 'wages' }] }, withAnswers({ wages: 10 }))).toBe(13.5);
    expect(run({ sum: [{ answer: 'wages' }, 'x', null] })).toBe(0);
    expect(run({ sum: [{ answer: 'person-age', item: 'all' }] }, context({ state: household() }))).toBe(90);
  });

  it('joins text with a separator, skipping empty parts', () => {
    expect(run({ concat: ['a', { answer: 'name' }, 'b'] })).toBe('a b');
    expect(run({ concat: ['a', '', 'b', 3], separator: ', ' })).toBe('a, b, 3');
    expect(
      run({ concat: [{ answer: 'first-name', item: 'all' }], separator: '/' }, context({ state: household() })),
    ).toBe('Ann/Bob/Cy');
    expect(run({ concat: [{ answer: 'name' }] })).toBe('');
  });
});

describe('and, or, not', () => {
  it('combines conditions, counting anything but true as false', () => {
    expect(run({ and: [true, true] })).toBe(true);
    expect(run({ and: [true, 'yes'] })).toBe(false);
    expect(run({ or: [false, true] })).toBe(true);
    expect(run({ or: [false, { answer: 'name' }] })).toBe(false);
    expect(run({ not: true })).toBe(false);
    expect(run({ not: false })).toBe(true);
    expect(run({ not: { '==': [{ answer: 'name' }, 'Ann'] } })).toBe(true);
  });
});

describe('answered and unanswered', () => {
  it('tells whether an answer has a valid value', () => {
    expect(run({ answered: { answer: 'name' } }, withAnswers({ name: 'Ann' }))).toBe(true);
    expect(run({ unanswered: { answer: 'name' } }, withAnswers({ name: 'Ann' }))).toBe(false);
    expect(run({ answered: { answer: 'name' } }, withAnswers({ name: 7 }))).toBe(false);
    expect(run({ unanswered: { answer: 'sports' } }, withAnswers({ sports: [] }))).toBe(true);
  });

  it('takes the item of a list answer into account', () => {
    const state = household();
    expect(run({ answered: { answer: 'last-name' } }, context({ state, item: 'p3' }))).toBe(false);
    expect(run({ answered: { answer: 'last-name', item: 'all' } }, context({ state, item: 'p3' }))).toBe(true);
    expect(run({ unanswered: { answer: 'hobbies', item: 'all' } }, context({ state }))).toBe(false);
  });
});

describe('== and !=', () => {
  it('compares values of the same type', () => {
    expect(run({ '==': ['a', 'a'] })).toBe(true);
    expect(run({ '==': [2, 2] })).toBe(true);
    expect(run({ '==': [2, '2'] })).toBe(false);
    expect(run({ '!=': ['a', 'b'] })).toBe(true);
    expect(run({ '==': [true, true] })).toBe(true);
  });

  it('is false when comparing with a missing value, so != is true', () => {
    expect(run({ '==': [{ answer: 'name' }, 'Ann'] })).toBe(false);
    expect(run({ '!=': [{ answer: 'name' }, 'Ann'] })).toBe(true);
    expect(run({ '==': [{ answer: 'name' }, { answer: 'dob' }] })).toBe(false);
    expect(run({ '!=': [{ answer: 'name' }, { answer: 'dob' }] })).toBe(true);
  });

  it('tests for unanswered with null', () => {
    expect(run({ '==': [{ answer: 'name' }, null] })).toBe(true);
    expect(run({ '==': [null, { answer: 'sports' }] })).toBe(true);
    expect(run({ '==': [{ answer: 'name' }, null] }, withAnswers({ name: 'Ann' }))).toBe(false);
    expect(run({ '!=': [{ answer: 'name' }, null] }, withAnswers({ name: 'Ann' }))).toBe(true);
    expect(run({ '==': [{ answer: 'hobbies', item: 'all' }, null] })).toBe(true);
  });

  it('compares checkbox selections as sets', () => {
    const ctx = withAnswers({ sports: ['tennis', 'golf'] });
    expect(run({ '==': [{ answer: 'sports' }, ['golf', 'tennis']] }, ctx)).toBe(true);
    expect(run({ '==': [{ answer: 'sports' }, ['golf']] }, ctx)).toBe(false);
    expect(
      run({
        '==': [
          ['golf', 'golf'],
          ['golf', 'tennis'],
        ],
      }),
    ).toBe(false);
  });

  it('compares dates by day, a month-year being its first day, and durations by total months', () => {
    expect(run({ '==': [{ date: '2024-03' }, '2024-03-01'] })).toBe(true);
    expect(run({ '==': ['2024-03', '2024-03-01'] })).toBe(true);
    expect(run({ '==': ['2024-03', '2024-03-02'] })).toBe(false);
    const ctx = withAnswers({ lived: { years: 1, months: 2 } });
    expect(run({ '==': [{ answer: 'lived' }, { answer: 'lived' }] }, ctx)).toBe(true);
  });
});

describe('<, <=, >, >=', () => {
  it('orders numbers', () => {
    expect(run({ '<': [1, 2] })).toBe(true);
    expect(run({ '<=': [2, 2] })).toBe(true);
    expect(run({ '>': [2, 2] })).toBe(false);
    expect(run({ '>=': [{ answer: 'wages' }, 100] }, withAnswers({ wages: 100 }))).toBe(true);
  });

  it('orders dates and month-years', () => {
    const ctx = withAnswers({ dob: '2008-03-01', moved: '2024-02' });
    expect(run({ '>': [{ answer: 'dob' }, { date: 'today', offset: { years: -16 } }] }, ctx)).toBe(true);
    expect(run({ '<': [{ answer: 'moved' }, { date: 'today' }] }, ctx)).toBe(true);
    expect(run({ '>=': [{ answer: 'moved' }, '2024-02-01'] }, ctx)).toBe(true);
    expect(run({ '<': ['2023-12', '2024-01'] })).toBe(true);
  });

  it('orders durations by total months', () => {
    const ctx = withAnswers({ lived: { years: 1, months: 2 } });
    expect(run({ '>': [{ answer: 'lived' }, { answer: 'lived' }] }, ctx)).toBe(false);
    expect(run({ '>=': [{ answer: 'lived' }, { answer: 'lived' }] }, ctx)).toBe(true);
  });

  it('is false for missing values and mixed types', () => {
    expect(run({ '<': [{ answer: 'wages' }, 5] })).toBe(false);
    expect(run({ '>=': [{ answer: 'wages' }, 5] })).toBe(false);
    expect(run({ '<': [1, '2'] })).toBe(false);
    expect(run({ '<': ['a', 'b'] })).toBe(false);
    expect(run({ '<': ['2024-01-01', 2025] })).toBe(false);
    expect(run({ '<': [null, 1] })).toBe(false);
  });
});

describe('in, any-in, all-in', () => {
  const ctx = withAnswers({ sports: ['tennis', 'golf'], name: 'Ann' });

  it('tells whether a value is one of a list', () => {
    expect(run({ in: [{ answer: 'name' }, ['Ann', 'Bob']] }, ctx)).toBe(true);
    expect(run({ in: [{ answer: 'name' }, ['Bob']] }, ctx)).toBe(false);
    expect(run({ in: ['golf', { answer: 'sports' }] }, ctx)).toBe(true);
    expect(run({ in: ['chess', { answer: 'sports' }] }, ctx)).toBe(false);
    expect(run({ in: [{ answer: 'dob' }, ['x']] }, ctx)).toBe(false);
    expect(run({ in: [null, [null]] }, ctx)).toBe(false);
  });

  it('tells whether any chosen option is one of a list, in both orders', () => {
    expect(run({ 'any-in': [{ answer: 'sports' }, ['golf', 'chess']] }, ctx)).toBe(true);
    expect(run({ 'any-in': [['golf', 'chess'], { answer: 'sports' }] }, ctx)).toBe(true);
    expect(run({ 'any-in': [{ answer: 'sports' }, ['chess']] }, ctx)).toBe(false);
    expect(run({ 'any-in': [{ answer: 'name' }, ['Ann']] }, ctx)).toBe(true);
    expect(run({ 'any-in': [{ answer: 'dob' }, ['x']] }, ctx)).toBe(false);
  });

  it('tells whether every chosen option is one of a list, in both orders', () => {
    expect(run({ 'all-in': [{ answer: 'sports' }, ['golf', 'tennis', 'chess']] }, ctx)).toBe(true);
    expect(run({ 'all-in': [{ answer: 'sports' }, ['golf']] }, ctx)).toBe(false);
    expect(run({ 'all-in': [['golf'], { answer: 'sports' }] }, ctx)).toBe(true);
    expect(run({ 'all-in': [['golf', 'chess'], { answer: 'sports' }] }, ctx)).toBe(false);
    expect(run({ 'all-in': [{ answer: 'other-sport' }, ['x']] }, ctx)).toBe(false);
    expect(run({ 'all-in': [[], ['x']] }, ctx)).toBe(false);
  });
});

describe('holds', () => {
  it('holds for no condition and for exactly true', () => {
    expect(holds(undefined, context())).toBe(true);
    expect(holds(true, context())).toBe(true);
    expect(holds('true', context())).toBe(false);
    expect(holds(1, context())).toBe(false);
  });
});

describe('hostile input', () => {
  const nested = (levels: number, leaf: unknown): unknown => {
    let expr = leaf;
    for (let i = 0; i < levels; i++) expr = { not: expr };
    return expr;
  };

  it('evaluates unknown operators, wrong arity and bad operands to undefined, and never holds', () => {
    const bad: unknown[] = [
      { nope: 1 },
      {},
      { '==': [1] },
      { '==': [1, 1, 1] },
      { '<': 'x' },
      { and: [] },
      { and: 'x' },
      { or: {} },
      { sum: 5 },
      { concat: [] },
      { concat: ['a'], separator: 3 },
      { first: [] },
      { first: 'x' },
      { first: [1], separator: ' ' },
      { answer: 7 },
      { answer: 'name', item: 'everyone' },
      { answered: 'name' },
      { answered: { metadata: 'ru_name' } },
      { metadata: ['ru_name'] },
      { listCount: null },
      { itemLabel: 'all' },
      { isPrimary: 'primary' },
      { date: 'today', offset: { weeks: 1 } },
      { date: 'today', offset: { years: 'x' } },
      { date: 'today', offset: { days: 1.5 } },
      { date: 'today', offset: 'x' },
      [{ answer: 'name' }],
      { not: { nope: 1 } },
      { or: [false, { nope: 1 }] },
    ];
    for (const expr of bad) {
      expect(run(expr), JSON.stringify(expr)).toBeUndefined();
      expect(holds(expr as Expression, context()), JSON.stringify(expr)).toBe(false);
      expect(holds({ not: expr } as Expression, context()), JSON.stringify(expr)).toBe(false);
    }
  });

  it('stops at the first operand that decides and and or, without looking at the rest', () => {
    expect(run({ or: [true, { nope: 1 }] })).toBe(true);
    expect(run({ and: [false, { nope: 1 }] })).toBe(false);
  });

  it('refuses objects with several operators or stray keys', () => {
    expect(run({ answer: 'name', metadata: 'ru_name' })).toBeUndefined();
    expect(run({ '==': [1, 1], '!=': [1, 2] })).toBeUndefined();
    expect(run({ '==': [1, 1], item: 'all' })).toBeUndefined();
    expect(run({ answer: 'name', offset: {} })).toBeUndefined();
    expect(run({ answer: 'name', item: 'current', separator: ' ' })).toBeUndefined();
    expect(run({ item: 'current', answer: 'name' }, withAnswers({ name: 'Ann' }))).toBe('Ann');
  });

  it('refuses prototype keys as operators and finds nothing under them as ids', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      const expr = JSON.parse(`{"${key}": [1, 2]}`);
      expect(run(expr), key).toBeUndefined();
      expect(run({ listCount: key }), key).toBe(0);
      expect(run({ itemLabels: key }), key).toEqual([]);
      expect(run({ metadata: key }), key).toBeUndefined();
      expect(run({ answer: key }), key).toBeUndefined();
    }
    const state = { ...household(), itemAnswers: JSON.parse('{"__proto__": {"first-name": "Eve"}}') };
    expect(run({ answer: 'first-name' }, context({ state, item: '__proto__' }))).toBeUndefined();
    expect(run({ answer: 'first-name' }, context({ state, item: 'p1' }))).toBeUndefined();
  });

  it('evaluates a 1,000-level tree to undefined without overflowing the stack, but not a 60-level one', () => {
    expect(run(nested(1000, true))).toBeUndefined();
    expect(run(nested(60, true))).toBe(true);
    const deepAnd = (levels: number): unknown => (levels === 0 ? true : { and: [deepAnd(levels - 1)] });
    expect(run(deepAnd(1000))).toBeUndefined();
  });

  it('stops an item label that labels every item of its own list', () => {
    const looping = questionnaire({
      ...q,
      sections: q.sections.map((s) => ({
        ...s,
        pages: s.pages.map((p) =>
          p.kind === 'listCollector' ? { ...p, itemLabel: { concat: [{ itemLabels: p.list }] } } : p,
        ),
      })),
    });
    const ctx = { ...context({ state: household(), item: 'p1' }), compiled: compile(looping) };
    expect(run({ itemLabel: 'current' }, ctx)).toBeUndefined();
  });

  it('evaluates stored values of the wrong type as unanswered', () => {
    const ctx = withAnswers({
      name: ['Ann'],
      wages: 'lots',
      dob: 20240101,
      moved: '2024-13',
      built: 1990.5,
      lived: { years: 'one' },
      sports: [{ toString: 'golf' }, 7],
    });
    for (const id of ['name', 'wages', 'dob', 'moved', 'built', 'lived', 'sports']) {
      expect(run({ answer: id }, ctx), id).toBeUndefined();
      expect(run({ '==': [{ answer: id }, null] }, ctx), id).toBe(true);
    }
    expect(run({ sum: [{ answer: 'wages' }, 1] }, ctx)).toBe(1);
  });
});

describe('answerValue', () => {
  it('is the exported reader behind the answer operator', () => {
    expect(answerValue({ answer: 'first-name', item: 'primary' }, context({ state: household() }))).toBe('Ann');
    expect(answerValue({ answer: 'nope' }, context())).toBeUndefined();
  });
});
