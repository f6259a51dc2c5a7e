import type { Answer, DetailAnswer, MetadataDefinition, Questionnaire } from '@eq/schema';
import fc from 'fast-check';
import { compile } from '../compile.ts';
import { pageKey } from '../location.ts';
import type { ListState, ResponseState } from '../state.ts';

type AnyAnswer = Answer | DetailAnswer;

export interface RandomStateOptions {
  /** Item ids that lists and item answers draw from; default a, b, c and d. */
  items?: string[];
  /** Also use item ids a normalised state never holds (`__proto__`, `bad id`); default false. */
  hostileIds?: boolean;
}

/** Item ids that never belong to any list. */
const STRAY_ITEMS = ['ghost', 'zz9'];
const HOSTILE_IDS = ['__proto__', 'constructor', 'bad id', ''];
const UNKNOWN_ANSWERS = ['unknown-answer', 'constructor', 'toString', '__proto__', 'hasOwnProperty'];

/** A record with its keys as own properties, `__proto__` included (a plain assignment would set the prototype). */
function ownRecord<T>(entries: readonly ([string, T] | null)[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const entry of entries) {
    if (entry)
      Object.defineProperty(out, entry[0], { value: entry[1], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The arbitrary's value with the given probability, else null. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, probability: number): fc.Arbitrary<T | null> {
  const weight = Math.round(probability * 100);
  return fc.oneof({ weight, arbitrary }, { weight: 100 - weight, arbitrary: fc.constant(null) });
}

/** Values that have broken parsers, renderers and prototypes before. */
const hostile: fc.Arbitrary<unknown> = fc.constantFrom(
  undefined,
  null,
  '',
  ' ',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '{address}',
  '2024-02-30',
  '0000-01-01',
  '9999-12-31',
  'x'.repeat(2000),
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1e308,
  [],
  [null],
  {},
  JSON.parse('{"__proto__": {"polluted": true}, "years": 1}'),
  { line1: 1, town: [], postcode: {} },
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -5, max: 5000 }),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

const isoDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A value `readAnswer` accepts for the answer (bounds, patterns and lengths aside). */
export function validValue(answer: AnyAnswer): fc.Arbitrary<unknown> {
  switch (answer.type) {
    case 'text':
    case 'textarea':
      return fc.string({ minLength: 1, maxLength: 12 });
    case 'email':
      return fc.constantFrom('a@example.com', 'anwen.jones@example.co.uk');
    case 'mobile':
      return fc.constantFrom('07700900123', '07700900999');
    case 'postcode':
      return fc.constantFrom('CF10 1AA', 'SW1A 2AA');
    case 'radio':
    case 'dropdown':
      return fc.constantFrom(...answer.options.map((o) => o.value));
    case 'checkbox':
      return fc.subarray(
        answer.options.map((o) => o.value),
        { minLength: 1 },
      );
    case 'number':
    case 'currency':
    case 'percentage':
    case 'unit':
      return fc.oneof(fc.integer({ min: -100, max: 200 }), fc.double({ min: -1e6, max: 1e9, noNaN: true }));
    case 'date':
      return isoDay;
    case 'monthYear':
      return isoDay.map((d) => d.slice(0, 7));
    case 'year':
      return fc.integer({ min: 1900, max: 2040 });
    case 'duration':
      return fc.record({ years: fc.nat(90), months: fc.nat(11) }, { requiredKeys: ['years'] });
    case 'address':
      return fc.record(
        {
          line1: fc.string({ minLength: 1 }),
          line2: fc.string(),
          town: fc.string({ minLength: 1 }),
          postcode: fc.constant('CF10 1AA'),
        },
        { requiredKeys: ['line1', 'town', 'postcode'] },
      );
  }
}

/** Any stored value of an answer: mostly valid, sometimes of the wrong type or hostile. */
export function anyValue(answer: AnyAnswer): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: validValue(answer) },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: hostile },
  );
}

/**
 * Random response states over a questionnaire, not necessarily reachable by answering it: each
 * answer valid, missing, wrong-typed or hostile, stored at the top level or per item (whichever
 * its scope, and sometimes the other); relationships towards random items; lists of random
 * items, with or without a primary item; random completed locations; random metadata; answers
 * and lists the questionnaire does not define.
 */
