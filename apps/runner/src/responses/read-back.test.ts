import { createRequire } from 'node:module';
import { emptyState, type ResponseState } from '@eq/engine';
import { answerAll, dice, mulberry32 } from '@eq/engine/testing';
import { Questionnaire } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { isoDateTime, readBackOf, readStoredResponse } from './read-back.ts';
import { samePlainValue } from './response-repository.ts';
import { parseStoredResponse, type StoredResponse } from './stored-response.ts';

const require = createRequire(import.meta.url);
const TODAY = '2025-06-01';
const EXAMPLES = ['census-household', 'business-survey', 'social-survey'].map((name) =>
  Questionnaire.parse(require(`@eq/schema/examples/${name}.json`)),
);

function record(state: ResponseState, fields: Partial<StoredResponse> = {}): StoredResponse {
  return {
    responseId: 'resp-0001',
    questionnaire: { slug: 'census-household', version: 3 },
    state,
    status: 'inProgress',
    language: 'en',
    respondentRef: '100000000001',
    startedAt: '2025-06-01T09:15:00.000Z',
    updatedAt: '2025-06-01T09:16:00.000Z',
    ...fields,
  };
}

/** What a save did before the walk, for every record: write the JSON, parse it back, keep the state object when it read back the same. */
function parsedBack(written: StoredResponse): StoredResponse | undefined {
  const stored = parseStoredResponse(JSON.stringify(written));
  if (stored && samePlainValue(stored.state, written.state)) stored.state = written.state;
  return stored;
}

/** The same record: equal values, keys in the same order, the same state object. */
function expectSameRecord(actual: StoredResponse | undefined, expected: StoredResponse | undefined): void {
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  expect(actual?.state).toBe(expected?.state);
}

/** States as respondents leave them: complete households of 1 to 5 and journeys stopped part way. */
function journeyStates(): ResponseState[] {
  const states: ResponseState[] = [];
  for (const q of EXAMPLES) {
    for (let seed = 1; seed <= 8; seed++) {
      states.push(answerAll(q, 1 + (seed % 5), { today: TODAY, seed }).state);
      states.push(answerAll(q, 3, { today: TODAY, seed, maxSteps: 5 + seed * 7 }).state);
    }
  }
  return states;
}
const STATES = journeyStates();
const CENSUS = answerAll(EXAMPLES[0] as Questionnaire, 3, { today: TODAY, seed: 3 }).state;
const [YOU, PARTNER] = CENSUS.lists.people?.items ?? [];
if (YOU === undefined || PARTNER === undefined) throw new Error('the census household has fewer than two people');

/** A copy of the census household with one answer set to `value` (any value, as a property of the object). */
function withAnswer(value: unknown, key = 'tenure'): ResponseState {
  const answers: Record<string, unknown> = { ...CENSUS.answers };
  Object.defineProperty(answers, key, { value, enumerable: true, writable: true, configurable: true });
  return { ...CENSUS, answers };
}

function withLists(people: unknown): ResponseState {
  return { ...CENSUS, lists: { ...CENSUS.lists, people } as ResponseState['lists'] };
}

class Person {
  constructor(readonly name: string) {}
}

