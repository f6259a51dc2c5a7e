import { localeFor } from '@eq/engine';
import type { Entry } from './catalogue.ts';
import { cy } from './cy.ts';
import { en, type MessageKey } from './en.ts';

export type { MessageKey } from './en.ts';

export type MessageParams = Record<string, string | number>;

/** Interface text by language; any other language is shown in English. */
const CATALOGUES: Record<string, Record<MessageKey, Entry>> = { en, cy };

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * An interface string in a language, with its `{name}` placeholders filled from `params`. With a
 * `count` param, the plural form is chosen by the language's rules and `{count}` is written as a
 * number of that language. Placeholders not given are left as written (the ONS scripts fill `{x}`).
 */
export function t(lang: string, key: MessageKey, params: MessageParams = {}): string {
  const catalogue = Object.hasOwn(CATALOGUES, lang) ? (CATALOGUES[lang] ?? en) : en;
  const entry = catalogue[key];
  const count = params.count;
  const template = typeof entry === 'string' ? entry : pluralForm(entry, lang, typeof count === 'number' ? count : 0);
  if (!template.includes('{')) return template;
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' ? new Intl.NumberFormat(localeFor(lang)).format(value) : String(value);
  });
}

function pluralForm(forms: Exclude<Entry, string>, lang: string, count: number): string {
  const locale = localeFor(lang);
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}

/** A language's name in that language ("English", "Cymraeg"), for language switch links. */
export function languageName(lang: string): string {
  if (lang === 'cy') return t('cy', 'languageCy');
  if (lang === 'en') return t('en', 'languageEn');
  return lang;
}
