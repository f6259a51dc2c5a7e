import { isItemId, type ListState } from '@eq/engine';
import {
  jsonOf,
  RESPONSE_ID_MAX_LENGTH,
  RESPONSE_STATUSES,
  type StoredResponse,
  storedResponseOf,
} from './stored-response.ts';

/**
 * The record a JSON text holds, as `parseStoredResponse` reads it. A record this runner wrote is
 * already as the schema reads it, so it is taken as JSON.parse gives it, without the schema's
 * walk and copies (`readBackOf`); any other goes through the schema.
 */
export function readStoredResponse(json: string): StoredResponse | undefined {
  const value = jsonOf(json);
  return readBackOf(value as StoredResponse) ?? storedResponseOf(value);
}

/**
 * The record that `parseStoredResponse(JSON.stringify(record))` gives, with the state object
 * `record` holds (as `serialise` keeps it when it reads back the same), worked out without
 * writing and parsing the JSON: when every field is already as the schema reads it back and the
 * state is plain JSON data that `normaliseState` would return unchanged, the record is its own
 * read-back. Undefined whenever that is not shown (a field the schema refuses, an `undefined`,
 * a date, a class instance, -0, a state the normalisation would change...): the caller then
 * parses, so every record is judged as before, only the common one without the parse.
 *
 * Call it with a value JSON.parse gave, or one `JSON.stringify` has written: either has no
 * cycles, and every value this walks is one the JSON was written from. Properties are read as
 * data, as JSON.stringify reads them; a getter or proxy answering differently each time it is
 * asked is beyond this, as it was beyond the comparison of the state read back with the one written.
 */
export function readBackOf(record: StoredResponse): StoredResponse | undefined {
  try {
    return ownReadBack(record);
  } catch {
    // Nesting deeper than this walk can follow (JSON's own limit is close, but depends on where
    // each is called from), or a getter that throws when read again: parsing decides.
    return undefined;
  }
}

function ownReadBack(record: StoredResponse): StoredResponse | undefined {
  if (!plainObject(record) || !Object.keys(record).every((key) => RECORD_KEYS.has(key))) return undefined;
  const { responseId, questionnaire, state, status, language, respondentRef, test } = record;
  const { startedAt, updatedAt, submittedAt, submissionId } = record;
  if (
    !(typeof responseId === 'string' && responseId.length >= 1 && responseId.length <= RESPONSE_ID_MAX_LENGTH) ||
    !plainObject(questionnaire) ||
    !Object.keys(questionnaire).every((key) => key === 'slug' || key === 'version') ||
    !RESPONSE_STATUSES.includes(status) ||
    !nonEmptyString(language) ||
    !(respondentRef === undefined || typeof respondentRef === 'string') ||
    !(test === undefined || typeof test === 'boolean') ||
    !isoDateTime(startedAt) ||
    !isoDateTime(updatedAt) ||
    !(submittedAt === undefined || isoDateTime(submittedAt)) ||
    !(submissionId === undefined || nonEmptyString(submissionId))
  )
    return undefined;
  const { slug, version } = questionnaire;
  if (!nonEmptyString(slug) || !(Number.isSafeInteger(version) && (version > 0 || Object.is(version, 0))))
    return undefined;
  if (!normalState(state)) return undefined;
  // The schema's fields in its order, the optional ones only when set: as parsing makes the record.
  return {
    responseId,
    questionnaire: { slug, version },
    state,
    status,
    language,
    ...(respondentRef === undefined ? {} : { respondentRef }),
    ...(test === undefined ? {} : { test }),
    startedAt,
    updatedAt,
    ...(submittedAt === undefined ? {} : { submittedAt }),
    ...(submissionId === undefined ? {} : { submissionId }),
  };
}

/** Every field of StoredResponse: any other would be written to the JSON and dropped reading it back. */
const RECORD_KEYS = new Set([
  'responseId',
  'questionnaire',
  'state',
  'status',
  'language',
  'respondentRef',
  'test',
  'startedAt',
  'updatedAt',
  'submittedAt',
  'submissionId',
]);

/** The keys of a state as `normaliseState` makes it, in its order. */
const STATE_KEYS = ['answers', 'itemAnswers', 'lists', 'completed', 'metadata'];

