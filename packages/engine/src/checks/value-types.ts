import type { Answer, DetailAnswer, Expression, MetadataDefinition } from '@eq/schema';
import { toIsoDate } from '../dates.ts';

/**
 * The type an expression evaluates to, as far as it can be known before any answers exist.
 * `dateText` is a string literal holding a real date (YYYY-MM-DD or YYYY-MM), which compares both
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

export function literalType(value: Expression): ValueType | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      // Evaluation reads "2023-02-30" as no date at all, so it can only be text.
      return toIsoDate(value) === undefined ? 'string' : 'dateText';
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

/**
 * The type of a value that is one of two types (the operands of `first`): undefined when they
 * have none in common. Unknown and null fit any type; a date literal fits dates and text.
 */
export function joinTypes(a: ValueType, b: ValueType): ValueType | undefined {
  if (a === b || b === 'null' || b === 'unknown') return a;
  if (a === 'null' || a === 'unknown') return b;
  if (a === 'dateText' && (b === 'date' || b === 'string')) return b;
  if (b === 'dateText' && (a === 'date' || a === 'string')) return a;
  return undefined;
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