/** Changes after which the record must be parsed: JSON or normaliseState would not give it back as it is, or the schema refuses it. */
const PARSED: [string, () => StoredResponse][] = [
  ['an undefined answer', () => record(withAnswer(undefined))],
  ['an undefined nested in an answer', () => record(withAnswer({ line1: 'x', town: undefined }))],
  ['a date', () => record(withAnswer(new Date(0)))],
  ['NaN', () => record(withAnswer(Number.NaN))],
  ['an infinity', () => record(withAnswer([Number.NEGATIVE_INFINITY]))],
  ['-0', () => record(withAnswer(-0))],
  ['a big integer', () => record(withAnswer(10n))],
  ['a class instance', () => record(withAnswer(new Person('Siân')))],
  ['a boxed string', () => record(withAnswer(new String('yes')))],
  ['a function', () => record(withAnswer(() => 'yes'))],
  ['a symbol', () => record(withAnswer(Symbol('yes')))],
  ['a sparse array', () => record(withAnswer(Object.assign(new Array<string>(3), { 0: 'a', 2: 'c' })))],
  ['an array with an undefined', () => record(withAnswer(['a', undefined]))],
  ['an array subclass', () => record(withAnswer(new (class extends Array {})()))],
  ['a toJSON method', () => record(withAnswer({ toJSON: () => 'yes' }))],
  [
    'a toJSON that is not enumerable',
    () => record(withAnswer(Object.defineProperty({ a: 1 }, 'toJSON', { value: () => 'yes', enumerable: false }))),
  ],
  ['a toJSON key, even one that is not a function', () => record(withAnswer({ toJSON: 'plain data' }))],
  ['a toJSON on the record', () => ({ ...record(CENSUS), toJSON: () => record(emptyState()) })],
  ['a __proto__ answer id', () => record(withAnswer('yes', '__proto__'))],
  ['a __proto__ key nested', () => record(withAnswer(JSON.parse('{"__proto__": {"polluted": true}}')))],
  [
    'item answers of an invalid item id',
    () => record({ ...CENSUS, itemAnswers: { ...CENSUS.itemAnswers, 'bad id': {} } }),
  ],
  [
    'item answers that are not an object',
    () => record({ ...CENSUS, itemAnswers: { [YOU as string]: [] as unknown as Record<string, unknown> } }),
  ],
  ['a list with an item twice', () => record(withLists({ items: [YOU, PARTNER, YOU] }))],
  ['a list with an invalid item id', () => record(withLists({ items: [YOU, 'not ok!'] }))],
  ['a primary item not first', () => record(withLists({ items: [PARTNER, YOU], primary: YOU }))],
  ['a primary item not in the list', () => record(withLists({ items: [PARTNER], primary: YOU }))],
  ['a primary item left undefined', () => record(withLists({ items: [YOU], primary: undefined }))],
  ['a primary key before the items', () => record(withLists({ primary: YOU, items: [YOU] }))],
  ['a list with a key of its own', () => record(withLists({ items: [YOU], colour: 'red' }))],
  [
    'a list with a key of its own and a primary item not enumerable',
    () => record(withLists(Object.defineProperty({ items: [YOU], colour: 'red' }, 'primary', { value: YOU }))),
  ],
  [
    'a list with a primary item and a key of its own',
    () => record(withLists({ items: [YOU], primary: YOU, colour: 'red' })),
  ],
  ['list items that are not an array', () => record(withLists({ items: { 0: YOU, length: 1 } }))],
  [
    'a completed key that is not a string',
    () => record({ ...CENSUS, completed: [...CENSUS.completed, 3] as string[] }),
  ],
  ['metadata with an undefined', () => record({ ...CENSUS, metadata: { ...CENSUS.metadata, region: undefined } })],
  ['answers that are an array', () => record({ ...CENSUS, answers: [] as unknown as Record<string, unknown> })],
  [
    'state keys in another order',
    () => record({ itemAnswers: {}, answers: {}, lists: {}, completed: [], metadata: {} }),
  ],
  ['a state key of its own', () => record({ ...CENSUS, notes: 'x' } as ResponseState)],
  ['a state key missing', () => record({ ...CENSUS, completed: undefined } as unknown as ResponseState)],
  ['a record key of its own', () => ({ ...record(CENSUS), colour: 'red' })],
  ['a questionnaire key of its own', () => record(CENSUS, { questionnaire: { slug: 's', version: 1, x: 1 } as never })],
  ['a version of -0', () => record(CENSUS, { questionnaire: { slug: 's', version: -0 } })],
  ['a negative version', () => record(CENSUS, { questionnaire: { slug: 's', version: -1 } })],
  ['a fractional version', () => record(CENSUS, { questionnaire: { slug: 's', version: 1.5 } })],
  ['a version past the safe integers', () => record(CENSUS, { questionnaire: { slug: 's', version: 2 ** 53 } })],
  ['an empty slug', () => record(CENSUS, { questionnaire: { slug: '', version: 1 } })],
  ['an empty response id', () => record(CENSUS, { responseId: '' })],
  ['a response id too long', () => record(CENSUS, { responseId: 'x'.repeat(101) })],
  ['an unknown status', () => record(CENSUS, { status: 'lost' as 'submitted' })],
  ['an empty language', () => record(CENSUS, { language: '' })],
  ['a respondent reference of null', () => record(CENSUS, { respondentRef: null as unknown as string })],
  ['a test flag that is a string', () => record(CENSUS, { test: 'yes' as unknown as boolean })],
  ['an empty submission id', () => record(CENSUS, { submissionId: '' })],
  ['a start that is not a date-time', () => record(CENSUS, { startedAt: 'a while ago' })],
  ['a start on a day that does not exist', () => record(CENSUS, { startedAt: '2025-02-29T09:15:00.000Z' })],
  ['a start as a Date', () => record(CENSUS, { startedAt: new Date(0) as unknown as string })],
  ['a date-time without milliseconds', () => record(CENSUS, { updatedAt: '2025-06-01T09:16:00Z' })],
  ['a date-time with an offset', () => record(CENSUS, { submittedAt: '2025-06-01T10:16:00.000+01:00' })],
  ['a date-time past the year 9999', () => record(CENSUS, { submittedAt: new Date(253402300800000).toISOString() })],
];

