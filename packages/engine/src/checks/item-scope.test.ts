import { describe, expect, it } from 'vitest';
import { answer, type Json, listCollector, questionPage, relationshipsPage, section } from '../testing/build.ts';
import { itemScope } from './item-scope.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

const collector = () => listCollector('c', 'people', {}, [answer('name', 'text'), answer('age')]);
const people = (...pages: Json[]) => ({ pages: [collector(), ...pages] });
const eachPerson = (...pages: Json[]) => ({
  sections: [section('s', [collector()]), section('t', pages, { repeat: { list: 'people', title: 'Person' } })],
});

describe('item-scope', () => {
  it('accepts item reads inside the item, and all or primary outside it', () => {
    expect(runCheck(itemScope, householdSurvey())).toEqual([]);
    const outside = questionPage('p', [answer('a')], {
      skipWhen: {
        and: [
          { 'any-in': [{ answer: 'name', item: 'all' }, ['Ann']] },
          { '>': [{ answer: 'age', item: 'primary' }, 16] },
        ],
      },
    });
    expect(runCheck(itemScope, people(outside))).toEqual([]);
    const inside = questionPage('p', [answer('a')], { skipWhen: { '>': [{ answer: 'age' }, 16] } });
    expect(runCheck(itemScope, eachPerson(inside))).toEqual([]);
  });

  it('reports an item answer read outside an item of its list', () => {
    const problems = runCheck(
      itemScope,
      people(questionPage('p', [answer('a')], { skipWhen: { '>': [{ answer: 'age' }, 16] } })),
    );
    expect(summary(problems)).toEqual([['item-scope', 'error', '/sections/0/pages/1/skipWhen/>/0']]);
    expect(problems[0]?.message).toContain('reads answer "age", which is asked for each item of list "people"');
  });

  it('reports itemLabel current outside an item and to outside a relationships page', () => {
    const doc = {
      ...people(questionPage('p', [answer('a', 'number', { label: '{name} and {other}' })])),
      placeholders: { name: { value: { itemLabel: 'current' } }, other: { value: { itemLabel: 'to' } } },
    };
    const problems = runCheck(itemScope, doc);
    expect(summary(problems)).toEqual([
      ['item-scope', 'error', '/sections/0/pages/1/question/answers/0/label'],
      ['item-scope', 'error', '/sections/0/pages/1/question/answers/0/label'],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'placeholder {name} on page "p" uses itemLabel "current" outside a list item',
      'placeholder {other} on page "p" uses itemLabel "to" outside a relationships page',
    ]);
  });

  it('reports a relationship answer read away from its relationships page', () => {
    const relationships = relationshipsPage('rel', 'people');
    const later = questionPage('p', [answer('a')], {
      skipWhen: { '==': [{ answer: 'relationship', item: 'all' }, ['partner']] },
    });
    expect(summary(runCheck(itemScope, people(relationships, later)))).toEqual([
      ['item-scope', 'error', '/sections/0/pages/2/skipWhen/==/0'],
    ]);
  });

  it('reports a calculated summary adding up item answers outside the item', () => {
    const sum = { id: 'sum', kind: 'calculatedSummary', title: 'Sum', answers: ['age'] };
    expect(summary(runCheck(itemScope, people(sum)))).toEqual([
      ['item-scope', 'error', '/sections/0/pages/1/answers/0'],
    ]);
    expect(runCheck(itemScope, eachPerson(sum))).toEqual([]);
  });
});
