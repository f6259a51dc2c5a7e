import type { Expression, Placeholder, Text } from '@eq/schema';
import type { CheckContext } from './context.ts';
import type { Scope } from './scope.ts';
import type { TextSite } from './text-sites.ts';

/** A `{name}` written in a text: the placeholder's name, the string's pointer and what the text can see. */
export interface PlaceholderUse {
  name: string;
  pointer: string;
  scope: Scope;
}

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** The placeholder names written in a string, each once. */
export function placeholderNames(text: string): string[] {
  // Most strings of a questionnaire have no placeholder: this runs for every one of them.
  if (!text.includes('{')) return [];
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Each string of a text with its pointer: the text itself, or one per language. */
export function textStrings(text: Text, at: string): [string, string][] {
  return typeof text === 'string' ? [[text, at]] : Object.entries(text).map(([lang, s]) => [s, `${at}/${lang}`]);
}

export function placeholderUses(texts: TextSite[]): PlaceholderUse[] {
  // Loops rather than nested flatMaps: this visits every string of the questionnaire.
  const uses: PlaceholderUse[] = [];
  for (const site of texts) {
    for (const [s, at] of textStrings(site.text, site.pointer)) {
      for (const name of placeholderNames(s)) uses.push({ name, pointer: at, scope: site.scope });
    }
  }
  return uses;
}

/** The expression a placeholder evaluates: its value, or the count choosing its plural form. */
export function placeholderExpression(placeholder: Placeholder): Expression {
  return 'value' in placeholder ? placeholder.value : placeholder.plural.count;
}

/**
 * Each use of a defined placeholder with the expression it evaluates there: a placeholder's
 * expression is evaluated where its text is shown, so that is where what it reads must be available.
 */
export function placeholderEvaluations(ctx: CheckContext): (PlaceholderUse & { expression: Expression })[] {
  const defined = ctx.questionnaire.placeholders ?? {};
  return ctx.placeholderUses.flatMap((use) => {
    const placeholder = Object.hasOwn(defined, use.name) ? defined[use.name] : undefined;
    return placeholder ? [{ ...use, expression: placeholderExpression(placeholder) }] : [];
  });
}