/** Records the walk takes as they are: JSON gives them back the same, or leaves out only what parsing leaves out too. */
const UNPARSED: [string, () => StoredResponse][] = [
  ['a census household', () => record(CENSUS)],
  ['an empty state', () => record(emptyState())],
  [
    'every optional field',
    () => record(CENSUS, { test: true, submittedAt: '2025-06-01T10:00:00.000Z', submissionId: 's1' }),
  ],
  ['optional fields left undefined', () => record(CENSUS, { respondentRef: undefined, submittedAt: undefined })],
  ['a submitted record', () => record(CENSUS, { status: 'submitted' })],
  ['a leap day in the year 0', () => record(CENSUS, { startedAt: '0000-02-29T00:00:00.000Z' })],
  ['the last moment of 9999', () => record(CENSUS, { updatedAt: '9999-12-31T23:59:59.999Z' })],
  ['the largest safe version', () => record(CENSUS, { questionnaire: { slug: 's', version: 2 ** 53 - 1 } })],
  ['a version of 0', () => record(CENSUS, { questionnaire: { slug: 's', version: 0 } })],
  ['a lone surrogate in a string', () => record(withAnswer('\ud800 and \udfff'))],
  ['control characters and quotes', () => record(withAnswer('\u0000\n"\\</script>'))],
  ['extreme numbers', () => record(withAnswer([1e308, 5e-324, -1e-7, 2 ** 53 + 2]))],
  ['nested arrays and objects', () => record(withAnswer({ a: [[], {}, [null, false, { b: 'c' }]] }))],
  ['an object without a prototype', () => record(withAnswer(Object.assign(Object.create(null), { town: 'Bangor' })))],
  ['a symbol key', () => record(withAnswer({ town: 'Bangor', [Symbol('note')]: 'left out by both' }))],
  ['a key that is not enumerable', () => record(withAnswer(Object.defineProperty({ a: 1 }, 'hidden', { value: 2 })))],
  ['an array with a property of its own', () => record(withAnswer(Object.assign(['a'], { note: 'left out' })))],
  ['a getter', () => record(withAnswer(Object.defineProperty({}, 'town', { get: () => 'Bangor', enumerable: true })))],
  ['item ids that look like numbers', () => record({ ...CENSUS, itemAnswers: { '12': { a: 1 }, '3': { b: 2 } } })],
  ['a list without a primary item', () => record(withLists({ items: [PARTNER, YOU] }))],
];

