import { Questionnaire } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import { answer, options, question, questionnaire, questionPage, radio } from './testing/build.ts';

const q = questionnaire({
  languages: ['en', 'cy'],
  metadata: [{ name: 'ru_name', type: 'string' }],
  sections: [
    {
      id: 'household',
      title: 'Household',
      pages: [
        {
          id: 'you-live-here',
          kind: 'primaryPerson',
          list: 'people',
          question: question('q1', [radio('you-live-here', ['yes', 'no'])]),
          addValue: 'yes',
        },
        {
          id: 'people',
          kind: 'listCollector',
          list: 'people',
          itemLabel: { answer: 'first-name' },
          question: question('q2', [radio('anyone-else', ['yes', 'no'])]),
          addValue: 'yes',
          itemPage: {
            id: 'add-person',
            question: question('q3', [
              answer('first-name', 'text'),
              answer('sex', 'radio', {
                options: [
                  ...options('f', 'm'),
                  { value: 'other', label: 'Other', detailAnswer: answer('sex-other', 'text') },
                ],
              }),
            ]),
          },
          removePage: { id: 'remove-person', question: question('q4', [radio('remove', ['yes', 'no'])]) },
          removeValue: 'yes',
        },
        {
          id: 'relationships',
          kind: 'relationships',
          list: 'people',
          question: question('q5', [radio('relationship', ['partner', 'child'])]),
        },
        { id: 'people', kind: 'content', title: 'A duplicate page id' },
      ],
    },
    {
      id: 'about',
      title: 'About',
      pages: [
        questionPage(
          'colour-page',
          [
            answer('colour', 'checkbox', {
              options: [
                ...options('red'),
                { value: 'other', label: 'Other', detailAnswer: answer('colour-other', 'text') },
              ],
            }),
          ],
          {
            variants: [
              {
                when: true,
                question: question('colour-q2', [
                  answer('colour', 'checkbox', { options: options('blue') }),
                  answer('shade', 'text'),
                ]),
              },
            ],
          },
        ),
        questionPage('dup-page', [answer('first-name', 'number')]),
        { id: 'total', kind: 'calculatedSummary', title: 'Total', answers: ['colour'] },
      ],
    },
    {
      id: 'person',
      title: 'Person',
      repeat: { list: 'people', title: 'Person' },
      pages: [
        questionPage('age-page', [answer('age', 'number')]),
        {
          id: 'confirm-age',
          kind: 'confirmation',
          question: question('q6', [radio('age-correct', ['yes', 'no'])]),
          confirmValue: 'yes',
          rejectGoTo: 'age-page',
        },
      ],
    },
    { id: 'about', title: 'A duplicate section', pages: [questionPage('late-page', [answer('late', 'text')])] },
  ],
});
const compiled = compile(q);

