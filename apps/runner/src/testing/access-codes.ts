import { issueCode } from '@eq/access-code';
import type { Express } from 'express';
import { seriesNumbers } from '../questionnaires/series.ts';
import type { Services } from '../services.ts';
import { Browser } from './browser.ts';

/**
 * An access code for one respondent (`serial`) of a questionnaire, issued as the author app would
 * with the runner's ACCESS_CODE_KEY, for the series the source gives the slug.
 */
export async function accessCodeFor(services: Services, slug: string, serial: number): Promise<string> {
  const slugs = ((await services.source.list?.()) ?? []).map((q) => q.slug);
  const series = seriesNumbers(slugs).get(slug);
  if (series === undefined) throw new Error(`the source has no questionnaire ${slug}`);
  return issueCode(services.keys.accessCode, series, serial);
}

let clients = 0;

/**
 * A browser that is a client of its own (its own `X-Forwarded-For`), for a runner started with
 * `TRUST_PROXY: 'loopback'`: start attempts are limited per client, so tests entering many codes
 * do not use up each other's.
 */
export function clientBrowser(app: Express): Browser {
  clients += 1;
  return new Browser(app).setHeaders({
    'X-Forwarded-For': `198.51.${Math.floor(clients / 250)}.${(clients % 250) + 1}`,
  });
}
