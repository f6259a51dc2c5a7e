import type { MetadataDefinition, Questionnaire } from '@eq/schema';
import { toIsoDate } from '../dates.ts';
import { isRecord, own } from '../state.ts';

export type MetadataValue = string | number | boolean;

export interface MetadataProblem {
  name: string;
  code: 'missing' | 'wrong-type';
  message: string;
}

export interface MetadataValidation {
  /** The declared values, each of its declared type. */
  metadata: Record<string, MetadataValue>;
  problems: MetadataProblem[];
}

/** Longer strings are refused: launch values are names and references, and they are piped into pages. */
export const MAX_METADATA_LENGTH = 1000;

/** A decimal number as launch tokens write one; `Number()` alone would also take "0x1f", "1e400" and " ". */
const NUMERIC = /^-?\d{1,16}(\.\d{1,16})?$/;

const EXPECTED: Record<MetadataDefinition['type'], string> = {
  string: `a text of 1 to ${MAX_METADATA_LENGTH.toLocaleString('en')} characters`,
  number: 'a number',
  boolean: 'true or false',
  date: 'a date written YYYY-MM-DD',
};

/**
 * Checks launch values (the claims of a launch token) against the questionnaire's metadata
 * definitions: undeclared names are dropped, required names must be present, and each value must
 * be of its declared type. JWT claims are often strings, so numbers and booleans written as
 * strings are accepted and converted. Never throws.
 */
export function validateMetadata(q: Questionnaire, values: Record<string, unknown>): MetadataValidation {
  const source = isRecord(values) ? values : {};
  const metadata: Record<string, MetadataValue> = {};
  const problems: MetadataProblem[] = [];
  for (const def of q.metadata ?? []) {
    const raw = own(source, def.name);
    if (isAbsent(raw)) {
      if (!def.optional) problems.push({ name: def.name, code: 'missing', message: `${def.name} is missing` });
      continue;
    }
    const value = readValue(def.type, raw);
    if (value === undefined) {
      const message = `${def.name} must be ${EXPECTED[def.type]}`;
      problems.push({ name: def.name, code: 'wrong-type', message });
    } else {
      metadata[def.name] = value;
    }
  }
  return { metadata, problems };
}

/** An empty claim is treated as no claim, so that a blank required value is reported as missing. */
function isAbsent(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function readValue(type: MetadataDefinition['type'], raw: unknown): MetadataValue | undefined {
  switch (type) {
    case 'string':
      return typeof raw === 'string' && raw.length <= MAX_METADATA_LENGTH ? raw : undefined;
    case 'number':
      return readNumber(raw);
    case 'boolean':
      return raw === true || raw === 'true' ? true : raw === false || raw === 'false' ? false : undefined;
    case 'date':
      return typeof raw === 'string' && raw.length === 10 && toIsoDate(raw) === raw ? raw : undefined;
  }
}

function readNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string' || !NUMERIC.test(raw.trim())) return undefined;
  return Number(raw.trim());
}
