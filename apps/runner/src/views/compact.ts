/**
 * The ONS macros indent their markup generously; pages must stay small (a question page at most
 * 30 KB before compression), so each run of whitespace that spans lines becomes one line break.
 * HTML reads both alike, except inside `<textarea>` (the respondent's answer), `<pre>` and
 * attribute values (an option's value is posted back as written), which are left exactly as they
 * are. Every text and attribute value in a page is escaped, so a quoted value never holds `<` or
 * `>`, and `"` in text cannot pair with a quote beyond the next tag. One pass of one expression
 * with a replacement pattern rather than a function: this runs for every page served, and calling
 * back into JavaScript for each of a page's thousand matches cost more than the matching.
 */
const KEPT_OR_WHITESPACE = /(<(?:textarea|pre)\b[\s\S]*?<\/(?:textarea|pre)\s*>|"[^"<>]*"|'[^'<>]*')|[ \t\r]*(\n)\s*/gi;

/** What is kept comes back as it was ($1); a run of whitespace across lines as its line break ($2). */
export function compactHtml(html: string): string {
  return html.replace(KEPT_OR_WHITESPACE, '$1$2');
}

/** Space, tab, line feed, carriage return: the whitespace of templates. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