/**
 * Whether `normaliseState` of the state's JSON read back is the same plain value as the state:
 * the five keys in its order, valid unique item ids with the primary item first, nothing it drops,
 * and JSON data throughout.
 */
function normalState(state: unknown): boolean {
  if (!plainObject(state)) return false;
  const keys = Object.keys(state);
  if (keys.length !== STATE_KEYS.length || !STATE_KEYS.every((key, i) => keys[i] === key)) return false;
  const { answers, itemAnswers, lists, completed, metadata } = state as Record<string, unknown>;
  return (
    jsonRecord(answers) &&
    jsonRecord(metadata) &&
    plainArray(completed) &&
    everyElement(completed, (key) => typeof key === 'string') &&
    everyEntry(itemAnswers, (item, values) => isItemId(item) && jsonRecord(values)) &&
    everyEntry(lists, (_, list) => normalList(list))
  );
}

/** A list as `normaliseState` leaves it: `{ items }` or `{ items, primary }` with the primary item first. */
function normalList(list: unknown): boolean {
  if (!plainObject(list)) return false;
  const keys = Object.keys(list);
  const { items, primary } = list as Partial<ListState>;
  if (keys[0] !== 'items' || !plainArray(items)) return false;
  if (
    keys.length === 2 ? keys[1] !== 'primary' || typeof primary !== 'string' || items[0] !== primary : keys.length !== 1
  )
    return false;
  return everyElement(items, (item, i) => isItemId(item) && items.indexOf(item) === i);
}

/** Whether JSON.parse of the value's JSON gives the same plain value (as samePlainValue compares them). */
function jsonValue(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      // JSON has no NaN or infinities (written as null), and writes -0 as 0.
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      return value === null || (plainArray(value) ? everyElement(value, jsonValue) : jsonRecord(value));
    default:
      // undefined, functions and symbols are left out of objects and written as null in arrays.
      return false;
  }
}

/** A plain object whose values are all JSON data, and no `__proto__` key (normaliseState drops it). */
function jsonRecord(value: unknown): value is Record<string, unknown> {
  return everyEntry(value, jsonEntry);
}

const jsonEntry = (_: string, entry: unknown) => jsonValue(entry);

function everyEntry(value: unknown, test: (key: string, entry: unknown) => boolean): boolean {
  if (!plainObject(value)) return false;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || !test(key, (value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** As `Array.prototype.every`, but holes are tested too (as undefined): JSON writes them as null. */
function everyElement(array: unknown[], test: (element: unknown, index: number) => boolean): boolean {
  for (let i = 0; i < array.length; i++) if (!test(array[i], i)) return false;
  return true;
}

/** An array JSON writes as its elements: no `toJSON`, nor a prototype of its own. */
function plainArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype && !('toJSON' in value);
}

/**
 * An object JSON writes as its own enumerable keys, as parsing gives one back: not an array, a
 * date, a boxed primitive or a class instance, and no `toJSON`, however defined (`in` finds one
 * not enumerable, or on Object.prototype).
 */
function plainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !('toJSON' in value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * A date-time as `Date.prototype.toISOString` writes one for the years 0000 to 9999: the schema's
 * ISO pattern takes every such text (its calendar is the same proleptic Gregorian one), and this
 * takes no other, so it never passes one the schema refuses. Read digit by digit: parsing it into
 * a Date and writing that back out, which takes exactly the same texts (the test compares them),
 * was a third of the walk's time.
 */
export function isoDateTime(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== ISO_SHAPE.length) return false;
  for (let i = 0; i < ISO_SHAPE.length; i++) {
    const code = value.charCodeAt(i);
    const shape = ISO_SHAPE.charCodeAt(i);
    if (shape === DIGIT ? code < DIGIT || code > DIGIT + 9 : code !== shape) return false;
  }
  const year = number(value, 0, 4);
  const month = number(value, 5, 7);
  const day = number(value, 8, 10);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
  return (
    day >= 1 && day <= days && number(value, 11, 13) < 24 && number(value, 14, 16) < 60 && number(value, 17, 19) < 60
  );
}

/** Where `isoDateTime` wants a digit (0), and its separators. */
const ISO_SHAPE = '0000-00-00T00:00:00.000Z';
const DIGIT = 48;
/** Days in each month of a year that is not a leap year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number the digits from `start` to `end` write. */
function number(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + text.charCodeAt(i) - DIGIT;
  return value;
}
