/**
 * A bilingual household questionnaire using every feature the checks look at, written to pass
 * them all: the checks' tests use it to show they raise nothing on a correct questionnaire.
 */
const t = (en: string, cy: string) => ({ en, cy });

const yesNo = () => [
  { value: 'yes', label: t('Yes', 'Ie') },
  { value: 'no', label: t('No', 'Na') },
];

const radio = (id: string) => ({ id, type: 'radio', label: t('Choose', 'Dewiswch'), qCode: id, options: yesNo() });

export function householdSurvey(): Record<string, unknown> {
  return {
    formatVersion: 1,
    id: 'household',
    title: t('Household survey', 'Arolwg cartref'),
    languages: ['en', 'cy'],
    flow: { type: 'hub', requiredSections: ['people'] },
    metadata: [
      { name: 'ru_name', type: 'string' },
      { name: 'period_start', type: 'date' },
    ],
    placeholders: {
      person_name: { value: { itemLabel: 'current' } },
      other_name: { value: { itemLabel: 'to' } },
      company: { value: { metadata: 'ru_name' } },
      start: { value: { metadata: 'period_start' }, format: { type: 'date' } },
      people_count: {
        plural: {
          count: { listCount: 'people' },
          forms: {
            en: { one: '{count} person', other: '{count} people' },
            cy: { one: '{count} person', other: '{count} o bobl' },
          },
        },
      },
      total_spend: { value: { calculated: 'spend-total' }, format: { type: 'currency', currency: 'GBP' } },
    },
    introduction: { title: t('About {company}', 'Am {company}') },
    sections: [
      {
        id: 'people',
        title: t('People', 'Pobl'),
        pages: [
          {
            id: 'you-live-here',
            kind: 'primaryPerson',
            list: 'people',
            question: {
              id: 'you-live-here-q',
              title: t('Do you live here?', 'Ydych chi’n byw yma?'),
              answers: [radio('you-live-here-answer')],
            },
            addValue: 'yes',
          },
          {
            id: 'people-collector',
            kind: 'listCollector',
            list: 'people',
            title: t('{people_count} so far', '{people_count} hyd yma'),
            itemLabel: { concat: [{ answer: 'first-name' }, { answer: 'last-name' }] },
            question: {
              id: 'anyone-else-q',
              title: t('Does anyone else live here?', 'Oes unrhyw un arall?'),
              answers: [radio('anyone-else')],
            },
            addValue: 'yes',
            itemPage: {
              id: 'person',
              question: {
                id: 'person-q',
                title: t('Who lives here?', 'Pwy sy’n byw yma?'),
                answers: [
                  { id: 'first-name', type: 'text', label: t('First name', 'Enw cyntaf'), qCode: '1', mandatory: true },
                  { id: 'last-name', type: 'text', label: t('Last name', 'Cyfenw'), qCode: '2' },
                ],
              },
            },
            removePage: {
              id: 'remove-person',
              question: {
                id: 'remove-person-q',
                title: t('Remove {person_name}?', 'Dileu {person_name}?'),
                answers: [radio('remove-person-answer')],
              },
            },
            removeValue: 'yes',
            minItems: 1,
            maxItems: 20,
          },
          {
            id: 'relationships',
            kind: 'relationships',
            list: 'people',
            question: {
              id: 'relationship-q',
              title: t('{other_name} is {person_name}’s…', 'Mae {other_name} yn … i {person_name}'),
              answers: [
                {
                  id: 'relationship',
                  type: 'radio',
                  label: t('Relationship', 'Perthynas'),
                  qCode: '3',
                  options: [
                    { value: 'partner', label: t('Partner', 'Partner') },
                    { value: 'child', label: t('Child', 'Plentyn') },
                  ],
                },
              ],
            },
          },
        ],
      },
      {
        id: 'individual',
        title: t('Individual', 'Unigol'),
        repeat: { list: 'people', title: t('{person_name}', '{person_name}') },
        enabledWhen: { '>': [{ listCount: 'people' }, 0] },
        pages: [
          {
            id: 'dob',
            kind: 'question',
            question: {
              id: 'dob-q',
              title: t('What is {person_name}’s date of birth?', 'Beth yw dyddiad geni {person_name}?'),
              answers: [
                {
                  id: 'date-of-birth',
                  type: 'date',
                  label: t('Date of birth', 'Dyddiad geni'),
                  qCode: '4',
                  min: { value: '1900-01-01' },
                  max: { value: { date: 'today' } },
                },
              ],
            },
            routing: [{ when: { '<': [{ age: { answer: 'date-of-birth' } }, 16] }, goTo: { end: 'section' } }],
          },
          {
            id: 'job',
            kind: 'question',
            skipWhen: { unanswered: { answer: 'date-of-birth' } },
            question: {
              id: 'job-q',
              title: t('Does {person_name} have a job?', 'Oes gan {person_name} swydd?'),
              answers: [radio('has-job')],
            },
            variants: [
              {
                when: { isPrimary: 'current' },
                question: {
                  id: 'job-q',
                  title: t('Do you have a job?', 'Oes gennych chi swydd?'),
                  answers: [radio('has-job')],
                },
              },
            ],
          },
        ],
      },
      {
        id: 'spending',
        title: t('Spending', 'Gwario'),
        enabledWhen: { '==': [{ sectionStatus: 'people' }, 'completed'] },
        pages: [
          {
            id: 'spend',
            kind: 'question',
            question: {
              id: 'spend-q',
              title: t('What did {company} spend since {start}?', 'Beth wnaeth {company} wario ers {start}?'),
              answers: [
                {
                  id: 'food',
                  type: 'currency',
                  label: t('Food', 'Bwyd'),
                  qCode: '5',
                  min: { value: 0 },
                  max: { value: 100000 },
                },
                { id: 'fuel', type: 'currency', label: t('Fuel', 'Tanwydd'), qCode: '6' },
                {
                  id: 'none',
                  type: 'checkbox',
                  label: t('None', 'Dim'),
                  qCode: '7',
                  options: [{ value: 'none', label: t('Nothing spent', 'Dim wedi’i wario') }],
                },
              ],
              exclusiveAnswer: 'none',
              totals: [{ mustBe: 'lessThanOrEqual', total: 200000 }],
            },
          },
          {
            id: 'spend-total',
            kind: 'calculatedSummary',
            title: t('Total spend: {total_spend}', 'Cyfanswm: {total_spend}'),
            answers: ['food', 'fuel'],
          },
          {
            id: 'confirm-spend',
            kind: 'confirmation',
            question: {
              id: 'confirm-spend-q',
              title: t('Is {total_spend} right?', 'Ydy {total_spend} yn iawn?'),
              answers: [radio('spend-right')],
            },
            confirmValue: 'yes',
            rejectGoTo: 'spend',
          },
          {
            id: 'colour',
            kind: 'question',
            question: {
              id: 'colour-q',
              title: t('Favourite colour?', 'Hoff liw?'),
              answers: [
                {
                  id: 'colour',
                  type: 'checkbox',
                  label: t('Colour', 'Lliw'),
                  qCode: '8',
                  options: [
                    { value: 'red', label: t('Red', 'Coch') },
                    {
                      value: 'other',
                      label: t('Other', 'Arall'),
                      detailAnswer: {
                        id: 'colour-other',
                        type: 'text',
                        label: t('Which?', 'Pa un?'),
                        qCode: '9',
                        pattern: { regex: '[a-z ]+' },
                      },
                    },
                  ],
                },
              ],
            },
            routing: [
              { when: { 'any-in': [{ answer: 'colour' }, ['red']] }, goTo: { page: 'thanks' } },
              { goTo: { end: 'section' } },
            ],
          },
          { id: 'thanks', kind: 'content', title: t('Thank you, {company}', 'Diolch, {company}') },
        ],
      },
    ],
  };
}
