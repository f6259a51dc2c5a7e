/**
 * A business-survey-sized questionnaire for the save benchmark: `pages` pages in sections of 25, in
 * English and Welsh, cycling through every kind of answer, with guidance, bounds, skip conditions
 * and routing on earlier answers, as an editor's real draft would have. A plain JSON document.
 */
export function largeQuestionnaire(pages: number): Record<string, unknown> {
  const perSection = 25;
  const sections = Array.from({ length: Math.ceil(pages / perSection) }, (_, s) =>
    section(s, Math.min(perSection, pages - s * perSection)),
  );
  return {
    formatVersion: 1,
    id: `large-${pages}`,
    title: text(`Quarterly business survey (${pages} pages)`),
    description: text('Tell us about your business in the last quarter.'),
    surveyId: '139',
    languages: ['en', 'cy'],
    flow: { type: 'linear' },
    metadata: [
      { name: 'ru_name', type: 'string' },
      { name: 'period_start', type: 'date' },
    ],
    sections,
  };
}

const text = (en: string) => ({ en, cy: `${en} (yn Gymraeg)` });

function section(s: number, count: number) {
  const ids = Array.from({ length: count }, (_, p) => `s${s}-p${p}`);
  return { id: `s${s}`, title: text(`Part ${s + 1}`), summary: true, pages: ids.map((id, p) => page(id, p, ids)) };
}

/** Each page asks one kind of answer; a page after a radio question is skipped on its "none". */
function page(id: string, p: number, ids: string[]) {
  const kind = KINDS[p % KINDS.length] as Kind;
  if (kind === 'content') {
    return { id, kind: 'content', title: text(`About part ${id}`), contents: [{ description: text(LOREM) }] };
  }
  const previous = ids[p - 1];
  const afterChoice = previous !== undefined && KINDS[(p - 1) % KINDS.length] === 'radio';
  const skip = afterChoice ? { skipWhen: { '==': [{ answer: `${previous}-answer` }, 'none'] } } : {};
  const target = ids[p + 3];
  const routing =
    kind === 'radio' && target !== undefined
      ? { routing: [{ when: { '==': [{ answer: `${id}-answer` }, 'most'] }, goTo: { page: target } }] }
      : {};
  return {
    id,
    kind: 'question',
    ...skip,
    ...routing,
    question: {
      id: `${id}-q`,
      title: text(`Question ${id}: ${TITLES[kind]}`),
      description: text('Include all sites in the United Kingdom.'),
      guidance: [{ title: text('Include'), list: [text('full-time staff'), text('part-time staff')] }],
      answers: [answer(id, kind)],
    },
  };
}

const KINDS = [
  'number',
  'currency',
  'radio',
  'percentage',
  'text',
  'date',
  'checkbox',
  'unit',
  'textarea',
  'dropdown',
  'monthYear',
  'year',
  'duration',
  'email',
  'mobile',
  'postcode',
  'address',
  'content',
] as const;
type Kind = (typeof KINDS)[number];

const TITLES: Record<Kind, string> = {
  number: 'how many people did you employ?',
  currency: 'what was your turnover?',
  radio: 'how much of it was exported?',
  percentage: 'what share was online?',
  text: 'what is your trading name?',
  date: 'when did the period start?',
  checkbox: 'which of these did you sell?',
  unit: 'how much floor space do you use?',
  textarea: 'describe any changes',
  dropdown: 'which region is your head office in?',
  monthYear: 'when did you start trading?',
  year: 'which year was your last audit?',
  duration: 'how long have you held your lease?',
  email: 'what is your email address?',
  mobile: 'what is your mobile number?',
  postcode: 'what is your postcode?',
  address: 'what is your address?',
  content: '',
};

const LOREM =
  'The figures you give help us to measure the economy. Use your best estimate if you do not have exact figures.';

const options = (...values: string[]) => values.map((value) => ({ value, label: text(value) }));

function answer(id: string, kind: Kind) {
  const base = {
    id: `${id}-answer`,
    type: kind,
    label: text(TITLES[kind]),
    qCode: `${id}-a`,
    mandatory: kind !== 'textarea',
  };
  switch (kind) {
    case 'number':
      return { ...base, min: { value: 0 }, max: { value: 100_000, message: text('Enter a smaller number') } };
    case 'currency':
      return { ...base, currency: 'GBP', decimalPlaces: 2, min: { value: 0 } };
    case 'percentage':
      return { ...base, min: { value: 0 }, max: { value: 100 } };
    case 'unit':
      return { ...base, unit: 'square-meter', unitLength: 'short', min: { value: 0 } };
    case 'radio':
      return { ...base, options: options('all', 'most', 'some', 'none') };
    case 'checkbox':
      return { ...base, options: options('goods', 'services', 'software', 'other') };
    case 'dropdown':
      return { ...base, options: options('north-east', 'north-west', 'london', 'wales', 'scotland') };
    case 'text':
      return { ...base, maxLength: 100 };
    case 'textarea':
      return { ...base, maxLength: 2000, rows: 6 };
    case 'date':
      return { ...base, min: { value: { date: 'today', offset: { years: -5 } } }, max: { value: { date: 'today' } } };
    case 'duration':
      return { ...base, units: ['years', 'months'], max: { years: 99 } };
    default:
      return base;
  }
}
