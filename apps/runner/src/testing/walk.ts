import type { Browser } from './browser.ts';

export type Fields = Record<string, string | string[]>;

/** A questionnaire page's URL: `tenure` is `/questionnaire/tenure`; a path is kept as it is. */
export function pageUrl(page: string): string {
  return page.startsWith('/') ? page : `/questionnaire/${page}`;
}

/** A date answer's three fields for an ISO date; all empty for none. */
export function dateFields(id: string, iso: string | undefined): Fields {
  const [year = '', month = '', day = ''] = iso?.split('-') ?? [];
  const plain = (part: string) => (part === '' ? '' : String(Number(part)));
  return { [`${id}-day`]: plain(day), [`${id}-month`]: plain(month), [`${id}-year`]: year };
}

/**
 * Answers pages in turn: checks the browser is on each page before posting its fields and that
 * the post was accepted, and returns the URL the respondent is sent to after the last one.
 */
export async function walk(browser: Browser, steps: [page: string, fields?: Fields][]): Promise<string> {
  for (const [page, fields] of steps) {
    if (browser.page.url !== pageUrl(page)) {
      throw new Error(`expected to be on ${pageUrl(page)}, but on ${browser.page.url} (${browser.heading()})`);
    }
    await browser.submit(fields ?? {});
    const errors = browser.errors();
    if (errors.length > 0) throw new Error(`${pageUrl(page)} refused ${JSON.stringify(fields)}: ${errors.join('; ')}`);
  }
  return browser.page.url;
}