export function anyResponseState(q: Questionnaire, options: RandomStateOptions = {}): fc.Arbitrary<ResponseState> {
  const compiled = compile(q);
  const items = options.items ?? ['a', 'b', 'c', 'd'];
  const itemIds = [...items, ...(options.hostileIds ? HOSTILE_IDS : [])];
  const anyItem = fc.constantFrom(...itemIds, ...STRAY_ITEMS);
  const infos = [...compiled.answers.values()];
  const values = (scoped: boolean): fc.Arbitrary<Record<string, unknown>> => {
    const entries = infos.map((info) => {
      const value = anyValue(info.answer);
      const stored = info.relationship ? fc.dictionary(anyItem, value, { maxKeys: 3 }) : value;
      // Answers asked outside this scope now and then turn up in it too.
      return sometimes(
        stored.map((v): [string, unknown] => [info.answer.id, v]),
        !!info.list === scoped ? 0.6 : 0.05,
      );
    });
    const unknown = fc
      .subarray(UNKNOWN_ANSWERS, { maxLength: 2 })
      .chain((ids) => fc.tuple(...ids.map((id) => wrongType.map((v): [string, unknown] => [id, v]))));
    return fc.tuple(fc.tuple(...entries), unknown).map(([known, extra]) => ownRecord([...known, ...extra]));
  };
  // Half the lists have no primary item; the others mostly their first item, now and then their
  // last one (a store moves the primary item first) or an item not in the list at all.
  const list: fc.Arbitrary<ListState> = fc
    .tuple(fc.uniqueArray(fc.constantFrom(...itemIds), { maxLength: items.length }), fc.nat(9), anyItem)
    .map(([members, roll, stray]) => {
      if (roll < 5 || members[0] === undefined) return { items: members };
      return { items: members, primary: roll < 8 ? members[0] : roll < 9 ? (members.at(-1) ?? stray) : stray };
    });
  const listIds = [...compiled.lists.keys(), 'unknown-list'];
  const keys = completedKeys(q, itemIds);
  return fc.record({
    answers: values(false),
    itemAnswers: fc
      .uniqueArray(anyItem, { maxLength: itemIds.length })
      .chain((ids) => fc.tuple(...ids.map((id) => values(true).map((v): [string, typeof v] => [id, v]))))
      .map(ownRecord),
    lists: fc
      .tuple(
        ...listIds.map((id) =>
          sometimes(
            list.map((l): [string, ListState] => [id, l]),
            0.8,
          ),
        ),
      )
      .map(ownRecord),
    completed: fc.oneof(
      fc.subarray(keys),
      fc.subarray(keys, { maxLength: 6 }).map((left) => keys.filter((k) => !left.includes(k))),
    ),
    metadata: metadataOf(q.metadata ?? []),
  });
}

/** Keys of every location the questionnaire could have, for items and pairs of items, and some that it cannot. */
function completedKeys(q: Questionnaire, items: string[]): string[] {
  const compiled = compile(q);
  const keys = ['hub', 'summary', 'no-such-page', 'no-such-page@a', '@', '>'];
  for (const id of compiled.pages.keys()) {
    keys.push(id);
    for (const item of items) {
      keys.push(pageKey(id, item));
      for (const to of items) if (to !== item) keys.push(pageKey(id, item, to));
    }
  }
  for (const id of compiled.sections.keys()) {
    keys.push(`section:${id}`, ...items.map((item) => `section:${id}@${item}`));
  }
  return keys;
}

function metadataOf(definitions: MetadataDefinition[]): fc.Arbitrary<Record<string, unknown>> {
  const valid = (d: MetadataDefinition): fc.Arbitrary<unknown> =>
    d.type === 'string'
      ? fc.string({ maxLength: 10 })
      : d.type === 'number'
        ? fc.integer({ min: -5, max: 1000 })
        : d.type === 'boolean'
          ? fc.boolean()
          : isoDay;
  const entries = definitions.map((d) =>
    sometimes(
      fc.oneof({ weight: 4, arbitrary: valid(d) }, wrongType).map((v): [string, unknown] => [d.name, v]),
      0.8,
    ),
  );
  const unknown = sometimes(
    wrongType.map((v): [string, unknown] => ['unknown_metadata', v]),
    0.2,
  );
  return fc.tuple(fc.tuple(...entries), unknown).map(([known, extra]) => ownRecord([...known, extra]));
}
