import type { Questionnaire } from '@eq/schema';
import type { ResponseState } from '../state.ts';
import {
  answer,
  contentPage,
  listCollector,
  options,
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

/**
 * Conditions that read everything a section's walk can depend on, for the tests of reusing
 * walks: section statuses (of a section, and of every repeat of one), two lists' counts, item labels,
 * the primary item's relationship to the current one, every item's answers, metadata, a
 * calculated total, dates, a detail answer, an answer asked later (unanswered until then), and
 * an answer of a page that leaves the path when an earlier answer changes (`big`), in a section
 * that can be left out (`money`, for region `england`).
 */
export function everyRead(flow: 'linear' | 'hub'): Questionnaire {
  const start = answer('start-answer', 'radio', {
    options: [
      ...options('go', 'skip', 'stop'),
      { value: 'other', label: 'other', detailAnswer: answer('start-other', 'text') },
    ],
  });
  return questionnaire({
    flow: flow === 'hub' ? { type: 'hub', requiredSections: ['household'] } : { type: 'linear' },
    metadata: [{ name: 'region', type: 'string' }],
    sections: [
      section(
        'household',
        [
          primaryPerson('you-live-here', 'people'),
          listCollector('people', 'people', { minItems: 1, maxItems: 4 }, [
            answer('name', 'text'),
            answer('born', 'date'),
          ]),
          listCollector('pets', 'pets', { minItems: 1, itemLabel: { answer: 'pet-name' } }, [
            answer('pet-name', 'text'),
          ]),
          contentPage('pairs', { skipWhen: { '<': [{ listCount: 'people' }, 2] } }),
          relationshipsPage('relationships', 'people'),
          questionPage('start', [start], {
            routing: [{ when: { '==': [{ answer: 'start-answer' }, 'stop'] }, goTo: { end: 'questionnaire' } }],
          }),
        ],
        { summary: true },
      ),
      section(
        'individual',
        [
          questionPage('role', [radio('role-answer', ['lead', 'other'])], { skipWhen: { isPrimary: 'current' } }),
          questionPage('named', [answer('named-answer', 'text')], {
            skipWhen: { '==': [{ itemLabel: 'current' }, 'Anon'] },
          }),
          questionPage('partner', [answer('partner-answer', 'text')], {
            skipWhen: { '!=': [{ answer: 'relationship', item: 'primary' }, 'partner'] },
          }),
          questionPage('lead', [answer('lead-answer')], {
            skipWhen: { in: ['lead', { answer: 'role-answer', item: 'all' }] },
          }),
          questionPage('adult', [answer('adult-answer')], { skipWhen: { '<': [{ age: { answer: 'born' } }, 18] } }),
          questionPage('household-done', [answer('household-done-answer')], {
            skipWhen: { '!=': [{ sectionStatus: 'household' }, 'completed'] },
          }),
        ],
        { repeat: { list: 'people', title: 'Person' }, summary: true },
      ),
      section(
        'money',
        [
          questionPage('spend', [answer('spend-answer'), answer('save-answer')], {
            routing: [{ when: { answered: { answer: 'later-answer' } }, goTo: { page: 'big' } }],
          }),
          { id: 'total', kind: 'calculatedSummary', title: 'Total', answers: ['spend-answer', 'save-answer'] },
          {
            id: 'check',
            kind: 'confirmation',
            question: question('check-q', [radio('check-answer', ['yes', 'no'])]),
            confirmValue: 'yes',
            rejectGoTo: 'spend',
          },
          questionPage('big', [answer('big-answer')], { skipWhen: { '<': [{ calculated: 'total' }, 100] } }),
          questionPage('wales', [answer('wales-answer')], { skipWhen: { '!=': [{ metadata: 'region' }, 'wales'] } }),
          questionPage('anon', [answer('anon-answer')], { skipWhen: { in: ['Anon', { itemLabels: 'people' }] } }),
          questionPage('everyone', [answer('everyone-answer')], {
            skipWhen: { '==': [{ sectionStatus: 'individual' }, 'completed'] },
          }),
          questionPage('detail', [answer('detail-answer')], { skipWhen: { '==': [{ answer: 'start-other' }, 'x'] } }),
          questionPage('pets-check', [answer('pets-check-answer')], {
            skipWhen: { '<': [{ listCount: 'people' }, { listCount: 'pets' }] },
          }),
        ],
        { enabledWhen: { '!=': [{ metadata: 'region' }, 'england'] }, summary: true },
      ),
      section(
        'later',
        [
          questionPage('later', [answer('later-answer'), answer('when', 'date')], {
            skipWhen: { '==': [{ answer: 'start-answer' }, 'skip'] },
          }),
          questionPage('soon', [answer('soon-answer')], {
            skipWhen: { '<': [{ date: { answer: 'when' }, offset: { days: 7 } }, { date: 'today' }] },
          }),
          questionPage('after-big', [answer('after-big-answer')], { skipWhen: { answered: { answer: 'big-answer' } } }),
        ],
        {
          enabledWhen: {
            and: [{ '>': [{ listCount: 'people' }, 1] }, { '!=': [{ sectionStatus: 'household' }, 'notStarted'] }],
          },
        },
      ),
    ],
  });
}
