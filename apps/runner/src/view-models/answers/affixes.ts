import { formatUnit, localeFor } from '@eq/engine';
import type { NumericAnswer } from '@eq/schema';
import { t } from '../../i18n/index.ts';
import { html } from '../html.ts';
import type { MacroParams } from './context.ts';

/**
 * The symbol shown inside a numeric input (£ before, % or a unit after), written as the
 * engine's formatters write the answer in the summary, with its full name for assistive technology.
 */
export function numericAffix(answer: NumericAnswer, lang: string): { prefix?: MacroParams; suffix?: MacroParams } {
  const locale = localeFor(lang);
  switch (answer.type) {
    case 'currency': {
      const currency = answer.currency ?? 'GBP';
      const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1);
      const symbol = parts.find((p) => p.type === 'currency')?.value ?? currency;
      const before = parts.findIndex((p) => p.type === 'currency') < parts.findIndex((p) => p.type === 'integer');
      const title = new Intl.DisplayNames(locale, { type: 'currency' }).of(currency) ?? currency;
      const affix = { id: `${answer.id}-unit`, text: html(symbol), title: html(title) };
      return before ? { prefix: affix } : { suffix: affix };
    }
    case 'percentage':
      return { suffix: { id: `${answer.id}-unit`, text: html('%'), title: html(t(lang, 'percent')) } };
    case 'unit': {
      const symbol = unitLabel(answer.unit, lang, answer.unitLength ?? 'short');
      const title = unitLabel(answer.unit, lang, 'long');
      return { suffix: { id: `${answer.id}-unit`, text: html(symbol), title: html(title) } };
    }
    default:
      return {};
  }
}

/** A unit's label as the engine writes it next to a number ("cm", "centimetres"), without the number. */
function unitLabel(unit: string, lang: string, length: 'short' | 'long' | 'narrow'): string {
  return formatUnit(0, unit, lang, length)
    .replace(/^\s*0\s*|\s*0\s*$/u, '')
    .trim();
}
