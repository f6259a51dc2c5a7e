import { parseIsoDate } from '../dates.ts';
import { dateFormat, localeFor } from './intl.ts';

export type DateStyle = 'full' | 'long' | 'medium' | 'short';

/** Midnight UTC of a calendar date; setUTCFullYear keeps years below 100 literal (Date.UTC maps 50 to 1950). */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** A date (YYYY-MM-DD) in words: "1 January 2024" (long, the default). Anything else is returned as given. */
export function formatDate(iso: string, lang: string, style: DateStyle = 'long'): string {
  const date = iso.length === 10 ? parseIsoDate(iso) : undefined;
  if (!date) return iso;
  const dateStyle = style === 'full' || style === 'medium' || style === 'short' ? style : 'long';
  return dateFormat(localeFor(lang), { dateStyle }).format(utcDate(date.year, date.month, date.day));
}

/** A month and year (YYYY-MM or YYYY-MM-DD): "January 2024". Anything else is returned as given. */
export function formatMonthYear(iso: string, lang: string): string {
  const date = iso.length === 7 || iso.length === 10 ? parseIsoDate(iso) : undefined;
  if (!date) return iso;
  return dateFormat(localeFor(lang), { month: 'long', year: 'numeric' }).format(utcDate(date.year, date.month, 1));
}
