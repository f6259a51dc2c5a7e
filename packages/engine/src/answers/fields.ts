import type { Answer, DetailAnswer } from '@eq/schema';
import { parseIsoDate } from '../dates.ts';
import { isRecord } from '../state.ts';
import type { AnswerValue } from '../values.ts';

type AnyAnswer = Answer | DetailAnswer;

export const ADDRESS_PARTS = ['line1', 'line2', 'town', 'postcode'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

/** The duration units an answer asks for, in display order. */
export function durationUnits(answer: AnyAnswer): ('years' | 'months')[] {
  if (answer.type !== 'duration') return [];
  const asked = answer.units ?? ['years', 'months'];
  return (['years', 'months'] as const).filter((unit) => asked.includes(unit));
}

/** The form field names of an answer; the first is the one an error message links to. */
export function answerFields(answer: AnyAnswer): string[] {
  const id = answer.id;
  switch (answer.type) {
    case 'date':
      return [`${id}-day`, `${id}-month`, `${id}-year`];
    case 'monthYear':
      return [`${id}-month`, `${id}-year`];
    case 'duration':
      return durationUnits(answer).map((unit) => `${id}-${unit}`);
    case 'address':
      return ADDRESS_PARTS.map((part) => `${id}-${part}`);
    default:
      return [id];
  }
}

/** The form field values that show a saved value again (every field empty when there is none). */
export function formValues(answer: AnyAnswer, value: AnswerValue | undefined): Record<string, string | string[]> {
  const id = answer.id;
  const record: unknown = value;
  switch (answer.type) {
    case 'checkbox':
      return { [id]: Array.isArray(value) ? [...value] : [] };
    case 'date': {
      const date = typeof value === 'string' && value.length === 10 ? parseIsoDate(value) : undefined;
      return {
        [`${id}-day`]: date ? String(date.day) : '',
        [`${id}-month`]: date ? String(date.month) : '',
        [`${id}-year`]: date ? String(date.year) : '',
      };
    }
    case 'monthYear': {
      const date = typeof value === 'string' && value.length === 7 ? parseIsoDate(value) : undefined;
      return { [`${id}-month`]: date ? String(date.month) : '', [`${id}-year`]: date ? String(date.year) : '' };
    }
    case 'duration': {
      const out: Record<string, string> = {};
      for (const unit of durationUnits(answer)) {
        const n = isRecord(record) ? record[unit] : undefined;
        out[`${id}-${unit}`] = typeof n === 'number' ? String(n) : '';
      }
      return out;
    }
    case 'address': {
      const out: Record<string, string> = {};
      for (const part of ADDRESS_PARTS) {
        const text = isRecord(record) ? record[part] : undefined;
        out[`${id}-${part}`] = typeof text === 'string' ? text : '';
      }
      return out;
    }
    default:
      return { [id]: typeof value === 'string' ? value : typeof value === 'number' ? plainNumber(value) : '' };
  }
}

/** Numbers as a respondent would type them: never in exponent notation. */
function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const text = String(n);
  return /e/i.test(text) ? n.toFixed(20).replace(/\.?0+$/, '') : text;
}
