import { describe, expect, it } from 'vitest';
import { answer, listCollector, primaryPerson, questionPage, section } from '../testing/build.ts';
import { listLayout } from './lists.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

const primary = (id: string) => primaryPerson(id, 'people');

describe('list layout', () => {
  it('accepts a primary person page before its collector and a repeating section after it', () => {
    expect(runCheck(listLayout, householdSurvey())).toEqual([]);
  });

  it('reports a second collector for the same list', () => {
    const doc = { pages: [listCollector('a', 'people'), listCollector('b', 'people')] };
    const problems = runCheck(listLayout, doc);
    expect(summary(problems)).toEqual([['list-collector-duplicate', 'error', '/sections/0/pages/1/list']]);
    expect(problems[0]?.message).toBe('list "people" is already collected by page "a"');
  });

  it('reports a primary person page after its collector or in another section', () => {
    const after = { pages: [listCollector('c', 'people'), primary('me')] };
    expect(summary(runCheck(listLayout, after))).toEqual([
      ['primary-without-collector', 'error', '/sections/0/pages/1/list'],
    ]);
    const elsewhere = { sections: [section('s', [primary('me')]), section('t', [listCollector('c', 'people')])] };
    expect(summary(runCheck(listLayout, elsewhere))).toEqual([
      ['primary-without-collector', 'error', '/sections/0/pages/0/list'],
    ]);
  });

  it('reports a second primary person page for a list', () => {
    const doc = { pages: [primary('me'), primary('me-too'), listCollector('c', 'people')] };
    expect(summary(runCheck(listLayout, doc))).toEqual([
      ['duplicate-primary-person', 'error', '/sections/0/pages/1/list'],
    ]);
  });

  it('reports list pages inside a repeating section', () => {
    const doc = {
      sections: [
        section('s', [listCollector('c', 'people')]),
        section('t', [questionPage('p', [answer('a')]), listCollector('d', 'pets')], {
          repeat: { list: 'people', title: 'Each' },
        }),
      ],
    };
    expect(summary(runCheck(listLayout, doc))).toEqual([['nested-list', 'error', '/sections/1/pages/1']]);
  });

  it('warns about a repeating section before the collector of its list', () => {
    const doc = {
      sections: [
        section('t', [questionPage('p', [answer('a')])], { repeat: { list: 'people', title: 'Each' } }),
        section('s', [listCollector('c', 'people')]),
      ],
    };
    expect(summary(runCheck(listLayout, doc))).toEqual([
      ['repeat-before-collector', 'warning', '/sections/0/repeat/list'],
    ]);
  });
});
