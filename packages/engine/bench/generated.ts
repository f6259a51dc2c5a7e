/**
 * A large business-survey-like questionnaire for timing the static checks: `pages` question pages
 * in sections of 30, in English and Welsh, with the features the checks look into: skip
 * conditions and routing on earlier answers, piped answers, bounds that refer to other answers,
 * totals, detail answers and a calculated summary per section. A plain document, as checkQuestionnaire takes it.
 */
export function generatedQuestionnaire(pages: number): unknown {
  const perSection = 30;
  const sections = Array.from({ length: Math.ceil(pages / perSection) }, (_, s) => {
    const count = Math.min(perSection, pages - s * perSection);
    return section(s, count);
  });
  return {
    formatVersion: 1,
    id: 'generated',
    title: { en: 'Generated survey', cy: 'Arolwg wedi’i gynhyrchu' },
    languages: ['en', 'cy'],
    flow: { type: 'linear' },
    metadata: [{ name: 'ru_name', type: 'string' }],
    placeholders: {
      ru_name: { value: { metadata: 'ru_name' } },
      first_total: { value: { answer: 's0-p0-amount' }, format: { type: 'currency', currency: 'GBP' } },
    },
    sections,
  };
}

const text = (en: string) => ({ en, cy: `${en} (cy)` });

function section(s: number, count: number) {
  const ids = Array.from({ length: count }, (_, p) => `s${s}-p${p}`);
  const questionPages = ids.map((id, p) => page(id, p, ids));
  const summary = {
    id: `s${s}-total`,
    kind: 'calculatedSummary',
    title: text(`Check the amounts of section ${s + 1}`),
    answers: ids.filter((_, p) => p % 3 === 0).map((id) => `${id}-amount`),
    totalLabel: text('Total'),
  };
  return { id: `s${s}`, title: text(`Section ${s + 1}`), summary: true, pages: [...questionPages, summary] };
}

function page(id: string, p: number, ids: string[]) {
  const previous = ids[p - 1];
  const kind = p % 3;
  const skipWhen =
    previous !== undefined && p % 6 === 2 ? { skipWhen: { '==': [{ answer: `${previous}-choice` }, 'none'] } } : {};
  const target = ids[p + 2];
  const routing =
    kind === 1 && target !== undefined
      ? { routing: [{ when: { '==': [{ answer: `${id}-choice` }, 'none'] }, goTo: { page: target } }] }
      : {};
  return { id, kind: 'question', ...skipWhen, ...routing, question: question(id, kind, previous) };
}

function question(id: string, kind: number, previous: string | undefined) {
  // The first section asks the amount that later titles pipe.
  const title = text(id.startsWith('s0-') ? `Question ${id} for {ru_name}` : `Question ${id}: you spent {first_total}`);
  if (kind === 0) {
    const amount = {
      id: `${id}-amount`,
      type: 'currency',
      label: text('Amount'),
      qCode: `${id}-a`,
      currency: 'GBP',
      decimalPlaces: 2,
      mandatory: true,
      min: { value: 0 },
      max: { value: 1_000_000 },
    };
    const part = {
      id: `${id}-part`,
      type: 'currency',
      label: text('Of which exports'),
      qCode: `${id}-b`,
      currency: 'GBP',
    };
    const totals = [{ total: { answer: `${id}-amount` }, mustBe: 'lessThanOrEqual', answers: [`${id}-part`] }];
    return { id: `${id}-q`, title, answers: [amount, part], totals };
  }
  if (kind === 1) {
    const options = ['some', 'most', 'none'].map((value) => ({ value, label: text(value) }));
    const other = { value: 'other', label: text('Other'), detailAnswer: detail(id) };
    return {
      id: `${id}-q`,
      title,
      answers: [
        { id: `${id}-choice`, type: 'radio', label: text('Choice'), qCode: `${id}-c`, options: [...options, other] },
      ],
    };
  }
  const since = previous === undefined ? {} : { min: { value: { date: 'today', offset: { years: -50 } } } };
  return {
    id: `${id}-q`,
    title,
    answers: [
      {
        id: `${id}-date`,
        type: 'date',
        label: text('Date'),
        qCode: `${id}-d`,
        ...since,
        max: { value: { date: 'today' } },
      },
      { id: `${id}-note`, type: 'textarea', label: text('Comments'), qCode: `${id}-n`, maxLength: 500 },
    ],
  };
}

function detail(id: string) {
  return { id: `${id}-other`, type: 'text', label: text('Describe it'), qCode: `${id}-o` };
}
