import nunjucks from 'nunjucks';

/**
 * Text escaped for HTML and marked safe. Every text a view-model hands a template is `Html`:
 * the ONS macros write many params with `| safe` (labels, legends, titles, summary values), so
 * escaping must happen before the macro sees the text. Marked safe, it is not escaped twice where
 * a macro relies on autoescape instead.
 */
export type Html = nunjucks.runtime.SafeString;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Plain text (from a questionnaire, an answer or the interface) as Html. */
export function html(text: string): Html {
  return new nunjucks.runtime.SafeString(escapeHtml(text));
}

/** Html, or undefined for missing or empty text, so that macros leave out what is not there. */
export function optionalHtml(text: string | undefined): Html | undefined {
  return text === undefined || text === '' ? undefined : html(text);
}
