import { baseLanguage, listFormat, localeFor } from './intl.ts';

export type ListStyle = 'and' | 'or' | 'unit';

const LIST_TYPES: Record<ListStyle, Intl.ListFormatType> = { and: 'conjunction', or: 'disjunction', unit: 'unit' };

/**
 * A list in words: "Alice, Bob and Carol", "Alice, Bob or Carol", or "Alice, Bob, Carol" (unit).
 * Empty items are left out.
 */
export function formatList(items: readonly string[], lang: string, style: ListStyle = 'and'): string {
  const shown = items.filter((item) => item !== '');
  const locale = localeFor(lang);
  const type = Object.hasOwn(LIST_TYPES, style) ? LIST_TYPES[style] : 'conjunction';
  const parts = listFormat(locale, { type }).formatToParts(shown);
  if (baseLanguage(locale) !== 'cy') return parts.map((p) => p.value).join('');
  // CLDR's Welsh "and" is ", a(c) ": Welsh writes "ac" before a vowel, "a" otherwise, without the comma.
  return parts
    .map((p, i) => (p.type === 'literal' && p.value.includes('a(c)') ? welshAnd(parts[i + 1]?.value ?? '') : p.value))
    .join('');
}

function welshAnd(next: string): string {
  return /^[aeiouwyâêîôûŵŷáéíóúàèìòùäëïöü]/i.test(next) ? ' ac ' : ' a ';
}

/**
 * A name in the possessive. English adds ’s, or only ’ after a final s ("James’"), with the
 * typographic apostrophe as ONS does. Welsh and other languages show possession by word order,
 * so the name is unchanged.
 */
export function formatPossessive(name: string, lang: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || baseLanguage(localeFor(lang)) !== 'en') return trimmed;
  return /s$/i.test(trimmed) ? `${trimmed}’` : `${trimmed}’s`;
}
