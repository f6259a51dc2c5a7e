/** One row of an ONS summary (check your answers, a section summary, the hub, a calculated summary). */
export interface SummaryItem {
  title: string;
  /** The value shown (the answer, or a hub section's status); '' when none. */
  value: string;
  /** The row's links: change, remove, or a hub section's start/continue/view link. */
  links: string[];
}

/** The rows of the summaries on a page, in order: one per title (a summary item can hold several). */
export function summaryItems(html: string): SummaryItem[] {
  return html
    .split(/<dt\s+class="ons-summary__item-title"/)
    .slice(1)
    .map((row) => row.split(/<\/dl>/)[0] ?? '')
    .map((chunk) => ({
      title: text(/class="ons-summary__item--text[^"]*"\s*>([\s\S]*?)<\/div>/.exec(chunk)?.[1]),
      value: text(/<span class="ons-summary__text">([\s\S]*?)<\/span>/.exec(chunk)?.[1]),
      links: [...chunk.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => decode(m[1] ?? '')),
    }));
}

/** The summary row with this title; throws when there is none, listing the titles there are. */
export function summaryItem(html: string, title: string): SummaryItem {
  const items = summaryItems(html);
  const item = items.find((i) => i.title === title);
  if (!item) throw new Error(`no summary row "${title}" among ${JSON.stringify(items.map((i) => i.title))}`);
  return item;
}

/** The section titles of a summary page (check your answers): one per section, a repeat titled for its item. */
export function summaryTitles(html: string): string[] {
  return [...html.matchAll(/<h2 class="ons-summary__title[^"]*">([\s\S]*?)<\/h2>/g)].map((m) => text(m[1]));
}

function text(html: string | undefined): string {
  return decode(
    (html ?? '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

function decode(text: string): string {
  return text
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
