import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuestionnaire } from './check-questionnaire.ts';

/**
 * Questionnaires that match the schema but name ids at random from small pools, so that
 * references dangle, ids repeat and routes loop: every semantic check runs on odd input.
 */
const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const answerIds = pick('a1', 'a2', 'a3', 'a4', 'a5');
const pageIds = pick('p1', 'p2', 'p3', 'p4', 'p5', 'p6');
const sectionIds = pick('s1', 's2', 's3');
const lists = pick('people', 'pets');
const text = fc.oneof(
  pick('Title', 'Hello {name}', '{count} things', '{nope}'),
  fc.record({ en: pick('Hi {name}', 'Hi'), cy: pick('Helo', 'Helo {name}') }),
  fc.record({ cy: pick('Helo') }),
);
const literal = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  pick('red', 'x', '2020-01-01', '2020-02'),
  fc.boolean(),
  fc.constant(null),
);
const itemRef = pick('current', 'to', 'primary', 'all');

const { expression } = fc.letrec<{ expression: unknown }>((tie) => {
  const sub = tie('expression');
  const pair = fc.tuple(sub, sub);
  const answerRef = fc.record({ answer: answerIds, item: itemRef }, { requiredKeys: ['answer'] });
  return {
    expression: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      literal,
      fc.array(literal, { maxLength: 3 }),
      answerRef,
      fc.record({ metadata: pick('ru_name', 'start', 'nope') }),
      fc.record({ listCount: lists }),
      fc.record({ itemLabel: pick('current', 'to', 'primary') }),
      fc.record({ itemLabels: lists }),
      fc.record({ isPrimary: pick('current', 'to') }),
      fc.record({ calculated: pageIds }),
      fc.record({ sectionStatus: sectionIds }),
      fc.record({
        date: fc.oneof(fc.constant('today'), sub),
        offset: fc.record({ years: fc.integer({ min: -2, max: 2 }) }),
      }),
      fc.record({ age: sub }),
      fc.record({ count: sub }),
      fc.record({ sum: fc.array(sub, { minLength: 1, maxLength: 3 }) }),
      fc.record({ concat: fc.array(sub, { minLength: 1, maxLength: 3 }) }),
      fc.record({ first: fc.array(sub, { minLength: 1, maxLength: 3 }) }),
      fc.record({ and: fc.array(sub, { minLength: 1, maxLength: 3 }) }),
      fc.record({ or: fc.array(sub, { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: sub }),
      fc.record({ answered: answerRef }),
      ...(['==', '!=', '<', '>=', 'in', 'any-in', 'all-in'] as const).map((op) => fc.record({ [op]: pair })),
    ),
  };
});

const options = fc.array(
  fc.record(
    {
      value: pick('red', 'blue', 'yes', 'no'),
      label: text,
      exclusive: fc.boolean(),
      detailAnswer: fc.record({ id: answerIds, type: pick('text', 'number'), label: text, qCode: pick('q') }),
    },
    { requiredKeys: ['value', 'label'] },
  ),
  { minLength: 1, maxLength: 3 },
);
const bound = fc.record({ value: expression, exclusive: fc.boolean() }, { requiredKeys: ['value'] });
const answer = fc.oneof(
  fc.record({ id: answerIds, type: pick('radio', 'checkbox', 'dropdown'), label: text, qCode: pick('q'), options }),
  fc.record(
    {
      id: answerIds,
      type: pick('number', 'currency', 'date', 'year'),
      label: text,
      qCode: pick('q'),
      min: bound,
      max: bound,
    },
    { requiredKeys: ['id', 'type', 'label', 'qCode'] },
  ),
  fc.record({
    id: answerIds,
    type: pick('text'),
    label: text,
    qCode: pick('q'),
    pattern: fc.record({ regex: pick('[a-z]+', '[a-', 'a)|(b') }),
  }),
  fc.record({ id: answerIds, type: pick('duration', 'address', 'email'), label: text, qCode: pick('q') }),
);
const question = fc.record(
  {
    id: pick('q1', 'q2', 'q3'),
    title: text,
    answers: fc.array(answer, { minLength: 1, maxLength: 3 }),
    exclusiveAnswer: answerIds,
    totals: fc.array(
      fc.record({
        mustBe: pick('equal'),
        total: expression,
        answers: fc.array(answerIds, { minLength: 1, maxLength: 2 }),
      }),
      { maxLength: 1 },
    ),
  },
  { requiredKeys: ['id', 'title', 'answers'] },
);
const variants = fc.array(fc.record({ when: expression, question }), { maxLength: 2 });
const routing = fc.array(
  fc.record(
    {
      when: expression,
      goTo: fc.oneof(fc.record({ page: pageIds }), fc.record({ end: pick('section', 'questionnaire') })),
    },
    { requiredKeys: ['goTo'] },
  ),
  { minLength: 1, maxLength: 3 },
);
const base = { id: pageIds, skipWhen: expression, routing };
/** A page of a kind: `skipWhen`, `routing`, `variants` and `title` are left out at random. */
const pageOf = <T extends Record<string, fc.Arbitrary<unknown>>>(kind: string, model: T) =>
  fc.record(
    { ...base, kind: pick(kind), ...model },
    { requiredKeys: ['id', 'kind', ...Object.keys(model).filter((key) => key !== 'variants' && key !== 'title')] },
  );
const page = fc.oneof(
  pageOf('question', { question, variants }),
  pageOf('content', { title: text }),
  pageOf('listCollector', {
    list: lists,
    itemLabel: expression,
    question,
    variants,
    addValue: pick('yes', 'red'),
    itemPage: fc.record({ id: pageIds, question, variants }, { requiredKeys: ['id', 'question'] }),
    removePage: fc.record({ id: pageIds, question }),
    removeValue: pick('yes'),
    minItems: fc.integer({ min: 0, max: 3 }),
  }),
  pageOf('primaryPerson', { list: lists, question, addValue: pick('yes') }),
  pageOf('relationships', { list: lists, question }),
  pageOf('calculatedSummary', { title: text, answers: fc.array(answerIds, { minLength: 1, maxLength: 3 }) }),
  pageOf('confirmation', { question, confirmValue: pick('yes'), rejectGoTo: pageIds }),
);
const sectionArb = fc.record(
  {
    id: sectionIds,
    title: text,
    repeat: fc.record({ list: lists, title: text }),
    enabledWhen: expression,
    pages: fc.array(page, { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: ['id', 'title', 'pages'] },
);
const questionnaireArb = fc.record(
  {
    formatVersion: fc.constant(1),
    id: pick('fuzz'),
    title: text,
    languages: pick(['en'], ['en', 'cy']),
    flow: fc.oneof(
      fc.record({ type: pick('linear') }),
      fc.record({ type: pick('hub'), requiredSections: fc.array(sectionIds, { maxLength: 2 }) }),
    ),
    metadata: fc.array(
      fc.record({ name: pick('ru_name', 'start'), type: pick('string', 'date', 'number', 'boolean') }),
      { maxLength: 2 },
    ),
    placeholders: fc.dictionary(
      pick('name', 'count', 'spare'),
      fc.oneof(
        fc.record({ value: expression }),
        fc.record({
          plural: fc.record({
            count: expression,
            forms: fc.record({ en: fc.record({ other: pick('{count} x', '{name}') }) }),
          }),
        }),
      ),
    ),
    sections: fc.array(sectionArb, { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['formatVersion', 'id', 'title', 'languages', 'flow', 'sections'] },
);

/** The value a JSON pointer names, or undefined when it names nothing. */
function resolve(document: unknown, path: string): unknown {
  let value = document;
  for (const raw of path.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

describe('checks on schema-valid questionnaires with random references', () => {
  // 250 questionnaires take seconds of CPU: more than the default 5 s while every package's tests share the machine.
  it('never throw, and point every semantic problem at something in the document', { timeout: 30_000 }, () => {
    let checked = 0;
    fc.assert(
      fc.property(questionnaireArb, (input) => {
        const result = checkQuestionnaire(input);
        if (!result.questionnaire) return;
        checked++;
        for (const p of result.problems) {
          expect(p.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
          expect(resolve(input, p.path), `${p.code} at ${p.path}`).not.toBeUndefined();
        }
      }),
      { numRuns: 250 },
    );
    expect(checked).toBeGreaterThan(60);
  });
});
