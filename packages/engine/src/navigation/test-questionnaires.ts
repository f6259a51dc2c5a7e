import { Questionnaire } from '@eq/schema';
import type { Location } from '../location.ts';
import { emptyState, type ResponseState } from '../state.ts';

/** Small questionnaires for the navigation tests, written with builders so each test shows only what matters. */

type Json = Record<string, unknown>;

export function questionnaire(fields: Json): Questionnaire {
  return Questionnaire.parse({
    formatVersion: 1,
    id: 'test',
    title: 'Test',
    languages: ['en'],
    flow: { type: 'linear' },
    ...fields,
  });
}

export function radio(id: string, values: string[], extra: Json = {}): Json {
  return {
    id,
    type: 'radio',
    label: id,
    qCode: id,
    options: values.map((value) => ({ value, label: value })),
    ...extra,
  };
}

export function num(id: string): Json {
  return { id, type: 'number', label: id, qCode: id };
}

export function text(id: string): Json {
  return { id, type: 'text', label: id, qCode: id };
}

export function questionPage(id: string, answers: Json[], extra: Json = {}): Json {
  return { id, kind: 'question', question: { id: `${id}-q`, title: id, answers }, ...extra };
}

export function contentPage(id: string, extra: Json = {}): Json {
  return { id, kind: 'content', title: id, ...extra };
}

export function section(id: string, pages: Json[], extra: Json = {}): Json {
  return { id, title: id, pages, ...extra };
}

/** A list collector for `list` with an item page asking `name` and a yes/no remove page. */
export function collectorPage(id: string, list: string, extra: Json = {}): Json {
  return {
    id,
    kind: 'listCollector',
    list,
    itemLabel: { answer: 'name' },
    question: { id: `${id}-q`, title: 'Anyone else?', answers: [radio(`${id}-answer`, ['yes', 'no'])] },
    addValue: 'yes',
    itemPage: { id: `${id}-item`, question: { id: `${id}-item-q`, title: 'Name', answers: [text('name')] } },
    removePage: {
      id: `${id}-remove`,
      question: { id: `${id}-remove-q`, title: 'Remove?', answers: [radio(`${id}-remove-answer`, ['yes', 'no'])] },
    },
    removeValue: 'yes',
    ...extra,
  };
}

export function primaryPage(id: string, list: string): Json {
  return {
    id,
    kind: 'primaryPerson',
    list,
    question: { id: `${id}-q`, title: 'Do you live here?', answers: [radio(`${id}-answer`, ['yes', 'no'])] },
    addValue: 'yes',
  };
}

export function relationshipsPage(id: string, list: string): Json {
  return {
    id,
    kind: 'relationships',
    list,
    question: { id: `${id}-q`, title: 'Relationship', answers: [radio('relationship', ['partner', 'child', 'other'])] },
  };
}

export function page(section: string, page: string, item?: string, to?: string): Location {
  return { kind: 'page', section, page, ...(item === undefined ? {} : { item }), ...(to === undefined ? {} : { to }) };
}

export function stateWith(fields: Partial<ResponseState>): ResponseState {
  return { ...emptyState(), ...fields };
}

