import type { Format } from '@eq/schema';
import type { Value } from '../evaluate.ts';
import type { Address } from '../values.ts';
import { formatDate, formatMonthYear } from './calendar.ts';
import { formatDuration } from './duration.ts';
import { formatCurrency, formatNumber, formatOrdinal, formatPercentage } from './numbers.ts';
import { formatUnit } from './units.ts';
import { formatList, formatPossessive } from './words.ts';

/**
 * A value written out by its JavaScript type: numbers grouped, lists in words, durations and
 * addresses in full, strings as they are. A missing value is an empty string.
 */
export function formatValue(value: Value, lang: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return formatList(
      value.map((v) => formatValue(v, lang)),
      lang,
    );
  if (isAddress(value)) return formatAddress(value);
  return formatDuration(value, lang);
}

/** An address on one line: "1 High Street, Flat 2, Newport, NP10 8XG". */
export function formatAddress(address: Address): string {
  return [address.line1, address.line2, address.town, address.postcode]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(', ');
}

function isAddress(value: object): value is Address {
  return 'line1' in value;
}

/**
 * A value written out with an explicit format. A list of values is formatted item by item and
 * written as a list; a value the format does not fit (a date format on a name) is written by type.
 */
export function applyFormat(format: Format, value: Value, lang: string): string {
  if (value === undefined || value === null) return '';
  if (format.type === 'list') {
    const items = Array.isArray(value) ? value : [value];
    return formatList(
      items.map((v) => formatValue(v, lang)),
      lang,
      format.style,
    );
  }
  if (format.type === 'possessive') return formatPossessive(formatValue(value, lang), lang);
  if (Array.isArray(value))
    return formatList(
      value.map((v) => applyFormat(format, v, lang)),
      lang,
    );
  if (typeof value === 'number') {
    switch (format.type) {
      case 'number':
        return formatNumber(value, lang, format.decimalPlaces);
      case 'currency':
        return formatCurrency(value, lang, format.currency, format.decimalPlaces);
      case 'percentage':
        return formatPercentage(value, lang);
      case 'unit':
        return formatUnit(value, format.unit, lang, format.unitLength);
      case 'ordinal':
        return formatOrdinal(value, lang);
    }
  }
  if (typeof value === 'string' && format.type === 'date') return formatDate(value, lang, format.style);
  if (typeof value === 'string' && format.type === 'monthYear') return formatMonthYear(value, lang);
  return formatValue(value, lang);
}
