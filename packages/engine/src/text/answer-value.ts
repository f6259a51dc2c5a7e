import type { Answer, DetailAnswer, Option } from '@eq/schema';
import type { CompiledQuestionnaire } from '../compile.ts';
import { translate } from '../translate.ts';
import type { AnswerValue } from '../values.ts';
import { formatDate, formatMonthYear } from './calendar.ts';
import { formatValue } from './format.ts';
import { formatCurrency, formatNumber, formatPercentage } from './numbers.ts';
import { formatUnit } from './units.ts';
import { formatList } from './words.ts';

/**
 * How an answer is written out by default, in piped text and in summaries: options by their
 * (translated) labels, numbers by the answer's type, dates in words. A value that does not fit
 * the answer's type is written by its JavaScript type rather than refused.
 */
export function formatAnswerValue(
  compiled: CompiledQuestionnaire,
  answer: Answer | DetailAnswer,
  value: AnswerValue,
  lang: string,
): string {
  switch (answer.type) {
    case 'radio':
    case 'dropdown':
      return typeof value === 'string' ? optionLabel(compiled, answer.options, value, lang) : formatValue(value, lang);
    case 'checkbox': {
      const chosen = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
      if (!chosen) return formatValue(value, lang);
      const labels = chosen
        .filter((v) => typeof v === 'string')
        .map((v) => optionLabel(compiled, answer.options, v, lang));
      return formatList(labels, lang);
    }
    case 'number':
      return typeof value === 'number' ? formatNumber(value, lang) : formatValue(value, lang);
    case 'currency':
      return typeof value === 'number'
        ? formatCurrency(value, lang, answer.currency, currencyPlaces(value, answer.decimalPlaces))
        : formatValue(value, lang);
    case 'percentage':
      return typeof value === 'number' ? formatPercentage(value, lang) : formatValue(value, lang);
    case 'unit':
      return typeof value === 'number'
        ? formatUnit(value, answer.unit, lang, answer.unitLength)
        : formatValue(value, lang);
    case 'date':
      return typeof value === 'string' ? formatDate(value, lang) : formatValue(value, lang);
    case 'monthYear':
      return typeof value === 'string' ? formatMonthYear(value, lang) : formatValue(value, lang);
    case 'year':
      // A year is a label, not a quantity: "2024", never "2,024".
      return typeof value === 'number' ? String(value) : formatValue(value, lang);
    default:
      return formatValue(value, lang);
  }
}

/**
 * Pence show whenever an amount has them; an answer that allows decimals shows them on whole
 * amounts too ("£250.00"), one that does not shows whole amounts without ("£250").
 */
function currencyPlaces(value: number, decimalPlaces: number | undefined): number {
  return Math.max(decimalPlaces ?? 0, Number.isInteger(value) ? 0 : 2);
}

function optionLabel(compiled: CompiledQuestionnaire, options: readonly Option[], value: string, lang: string): string {
  const option = options.find((o) => o.value === value);
  return option ? translate(option.label, lang, compiled.defaultLanguage) : value;
}
