import type { Answer, DetailAnswer, Expression, MetadataDefinition } from '@eq/schema';

/**
 * The type an expression evaluates to, as far as it can be known before any answers exist.
 * `dateText` is a string literal shaped like a date (YYYY-MM-DD or YYYY-MM), which compares both
 * as a date and as text; `null` is the literal that tests for "unanswered".
 */
export type ValueType =
  | 'number'
  | 'string'
  | 'date'
  | 'dateText'
  | 'boolean'
  | 'array'
  | 'duration'
  | 'null'
  | 'unknown';

export function answerValueType(answer: Answer | DetailAnswer): ValueType {
  switch (answer.type) {
    case 'number':
    case 'currency':
    case 'percentage':
    case 'unit':
    case 'year':
      return 'number';
    case 'date':
    case 'monthYear':
      return 'date';
    case 'duration':
      return 'duration';
    case 'checkbox':
      return 'array';
    case 'address':
      return 'unknown';
    default:
      return 'string';
  }
}

export function metadataValueType(definition: MetadataDefinition | undefined): ValueType {
  if (!definition) return 'unknown';
  return definition.type === 'boolean' ? 'boolean' : definition.type;
}

const DATE_TEXT = /^\d{4}-\d{2}(-\d{2})?$/;

export function literalType(value: Expression): ValueType | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return DATE_TEXT.test(value) ? 'dateText' : 'string';
    default:
      return undefined;
  }
}

/** Whether `==` between the two can ever hold (unknown and null compare with anything). */
export function comparable(a: ValueType, b: ValueType): boolean {
  if (a === 'unknown' || b === 'unknown' || a === 'null' || b === 'null') return true;
  if (a === 'dateText') return b === 'dateText' || b === 'date' || b === 'string';
  if (b === 'dateText') return a === 'date' || a === 'string';
  return a === b;
}

/** Whether `<` and friends can order the two. */
export function orderable(a: ValueType, b: ValueType): boolean {
  const ordered = (t: ValueType) =>
    t === 'number' || t === 'date' || t === 'dateText' || t === 'duration' || t === 'unknown';
  return ordered(a) && ordered(b) && comparable(a, b);
}

/** Whether a value of this type can be read as a date (a date, a date-shaped literal or a year). */
export function dateLike(t: ValueType): boolean {
  return t === 'date' || t === 'dateText' || t === 'number' || t === 'unknown';
}

/** How a type is named in messages. */
export function typeName(t: ValueType): string {
  switch (t) {
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'date':
    case 'dateText':
      return 'a date';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'duration':
      return 'a duration';
    case 'null':
      return 'null';
    case 'unknown':
      return 'a value of unknown type';
  }
}
