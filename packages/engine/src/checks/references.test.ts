import { describe, expect, it } from 'vitest';
import { answer, listCollector, question, questionPage, radio, section } from '../testing/build.ts';
import { unknownExpressionReferences, unknownStructureReferences } from './references.ts';
import { runCheck, summary } from './test-helpers.ts';
import { householdSurvey } from './test-household.ts';

describe('unknown references in expressions', () => {
  it('accepts references to answers, metadata, lists, sections and calculated summaries that exist', () => {
    expect(runCheck(unknownExpressionReferences, householdSurvey())).toEqual([]);
  });

  it('reports each unknown id at the id itself', () => {
    const skipWhen = {
      or: [
        { answered: { answer: 'nope' } },
        { '==': [{ metadata: 'nope' }, 'x'] },
        { '>': [{ listCount: 'nope' }, 0] },
        { 'any-in': [{ itemLabels: 'nope' }, ['x']] },
        { '==': [{ sectionStatus: 'nope' }, 'completed'] },
        { '>': [{ calculated: 'p' }, 0] },
      ],
    };
    const doc = { pages: [questionPage('p', [answer('a')], { skipWhen })] };
    const problems = runCheck(unknownExpressionReferences, doc);
    const at = '/sections/0/pages/0/skipWhen/or';
    expect(summary(problems)).toEqual([
      ['unknown-answer', 'error', `${at}/0/answered/answer`],
      ['unknown-metadata', 'error', `${at}/1/==/0/metadata`],
      ['unknown-list', 'error', `${at}/2/>/0/listCount`],
      ['unknown-list', 'error', `${at}/3/any-in/0/itemLabels`],
      ['unknown-section', 'error', `${at}/4/==/0/sectionStatus`],
      ['unknown-calculated', 'error', `${at}/5/>/0/calculated`],
    ]);
    expect(problems[0]?.message).toBe('the skipWhen of page "p" reads answer "nope", which does not exist');
  });

  it('checks placeholder definitions', () => {
    const doc = { pages: [questionPage('p', [answer('a')])], placeholders: { x: { value: { answer: 'b' } } } };
    expect(summary(runCheck(unknownExpressionReferences, doc))).toEqual([
      ['unknown-answer', 'error', '/placeholders/x/value/answer'],
    ]);
  });
});

describe('unknown references outside expressions', () => {
  it('accepts the household survey', () => {
    expect(runCheck(unknownStructureReferences, householdSurvey())).toEqual([]);
  });

  it('reports unknown pages, lists, answers and sections', () => {
    const doc = {
      sections: [
        section('s', [
          questionPage('p', [answer('a')], { routing: [{ goTo: { page: 'nowhere' } }] }),
          {
            id: 'q',
            kind: 'question',
            question: question('q-q', [answer('b')], {
              exclusiveAnswer: 'zz',
              totals: [{ answers: ['yy'], mustBe: 'equal', total: 1 }],
            }),
          },
          { id: 'sum', kind: 'calculatedSummary', title: 'Sum', answers: ['a', 'xx'] },
          {
            id: 'rel',
            kind: 'relationships',
            list: 'nobody',
            question: question('rel-q', [radio('r', ['x'])]),
          },
          {
            id: 'check',
            kind: 'confirmation',
            question: question('c-q', [radio('c', ['y'])]),
            confirmValue: 'y',
            rejectGoTo: 'gone',
          },
        ]),
        section('t', [questionPage('t1', [answer('d')])], { repeat: { list: 'nobody', title: 'Each' } }),
      ],
      flow: { type: 'hub', requiredSections: ['s', 'missing'] },
    };
    expect(summary(runCheck(unknownStructureReferences, doc))).toEqual([
      ['unknown-page', 'error', '/sections/0/pages/0/routing/0/goTo/page'],
      ['unknown-answer', 'error', '/sections/0/pages/1/question/totals/0/answers/0'],
      ['unknown-answer', 'error', '/sections/0/pages/1/question/exclusiveAnswer'],
      ['unknown-answer', 'error', '/sections/0/pages/2/answers/1'],
      ['unknown-list', 'error', '/sections/0/pages/3/list'],
      ['unknown-page', 'error', '/sections/0/pages/4/rejectGoTo'],
      ['unknown-list', 'error', '/sections/1/repeat/list'],
      ['unknown-section', 'error', '/flow/requiredSections/1'],
    ]);
  });

  it('does not let routing target a list collector sub-page', () => {
    const doc = {
      pages: [
        questionPage('p', [answer('a')], { routing: [{ goTo: { page: 'c-item' } }] }),
        listCollector('c', 'people'),
      ],
    };
    const problems = runCheck(unknownStructureReferences, doc);
    expect(summary(problems)).toEqual([['unknown-page', 'error', '/sections/0/pages/0/routing/0/goTo/page']]);
    expect(problems[0]?.message).toContain('the item page of list collector "c"');
  });
});
