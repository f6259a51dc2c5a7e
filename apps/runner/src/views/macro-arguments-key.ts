import nunjucks from 'nunjucks';
import { isSharedView } from '../view-models/answers/shared-views.ts';

/**
 * A text that two calls of a macro share exactly when the macro cannot tell their arguments apart,
 * or undefined when it cannot be sure of that: an argument that is not plain data (a function,
 * such as the `caller` of a `{% call %}` block; a class instance such as a Date; an array with
 * holes; -0, which a template writes as 0 but which is not 0 to everything), or a key that would
 * be longer than `maxLength` (such arguments are rarely met twice, and the walk stops there).
 *
 * Plain data is strings, finite or not numbers, booleans, null, undefined, arrays, objects made as
 * literals (or with a null prototype) and the SafeStrings of view-models/html.ts, which templates
 * do not escape where they would escape a string of the same text: each kind has a letter of its
 * own and each text its length, so no two different arguments read alike. An object met again is
 * written as a reference to its first place, so that calls share a key only when their arguments
 * share objects alike too (`==` on two objects, two SafeStrings among them, compares identity).
 * View-models build their data from literals: properties that are not enumerable or are getters
 * are not looked for, as looking costs more than it could ever find.
 *
 * A shared view (view-models/answers/shared-views.ts: the same object for every page that shows
 * it, changed by none, its objects its own) is written as a number of its own rather than walked:
 * two keys are then the same only if their views are the same objects.
 */
export function argumentsKey(args: readonly unknown[], maxLength: number): string | undefined {
  key = '';
  limit = maxLength;
  const complete = write(args, 0);
  seen.clear();
  const made = key;
  key = '';
  return complete ? made : undefined;
}

/** How deep arguments may nest: deeper is not plain data a view-model makes, and would fill the stack. */
const MAX_DEPTH = 64;
const SafeString = nunjucks.runtime.SafeString;

// One key at a time (nothing is called back while one is made), so the walk keeps its state here
// rather than allocating it for each call.
let key = '';
let limit = 0;
/** Each object, array and SafeString written so far, by its place in that order. */
const seen = new Map<object, number>();
/** Each shared view's number. */
const views = new WeakMap<object, number>();
let nextView = 0;

function write(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
      key += `s${value.length}:${value}`;
      return key.length <= limit;
    case 'number':
      if (value === 0 && 1 / value < 0) return false;
      key += `n${value};`;
      return true;
    case 'boolean':
      key += value ? 't' : 'f';
      return true;
    case 'undefined':
      key += 'u';
      return true;
    case 'object':
      if (value !== null) return writeObject(value, depth);
      key += 'z';
      return true;
    default:
      return false;
  }
}

function writeObject(value: object, depth: number): boolean {
  const place = seen.get(value);
  if (place !== undefined) {
    key += `r${place};`;
    return true;
  }
  if (depth > MAX_DEPTH) return false;
  seen.set(value, seen.size);
  if (isSharedView(value)) {
    let number = views.get(value);
    if (number === undefined) {
      number = nextView++;
      views.set(value, number);
    }
    key += `v${number};`;
    return true;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Array.prototype) return writeArray(value as unknown[], depth);
  if (prototype === SafeString.prototype) {
    const text = (value as nunjucks.runtime.SafeString).val;
    key += `h${text.length}:${text}`;
    return key.length <= limit;
  }
  if (prototype !== Object.prototype && prototype !== null) return false;
  key += prototype === null ? '<' : '{';
  const record = value as Record<string, unknown>;
  for (const name in record) {
    key += `${name.length}:${name}`;
    if (!write(record[name], depth + 1)) return false;
  }
  key += '}';
  return key.length <= limit;
}

function writeArray(array: unknown[], depth: number): boolean {
  key += '[';
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    if (item === undefined && !(i in array)) return false;
    if (!write(item, depth + 1)) return false;
  }
  key += ']';
  return key.length <= limit;
}
