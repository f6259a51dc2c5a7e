import { describe, expect, it } from 'vitest';
import { answer, listCollector, question, questionPage, section } from '../testing/build.ts';
import { answerNotYetCollected } from './collection-order.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

const CODE = 'answer-not-yet-collected';
const read = (id: string) => ({ answered: { answer: id } });

describe('answer-not-yet-collected', () => {
  it('accepts reads of answers asked earlier, and routing and bounds reading their own page', () => {
    expect(runCheck(answerNotYetCollected, householdSurvey())).toEqual([]);
    const doc = {
      pages: [
        questionPage('p', [answer('a'), answer('b', 'number', { min: { value: { answer: 'a' } } })], {
          routing: [{ when: read('b'), goTo: { end: 'section' } }],
        }),
        questionPage('q', [answer('c')], { skipWhen: read('a') }),
      ],
    };
    expect(runCheck(answerNotYetCollected, doc)).toEqual([]);
  });

  it('reports a skipWhen reading its own page or a later one', () => {
    const doc = {
      pages: [
        questionPage('p', [answer('a')], { skipWhen: { or: [read('a'), read('b')] } }),
        questionPage('q', [answer('b')]),
      ],
    };
    const problems = runCheck(answerNotYetCollected, doc);
    expect(summary(problems)).toEqual([
      [CODE, 'error', '/sections/0/pages/0/skipWhen/or/0/answered'],
      [CODE, 'error', '/sections/0/pages/0/skipWhen/or/1/answered'],
    ]);
    expect(problems[1]?.message).toBe(
      'the skipWhen of page "p" reads answer "b", asked on page "q", which cannot have been collected by then',
    );
  });

  it('reports a variant reading its own page', () => {
    const page = {
      ...questionPage('p', [answer('a')]),
      variants: [{ when: read('a'), question: question('p-q', [answer('a')]) }],
    };
    expect(summary(runCheck(answerNotYetCollected, { pages: [page] }))).toEqual([
      [CODE, 'error', '/sections/0/pages/0/variants/0/when/answered'],
    ]);
  });

  it('lets enabledWhen read only earlier sections, and warns across sections in a hub', () => {
    const sections = [
      section('s', [questionPage('p', [answer('a')])], { enabledWhen: read('b') }),
      section('t', [questionPage('q', [answer('b')])], { enabledWhen: read('a') }),
    ];
    expect(summary(runCheck(answerNotYetCollected, { sections }))).toEqual([
      [CODE, 'error', '/sections/0/enabledWhen/answered'],
    ]);
    expect(summary(runCheck(answerNotYetCollected, { sections, flow: { type: 'hub' } }))).toEqual([
      [CODE, 'warning', '/sections/0/enabledWhen/answered'],
    ]);
  });

  it('reports a section status read in the same section', () => {
    const doc = {
      pages: [questionPage('p', [answer('a')], { skipWhen: { '==': [{ sectionStatus: 's' }, 'completed'] } })],
    };
    expect(summary(runCheck(answerNotYetCollected, doc))).toEqual([
      [CODE, 'error', '/sections/0/pages/0/skipWhen/==/0'],
    ]);
  });

  it('reports piped text at the text, through placeholders, item labels and calculated totals', () => {
    const doc = {
      pages: [
        questionPage('p', [answer('a', 'number', { label: '{later} and {people}' })]),
        { id: 'sum', kind: 'calculatedSummary', title: 'Total {total}', answers: ['b'] },
        questionPage('q', [answer('b')]),
        listCollector('c', 'people'),
      ],
      placeholders: {
        later: { value: { answer: 'b' } },
        people: { value: { itemLabels: 'people' } },
        total: { value: { calculated: 'sum' } },
      },
    };
    const problems = runCheck(answerNotYetCollected, doc);
    expect(summary(problems)).toEqual([
      [CODE, 'error', '/sections/0/pages/0/question/answers/0/label'],
      [CODE, 'error', '/sections/0/pages/0/question/answers/0/label'],
      [CODE, 'error', '/sections/0/pages/1/title'],
      [CODE, 'error', '/sections/0/pages/1/answers/0'],
    ]);
    expect(problems[1]?.message).toBe(
      'placeholder {people} on page "p" reads answer "name" through the item labels of list "people", asked on item page "c-item", which cannot have been collected by then',
    );
  });

  it('lets a list collector pipe the labels of the items it collects', () => {
    const doc = {
      pages: [listCollector('c', 'people', { title: '{people}' })],
      placeholders: { people: { value: { itemLabels: 'people' } } },
    };
    expect(runCheck(answerNotYetCollected, doc)).toEqual([]);
  });
});