/** Routing, skip conditions, enabled sections, a calculated summary and a confirmation, in a linear flow. */
export const routing = questionnaire({
  sections: [
    section('first', [
      questionPage('start', [radio('start-answer', ['short', 'long', 'stop', 'end'])], {
        routing: [
          { when: { '==': [{ answer: 'start-answer' }, 'short'] }, goTo: { page: 'amount' } },
          { when: { '==': [{ answer: 'start-answer' }, 'stop'] }, goTo: { end: 'section' } },
          { when: { '==': [{ answer: 'start-answer' }, 'end'] }, goTo: { end: 'questionnaire' } },
        ],
      }),
      questionPage('detail', [text('detail-answer')]),
      questionPage('amount', [num('amount-answer')], {
        routing: [{ when: { '>': [{ answer: 'amount-answer' }, 100] }, goTo: { page: 'start' } }],
      }),
      questionPage('large', [num('large-answer')], { skipWhen: { '<': [{ answer: 'amount-answer' }, 50] } }),
      contentPage('interstitial', { skipWhen: { answered: { answer: 'detail-answer' } } }),
    ]),
    section(
      'second',
      [
        questionPage('extra', [num('extra-answer')]),
        {
          id: 'total',
          kind: 'calculatedSummary',
          title: 'Total',
          answers: ['amount-answer', 'large-answer', 'extra-answer'],
        },
        {
          id: 'check',
          kind: 'confirmation',
          question: { id: 'check-q', title: 'Correct?', answers: [radio('check-answer', ['yes', 'no'])] },
          confirmValue: 'yes',
          rejectGoTo: 'extra',
        },
      ],
      { enabledWhen: { '!=': [{ answer: 'start-answer' }, 'long'] }, summary: true },
    ),
    section('third', [questionPage('last', [text('last-answer')])]),
  ],
});

const householdSections = [
  section(
    'household',
    [
      primaryPage('you-live-here', 'people'),
      collectorPage('people', 'people', { minItems: 1, maxItems: 6 }),
      relationshipsPage('relationships', 'people'),
    ],
    { summary: true },
  ),
  section(
    'individual',
    [
      questionPage('age', [num('age-answer')], {
        routing: [{ when: { '<': [{ answer: 'age-answer' }, 16] }, goTo: { end: 'section' } }],
      }),
      questionPage('job', [radio('job-answer', ['yes', 'no'])]),
      questionPage('employer', [text('employer-answer')], { skipWhen: { '!=': [{ answer: 'job-answer' }, 'yes'] } }),
    ],
    { repeat: { list: 'people', title: 'Person' }, summary: true },
  ),
  section('visitors', [questionPage('visitors', [num('visitors-answer')])], {
    enabledWhen: { '>': [{ listCount: 'people' }, 1] },
  }),
];

/** A household: primary person, list collector, relationships and a repeating section. */
export const household = questionnaire({ sections: householdSections });

/** The same household in a hub flow where the household section must be done first. */
export const householdHub = questionnaire({
  flow: { type: 'hub', requiredSections: ['household'] },
  sections: householdSections,
});

/**
 * A census-like questionnaire: a household section, then an individual section of twenty
 * pages asked for every person, with routing and skip conditions on their answers.
 */
export function census(): Questionnaire {
  const individual = Array.from({ length: 20 }, (_, i) =>
    questionPage(`p${i}`, [radio(`p${i}-answer`, ['a', 'b', 'c'])], {
      ...(i % 5 === 1 ? { skipWhen: { '==': [{ answer: `p${i - 1}-answer` }, 'c'] } } : {}),
      ...(i % 5 === 3
        ? { routing: [{ when: { '==': [{ answer: `p${i}-answer` }, 'b'] }, goTo: { page: `p${i + 2}` } }] }
        : {}),
    }),
  );
  return questionnaire({
    sections: [
      section('household', [
        primaryPage('you-live-here', 'people'),
        collectorPage('people', 'people'),
        relationshipsPage('relationships', 'people'),
      ]),
      section('individual', individual, { repeat: { list: 'people', title: 'Person' }, summary: true }),
    ],
  });
}

/** A census household of `size` people who have answered every question. */
export function censusState(size: number): ResponseState {
  const items = Array.from({ length: size }, (_, i) => `person${i}`);
  const itemAnswers: ResponseState['itemAnswers'] = {};
  items.forEach((item, n) => {
    const values: Record<string, unknown> = { name: `Person ${n}` };
    for (let i = 0; i < 20; i++) values[`p${i}-answer`] = ['a', 'b', 'c'][(n + i) % 3];
    itemAnswers[item] = values;
  });
  return stateWith({
    answers: { 'you-live-here-answer': 'yes', 'people-answer': 'no' },
    itemAnswers,
    lists: { people: { items, ...(items[0] === undefined ? {} : { primary: items[0] }) } },
  });
}
