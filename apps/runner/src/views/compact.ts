/**
 * The ONS macros indent their markup generously; pages must stay small (a question page at most
 * 30 KB before compression), so each run of whitespace that spans lines becomes one line break.
 * HTML reads both alike, except inside `<textarea>` (the respondent's answer), `<pre>` and
 * attribute values (an option's value is posted back as written), which are left exactly as they
 * are. Every text and attribute value in a page is escaped, so a quoted value never holds `<` or
 * `>`, and `"` in text cannot pair with a quote beyond the next tag. One pass of one expression:
 * this runs for every page served.
 */
const KEPT_OR_WHITESPACE = /<(?:textarea|pre)\b[\s\S]*?<\/(?:textarea|pre)\s*>|"[^"<>]*"|'[^'<>]*'|[ \t\r]*\n\s*/gi;

export function compactHtml(html: string): string {
  return html.replace(KEPT_OR_WHITESPACE, (match) => {
    const first = match.charCodeAt(0);
    return first === 60 || first === 34 || first === 39 ? match : '\n';
  });
}
