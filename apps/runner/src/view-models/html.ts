import nunjucks from 'nunjucks';

/**
 * Text escaped for HTML and marked safe. Every text a view-model hands a template is `Html`:
 * the ONS macros write many params with `| safe` (labels, legends, titles, summary values), so
 * escaping must happen before the macro sees the text. Marked safe, it is not escaped twice where
 * a macro relies on autoescape instead.
 */
export type Html = nunjucks.runtime.SafeString;

const SPECIAL = /[&<>"']/;

/**
 * Most texts have nothing to escape, so they are looked at once and returned as they are; the
 * others are replaced a character at a time (`&` first, so no entity is escaped again).
 */
export function escapeHtml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Plain text (from a questionnaire, an answer or the interface) as Html. */
export function html(text: string): Html {
  return new nunjucks.runtime.SafeString(escapeHtml(text));
}

/** Html, or undefined for missing or empty text, so that macros leave out what is not there. */
export function optionalHtml(text: string | undefined): Html | undefined {
  return text === undefined || text === '' ? undefined : html(text);
}

/**
 * Html that is this page's own among markup that most pages share: a question's title, which
 * names someone, around the same answers for every household. Templates write it as any Html; a
 * memoised macro that only writes it as it is keeps its markup around it (views/macro-holes.ts).
 */
export class PageText extends nunjucks.runtime.SafeString {}

/** Plain text as PageText. */
export function pageText(text: string): PageText {
  return new PageText(escapeHtml(text));
}
