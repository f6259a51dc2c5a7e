import { Questionnaire } from '@eq/schema';

/**
 * Builders of small questionnaires for tests, so that each test shows only what matters to it.
 * An id doubles as its label, title and qCode; a page `p` asks question `p-q`, and a page acting on
 * a choice asks one yes/no radio answer `p-answer`.
 */
export type Json = Record<string, unknown>;

export function options(...values: string[]): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: value }));
}

export function answer(id: string, type = 'number', extra: Json = {}): Json {
  return { id, type, label: id, qCode: id, ...extra };
}

export function radio(id: string, values: string[], extra: Json = {}): Json {
  return answer(id, 'radio', { options: options(...values), ...extra });
}

export function question(id: string, answers: Json[], extra: Json = {}): Json {
  return { id, title: id, answers, ...extra };
}

/** The question of a page that acts on a choice: `<id>-q` asking the radio answer `<id>-answer`, yes or no. */
function choice(id: string): Json {
  return question(`${id}-q`, [radio(`${id}-answer`, ['yes', 'no'])]);
}

export function questionPage(id: string, answers: Json[], extra: Json = {}): Json {
  return { id, kind: 'question', question: question(`${id}-q`, answers), ...extra };
}

export function contentPage(id: string, extra: Json = {}): Json {
  return { id, kind: 'content', title: id, ...extra };
}

/**
 * A list collector for `list`: yes to `<id>-answer` adds an item, the item page `<id>-item` asks
 * `itemAnswers` (by default the text answer `name`, which labels the item) and yes to
 * `<id>-remove-answer` on the remove page `<id>-remove` removes it.
 */
export function listCollector(
  id: string,
  list: string,
  extra: Json = {},
  itemAnswers: Json[] = [answer('name', 'text')],
): Json {
  return {
    id,
    kind: 'listCollector',
    list,
    itemLabel: { answer: 'name' },
    question: choice(id),
    addValue: 'yes',
    itemPage: { id: `${id}-item`, question: question(`${id}-item-q`, itemAnswers) },
    removePage: { id: `${id}-remove`, question: choice(`${id}-remove`) },
    removeValue: 'yes',
    ...extra,
  };
}

/** Yes to `<id>-answer` makes the respondent the primary item of `list`. */
export function primaryPerson(id: string, list: string, extra: Json = {}): Json {
  return { id, kind: 'primaryPerson', list, question: choice(id), addValue: 'yes', ...extra };
}

/** Asks the radio answer `relationship` for each pair of items of `list`. */
export function relationshipsPage(id: string, list: string, extra: Json = {}): Json {
  const answers = [radio('relationship', ['partner', 'child', 'other'])];
  return { id, kind: 'relationships', list, question: question(`${id}-q`, answers), ...extra };
}

export function section(id: string, pages: Json[], extra: Json = {}): Json {
  return { id, title: id, pages, ...extra };
}

/** A questionnaire's fields: `sections`, or the `pages` of its one section `s`, and any field to set or replace. */
export interface QuestionnaireFields extends Json {
  pages?: Json[];
  sections?: Json[];
}

/** A linear, English questionnaire document as written, not checked against the schema (it may be invalid on purpose). */
export function questionnaireJson({ pages, sections, ...fields }: QuestionnaireFields = {}): Json {
  return {
    formatVersion: 1,
    id: 'test',
    title: 'Test',
    languages: ['en'],
    flow: { type: 'linear' },
    sections: sections ?? [section('s', pages ?? [contentPage('p')])],
    ...fields,
  };
}

/** A questionnaire as `questionnaireJson` writes it, parsed: a document the schema refuses fails the test. */
export function questionnaire(fields: QuestionnaireFields = {}): Questionnaire {
  const parsed = Questionnaire.safeParse(questionnaireJson(fields));
  if (!parsed.success) throw new Error(`test questionnaire does not match the schema: ${parsed.error.message}`);
  return parsed.data;
}