describe('readBackOf', () => {
  it('takes every respondent state of the examples as it is, as parsing its JSON back gives it', () => {
    for (const state of STATES) {
      const written = record(state);
      const readBack = readBackOf(written);
      expect(readBack).toBeDefined();
      expectSameRecord(readBack, parsedBack(written));
    }
  });

  it.each(PARSED)('leaves a record to be parsed: %s', (_, make) => {
    expect(readBackOf(make())).toBeUndefined();
  });

  it.each(UNPARSED)('takes a record as parsing it back would: %s', (_, make) => {
    const written = make();
    const readBack = readBackOf(written);
    expect(readBack).toBeDefined();
    expectSameRecord(readBack, parsedBack(written));
  });

  it('agrees with parsing on records changed in random ways, and takes many of them unparsed', () => {
    const changes = [...PARSED, ...UNPARSED];
    const roll = dice(mulberry32(20250601));
    let unparsed = 0;
    for (let run = 0; run < 400; run++) {
      // A journey state under a record made by one change, then another change's state under it.
      const base = (roll.pick(changes) as (typeof changes)[number])[1]();
      const state = roll.chance(0.5)
        ? (roll.pick(STATES) as ResponseState)
        : (roll.pick(changes) as (typeof changes)[number])[1]().state;
      const written = { ...base, state };
      let expected: StoredResponse | undefined;
      try {
        expected = parsedBack(written);
      } catch {
        continue; // JSON.stringify refuses it (a big integer): the walk is never asked.
      }
      const readBack = readBackOf(written);
      if (readBack === undefined) continue;
      unparsed += 1;
      expectSameRecord(readBack, expected);
    }
    expect(unparsed).toBeGreaterThan(100);
  });

  it('follows nesting as deep as a save has, and leaves deeper nesting to the parse without throwing', () => {
    const nest = (depth: number) => {
      let nested: unknown = 'deep';
      for (let i = 0; i < depth; i++) nested = i % 2 ? [nested] : { nested };
      return record(withAnswer(nested));
    };
    const deep = nest(1000);
    expectSameRecord(readBackOf(deep), parsedBack(deep));
    expect(readBackOf(nest(100_000))).toBeUndefined();
  });

  it('takes only date-times the schema takes, and every one a Date writes in the years 0000 to 9999', () => {
    const first = Date.parse('0000-01-01T00:00:00.000Z');
    const span = Date.parse('+010000-01-01T00:00:00.000Z') - first;
    const roll = mulberry32(7);
    for (let run = 0; run < 2000; run++) {
      // A tenth of them outside those years, whose texts have a sign and six digits.
      const text = new Date(Math.floor(first + (roll() * 1.1 - 0.05) * span)).toISOString();
      const written = record(CENSUS, { startedAt: text });
      const inRange = text.length === 24;
      expect(readBackOf(written) !== undefined).toBe(inRange);
      if (inRange) expect(parsedBack(written)).toBeDefined();
    }
  });
});

