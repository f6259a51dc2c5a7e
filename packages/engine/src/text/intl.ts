/**
 * Locales and cached Intl formatters. Building an Intl object is slow (a census household renders
 * thousands of texts), so each one is made once per locale and options.
 */
const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const FALLBACK_LOCALE = 'en-GB';

const locales = new Map<string, string>();

/** The Intl locale for a questionnaire language: `en` → `en-GB`, `cy` → `cy-GB`, unknown → `en-GB`. */
export function localeFor(lang: string): string {
  // Only well-formed codes are cached, so hostile strings cannot grow the cache.
  if (!LANGUAGE.test(lang)) return FALLBACK_LOCALE;
  let locale = locales.get(lang);
  if (locale === undefined) {
    locale = resolveLocale(lang);
    locales.set(lang, locale);
  }
  return locale;
}

/** The bare language of a locale or language code: `cy-GB` → `cy`. */
export function baseLanguage(langOrLocale: string): string {
  return langOrLocale.split('-')[0] ?? langOrLocale;
}

function resolveLocale(lang: string): string {
  const candidates = lang.includes('-') ? [lang] : [`${lang}-GB`, lang];
  for (const candidate of candidates) {
    if (Intl.NumberFormat.supportedLocalesOf([candidate]).length > 0) return candidate;
  }
  return FALLBACK_LOCALE;
}

function memo<T>(cache: Map<string, T>, locale: string, options: object, make: () => T): T {
  const key = `${locale}|${JSON.stringify(options)}`;
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const listFormats = new Map<string, Intl.ListFormat>();

/** Callers pass only options built from validated values (units, currency codes, digit counts). */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return memo(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return memo(dateFormats, locale, options, () => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }));
}

export function plurals(locale: string, options: Intl.PluralRulesOptions = {}): Intl.PluralRules {
  return memo(pluralRules, locale, options, () => new Intl.PluralRules(locale, options));
}

export function listFormat(locale: string, options: Intl.ListFormatOptions): Intl.ListFormat {
  return memo(listFormats, locale, options, () => new Intl.ListFormat(locale, options));
}
