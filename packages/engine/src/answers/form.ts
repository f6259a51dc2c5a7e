import { isRecord } from '../state.ts';

/** Fields of a submitted HTML form. A field arrives as an array when the form repeats its name. */
export type FormInput = Record<string, string | string[] | undefined>;

/** Longest string read from a field, so that no later check (or regex) ever sees huge input. */
export const MAX_FIELD_LENGTH = 10_000;

/**
 * The value of a single field, trimmed and capped: the first value when the field is repeated,
 * '' when it is missing or not a string.
 */
export function fieldText(form: unknown, name: string): string {
  return fieldRaw(form, name).slice(0, MAX_FIELD_LENGTH).trim();
}

/** The first string value of a field exactly as sent (for free text, which measures it itself). */
export function fieldRaw(form: unknown, name: string): string {
  const raw = ownField(form, name);
  const first = Array.isArray(raw) ? raw[0] : raw;
  return typeof first === 'string' ? first : '';
}

/**
 * Every non-empty value of a field that may repeat (checkboxes), trimmed. `malformed` says some
 * value was not a string at all (a hostile post), which no option can match.
 */
export function fieldList(form: unknown, name: string): { values: string[]; malformed: boolean } {
  const raw = ownField(form, name);
  if (raw === undefined) return { values: [], malformed: false };
  const entries = Array.isArray(raw) ? raw.slice(0, MAX_FIELD_LENGTH) : [raw];
  const values: string[] = [];
  let malformed = false;
  for (const entry of entries) {
    if (typeof entry !== 'string') malformed = true;
    else if (entry.trim() !== '') values.push(entry.slice(0, MAX_FIELD_LENGTH).trim());
  }
  return { values, malformed };
}

/** Only the form's own properties count, never inherited ones such as `constructor`. */
function ownField(form: unknown, name: string): unknown {
  return isRecord(form) && Object.hasOwn(form, name) ? form[name] : undefined;
}