describe('isoDateTime', () => {
  /** What it stands for: a text that a Date parses from and writes back as it was, in the years 0000 to 9999. */
  const writtenByDate = (text: string) => {
    const time = Date.parse(text);
    return text.length === 24 && !Number.isNaN(time) && new Date(time).toISOString() === text;
  };

  it('takes exactly the texts a Date writes back as they are, whatever digits or characters are changed', () => {
    const first = Date.parse('0000-01-01T00:00:00.000Z');
    const span = Date.parse('+010000-01-01T00:00:00.000Z') - first;
    const roll = dice(mulberry32(20251126));
    const digitAt = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
    let taken = 0;
    for (let run = 0; run < 50_000; run++) {
      const chars = [...new Date(Math.floor(first + roll.next() * span)).toISOString()];
      for (let change = roll.int(0, 3); change > 0; change--) {
        const at = roll.chance(0.85) ? (roll.pick(digitAt) as number) : roll.int(0, 23);
        chars[at] = roll.chance(0.9) ? String(roll.int(0, 9)) : String.fromCharCode(roll.int(0x20, 0x7e));
      }
      const text = chars.join('');
      expect(isoDateTime(text), text).toBe(writtenByDate(text));
      if (writtenByDate(text)) taken += 1;
    }
    expect(taken).toBeGreaterThan(12_000);
  });

  it.each([
    ['2024-02-29T12:00:00.000Z', true],
    ['2000-02-29T12:00:00.000Z', true],
    ['0000-02-29T00:00:00.000Z', true],
    ['1900-02-29T12:00:00.000Z', false],
    ['2023-02-29T12:00:00.000Z', false],
    ['2025-04-31T12:00:00.000Z', false],
    ['2025-12-31T23:59:59.999Z', true],
    ['2025-13-01T00:00:00.000Z', false],
    ['2025-00-01T00:00:00.000Z', false],
    ['2025-01-00T00:00:00.000Z', false],
    ['2025-01-32T00:00:00.000Z', false],
    ['2025-01-01T24:00:00.000Z', false],
    ['2025-01-01T23:60:00.000Z', false],
    ['2025-01-01T23:59:60.000Z', false],
    ['2025-01-01t00:00:00.000Z', false],
    ['2025-01-01T00:00:00.000z', false],
    ['2025-01-01 00:00:00.000Z', false],
    ['+25-01-01T00:00:00.000Z0', false],
    ['２025-01-01T00:00:00.000Z', false],
    ['2025-01-01T00:00:00.000+0', false],
    ['2025-01-01T00:00:00Z', false],
  ])('%s: %s', (text, taken) => {
    expect(isoDateTime(text)).toBe(taken);
    expect(writtenByDate(text)).toBe(taken);
  });

  it('takes only strings', () => {
    expect(isoDateTime(new Date(0))).toBe(false);
    expect(isoDateTime(Date.now())).toBe(false);
    expect(isoDateTime(undefined)).toBe(false);
  });
});

describe('readStoredResponse', () => {
  /** A stored text with some of the census record's JSON replaced. */
  const censusText = (replace: [string, string][] = []) =>
    replace.reduce((text, [from, to]) => text.replace(from, to), JSON.stringify(record(CENSUS)));

  it('reads every text as parsing it through the schema does, and a text this runner wrote without the schema', () => {
    const texts: string[] = [];
    for (const state of STATES) texts.push(JSON.stringify(record(state)));
    for (const [, make] of [...PARSED, ...UNPARSED]) {
      try {
        texts.push(JSON.stringify(make()));
      } catch {
        // a big integer: never stored
      }
    }
    texts.push(
      'not json',
      '',
      'null',
      '[]',
      '"record"',
      censusText([['"tenure":', '"zero":-0,"tenure":']]),
      censusText([['"tenure":', '"huge":1e400,"tenure":']]),
      censusText([['"tenure":', '"tenure":"owns","tenure":']]),
      censusText([['"tenure":', '"__proto__":{"polluted":true},"tenure":']]),
      censusText([['{"responseId"', '{"__proto__":{"status":"submitted"},"responseId"']]),
      censusText([['"status":"inProgress"', '"status":"inProgress","status":"lost"']]),
      censusText([['"completed":[', '"completed":[1,']]),
      censusText([['"version":3', '"version":3.0']]),
      censusText([['"version":3', '"version":-0']]),
    );
    for (const text of texts) {
      const read = readStoredResponse(text);
      const parsed = parseStoredResponse(text);
      expect(read).toStrictEqual(parsed);
      expect(JSON.stringify(read)).toBe(JSON.stringify(parsed));
    }
    for (const state of STATES) expect(readBackOf(JSON.parse(JSON.stringify(record(state))))).toBeDefined();
  });
});
