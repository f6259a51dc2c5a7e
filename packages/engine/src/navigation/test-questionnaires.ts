import type { Questionnaire } from '@eq/schema';
import type { ResponseState } from '../state.ts';
import {
  answer,
  contentPage,
  listCollector,
  primaryPerson,
  question,
  questionnaire,
  questionPage,
  radio,
  relationshipsPage,
  section,
} from '../testing/build.ts';
import { stateWith } from '../testing/context.ts';

/** Questionnaires for the navigation tests and the simulated respondent's, built from the shared test builders. */

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
      questionPage('detail', [answer('detail-answer', 'text')]),
      questionPage('amount', [answer('amount-answer')], {
        routing: [{ when: { '>': [{ answer: 'amount-answer' }, 100] }, goTo: { page: 'start' } }],
      }),
      questionPage('large', [answer('large-answer')], { skipWhen: { '<': [{ answer: 'amount-answer' }, 50] } }),
      contentPage('interstitial', { skipWhen: { answered: { answer: 'detail-answer' } } }),
    ]),
    section(
      'second',
      [
        questionPage('extra', [answer('extra-answer')]),
        {
          id: 'total',
          kind: 'calculatedSummary',
          title: 'Total',
          answers: ['amount-answer', 'large-answer', 'extra-answer'],
        },
        {
          id: 'check',
          kind: 'confirmation',
          question: question('check-q', [radio('check-answer', ['yes', 'no'])]),
          confirmValue: 'yes',
          rejectGoTo: 'extra',
        },
      ],
      { enabledWhen: { '!=': [{ answer: 'start-answer' }, 'long'] }, summary: true },
    ),
    section('third', [questionPage('last', [answer('last-answer', 'text')])]),
  ],
});

const householdSections = [
  section(
    'household',
    [
      primaryPerson('you-live-here', 'people'),
      listCollector('people', 'people', { minItems: 1, maxItems: 6 }),
      relationshipsPage('relationships', 'people'),
    ],
    { summary: true },
  ),
  section(
    'individual',
    [
      questionPage('age', [answer('age-answer')], {
        routing: [{ when: { '<': [{ answer: 'age-answer' }, 16] }, goTo: { end: 'section' } }],
      }),
      questionPage('job', [radio('job-answer', ['yes', 'no'])]),
      questionPage('employer', [answer('employer-answer', 'text')], {
        skipWhen: { '!=': [{ answer: 'job-answer' }, 'yes'] },
      }),
    ],
    { repeat: { list: 'people', title: 'Person' }, summary: true },
  ),
  section('visitors', [questionPage('visitors', [answer('visitors-answer')])], {
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
        primaryPerson('you-live-here', 'people'),
        listCollector('people', 'people'),
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
