import { describe, expect, it } from 'vitest';
import { answer, listCollector, options, question, questionPage, radio, section } from '../testing/build.ts';
import { duplicateIds, duplicateMetadata, duplicateOptions, reservedIds } from './ids.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

describe('duplicate-id', () => {
  it('accepts unique ids and variants that repeat their question and answer ids', () => {
    expect(runCheck(duplicateIds, householdSurvey())).toEqual([]);
  });

  it('reports a second section, page, question and answer with the same id at the second one', () => {
    const doc = {
      sections: [
        section('s', [questionPage('p', [answer('a')])]),
        section('s', [{ ...questionPage('p', [answer('a')]), question: question('p-q', [answer('b')]) }]),
      ],
    };
    expect(summary(runCheck(duplicateIds, doc))).toEqual([
      ['duplicate-id', 'error', '/sections/1/id'],
      ['duplicate-id', 'error', '/sections/1/pages/0/id'],
      ['duplicate-id', 'error', '/sections/1/pages/0/question/id'],
    ]);
  });

  it('counts list collector sub-pages and detail answers', () => {
    const detail = { value: 'other', label: 'Other', detailAnswer: answer('name', 'text') };
    const doc = {
      pages: [
        listCollector('people-collector', 'people'),
        questionPage('people-collector-item', [answer('colour', 'radio', { options: [...options('red'), detail] })]),
      ],
    };
    const problems = runCheck(duplicateIds, doc);
    expect(summary(problems)).toEqual([
      ['duplicate-id', 'error', '/sections/0/pages/1/id'],
      ['duplicate-id', 'error', '/sections/0/pages/1/question/id'],
      ['duplicate-id', 'error', '/sections/0/pages/1/question/answers/0/options/1/detailAnswer/id'],
    ]);
    expect(problems[2]?.message).toBe(
      'answer id "name" is already used at /sections/0/pages/0/itemPage/question/answers/0',
    );
  });

  it('reports an answer repeated within one variant', () => {
    const page = {
      ...questionPage('p', [answer('a')]),
      variants: [{ when: true, question: question('p-q', [answer('a'), answer('a')]) }],
    };
    expect(summary(runCheck(duplicateIds, { pages: [page] }))).toEqual([
      ['duplicate-id', 'error', '/sections/0/pages/0/variants/0/question/answers/1/id'],
    ]);
  });
});

describe('duplicate-option', () => {
  it('reports an option value used twice in one answer', () => {
    const doc = { pages: [questionPage('p', [radio('r', ['a', 'b', 'a'])])] };
    expect(summary(runCheck(duplicateOptions, doc))).toEqual([
      ['duplicate-option', 'error', '/sections/0/pages/0/question/answers/0/options/2/value'],
    ]);
  });

  it('accepts the same value in different answers', () => {
    const doc = { pages: [questionPage('p', [radio('r', ['a']), radio('t', ['a'])])] };
    expect(runCheck(duplicateOptions, doc)).toEqual([]);
  });
});

describe('duplicate-metadata', () => {
  it('reports a metadata name defined twice', () => {
    const metadata = [
      { name: 'ru_name', type: 'string' },
      { name: 'ru_name', type: 'date' },
    ];
    const doc = { pages: [questionPage('p', [answer('a')])], metadata };
    expect(summary(runCheck(duplicateMetadata, doc))).toEqual([['duplicate-metadata', 'error', '/metadata/1/name']]);
    expect(runCheck(duplicateMetadata, householdSurvey())).toEqual([]);
  });
});

describe('reserved-id', () => {
  it('accepts ordinary page and list ids', () => {
    expect(runCheck(reservedIds, householdSurvey())).toEqual([]);
  });

  it('reports a page or list named "summary", "sections" or "introduction", which the runner\'s URLs use', () => {
    const doc = {
      pages: [
        questionPage('summary', [answer('a')]),
        listCollector('people', 'sections'),
        questionPage('introduction', [answer('b')]),
      ],
    };
    expect(summary(runCheck(reservedIds, doc))).toEqual([
      ['reserved-id', 'error', '/sections/0/pages/0/id'],
      ['reserved-id', 'error', '/sections/0/pages/1/list'],
      ['reserved-id', 'error', '/sections/0/pages/2/id'],
    ]);
  });
});