describe('compile', () => {
  it('indexes languages, metadata and sections', () => {
    expect(compiled.languages).toEqual(['en', 'cy']);
    expect(compiled.defaultLanguage).toBe('en');
    expect([...compiled.metadata.keys()]).toEqual(['ru_name']);
    expect([...compiled.sections.keys()]).toEqual(['household', 'about', 'person']);
    expect(compiled.sections.get('about')?.index).toBe(1);
  });

  it('indexes pages in document order, with the sub-pages of a list collector after it', () => {
    expect([...compiled.pages.keys()]).toEqual([
      'you-live-here',
      'people',
      'add-person',
      'remove-person',
      'relationships',
      'colour-page',
      'dup-page',
      'total',
      'age-page',
      'confirm-age',
      'late-page',
    ]);
    const orders = [...compiled.pages.values()].map((p) => p.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('gives each page its section, position, role and list', () => {
    const addPerson = compiled.pages.get('add-person');
    expect(addPerson).toMatchObject({ role: 'item', list: 'people', index: 1, sectionIndex: 0 });
    expect(addPerson?.section.id).toBe('household');
    expect(compiled.pages.get('remove-person')).toMatchObject({ role: 'remove', list: 'people' });
    expect(compiled.pages.get('relationships')).toMatchObject({ list: 'people' });
    expect(compiled.pages.get('age-page')).toMatchObject({ list: 'people', index: 0, sectionIndex: 2 });
    expect(compiled.pages.get('people')?.role).toBeUndefined();
    expect(compiled.pages.get('people')?.list).toBeUndefined();
  });

  it("lists the questions a page can show: its question and every variant's", () => {
    expect(compiled.pages.get('colour-page')?.questions.map((q) => q.id)).toEqual(['colour-page-q', 'colour-q2']);
    expect(compiled.pages.get('total')?.questions).toEqual([]);
    expect(compiled.pages.get('add-person')?.questions.map((q) => q.id)).toEqual(['q3']);
  });

  it('scopes answers of list item pages and repeating sections to the list', () => {
    expect(compiled.answers.get('first-name')).toMatchObject({ pageId: 'add-person', list: 'people' });
    expect(compiled.answers.get('first-name')?.relationship).toBeUndefined();
    expect(compiled.answers.get('age')).toMatchObject({ pageId: 'age-page', list: 'people' });
    expect(compiled.answers.get('colour')?.list).toBeUndefined();
  });

  it('marks relationship answers and scopes them to their list', () => {
    expect(compiled.answers.get('relationship')).toMatchObject({
      pageId: 'relationships',
      list: 'people',
      relationship: true,
    });
  });

  it('marks the answers that steer the journey as transient: list operations and confirmations', () => {
    for (const id of ['you-live-here', 'anyone-else', 'remove', 'age-correct'])
      expect(compiled.answers.get(id)?.transient, id).toBe(true);
    expect(compiled.answers.get('remove')?.list).toBe('people');
    expect(compiled.answers.get('age-correct')).toMatchObject({ pageId: 'confirm-age', list: 'people' });
    for (const id of ['first-name', 'relationship', 'colour', 'age'])
      expect(compiled.answers.get(id)?.transient, id).toBeUndefined();
  });

  it('indexes detail answers with the option they belong to, in the scope of their question', () => {
    expect(compiled.answers.get('colour-other')).toMatchObject({
      pageId: 'colour-page',
      parent: { answerId: 'colour', value: 'other' },
    });
    expect(compiled.answers.get('sex-other')).toMatchObject({
      pageId: 'add-person',
      list: 'people',
      parent: { answerId: 'sex', value: 'other' },
    });
  });

  it("indexes answers that only a variant asks, and keeps the main question's definition of shared ones", () => {
    expect(compiled.answers.get('shade')?.question.id).toBe('colour-q2');
    const colour = compiled.answers.get('colour')?.answer;
    expect(colour?.type === 'checkbox' && colour.options.map((o) => o.value)).toEqual(['red', 'other']);
  });

  it('keeps the first definition of a duplicate id', () => {
    expect(compiled.pages.get('people')?.page.kind).toBe('listCollector');
    expect(compiled.answers.get('first-name')?.answer.type).toBe('text');
    expect(compiled.sections.get('about')?.section.title).toBe('About');
  });

  it('numbers answers in document order', () => {
    const order = (id: string) => compiled.answers.get(id)?.order ?? -1;
    expect(order('you-live-here')).toBeLessThan(order('anyone-else'));
    expect(order('anyone-else')).toBeLessThan(order('first-name'));
    expect(order('first-name')).toBeLessThan(order('sex-other'));
    expect(order('sex-other')).toBeLessThan(order('relationship'));
    expect(order('relationship')).toBeLessThan(order('age'));
  });

  it('indexes lists by their first collector, with their primary person page', () => {
    const people = compiled.lists.get('people');
    expect(people?.collector.id).toBe('people');
    expect(people?.section.id).toBe('household');
    expect(people?.primary?.id).toBe('you-live-here');
    expect([...compiled.lists.keys()]).toEqual(['people']);
  });

  it('caches the index per questionnaire object', () => {
    expect(compile(q)).toBe(compiled);
    const copy = Questionnaire.parse(JSON.parse(JSON.stringify(q)));
    expect(compile(copy)).not.toBe(compiled);
    expect([...compile(copy).answers.keys()]).toEqual([...compiled.answers.keys()]);
  });
});
