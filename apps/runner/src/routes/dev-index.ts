import { issueCode } from '@eq/access-code';
import { signDevLaunchToken } from '@eq/dev-keys';
import { validateMetadata } from '@eq/engine';
import { Router } from 'express';
import { seriesNumbers } from '../questionnaires/series.ts';
import type { Services } from '../services.ts';
import { devIndexView } from '../view-models/dev-index.ts';
import { chrome, render } from './render.ts';

/**
 * Development only: `/` lists the questionnaires with links to start each (open link, or a freshly
 * signed launch token), and `/dev/launch/<slug>` signs that token and launches it.
 */
export function devIndexRoutes(services: Services): Router {
  const router = Router();
  const key = services.devLaunchKey;
  router.get('/', async (req, res) => {
    const list = (await services.source.list?.()) ?? [];
    const series = seriesNumbers(list.map((q) => q.slug));
    // Questionnaires that need launch data start from a signed launch; the rest from their open link.
    const needsLaunch = new Set<string>();
    for (const { slug } of list) {
      const published = await services.source.latest(slug);
      if (published && validateMetadata(published.questionnaire, {}).problems.length > 0) needsLaunch.add(slug);
    }
    render(
      res,
      services,
      devIndexView({
        chrome: chrome(req, res, services),
        questionnaires: list.map(({ slug, title }) => ({
          slug,
          // A code carries no launch data, so only the others can start from one.
          title: needsLaunch.has(slug)
            ? title
            : `${title} (access code ${issueCode(services.keys.accessCode, series.get(slug) ?? 1, 1)})`,
          startUrl: needsLaunch.has(slug) && key ? `/dev/launch/${slug}` : `/s/${slug}`,
          ...(key ? { launchUrl: `/dev/launch/${slug}` } : {}),
        })),
      }),
    );
  });
  if (key) {
    router.get('/dev/launch/:slug', async (req, res) => {
      const published = await services.source.latest(String(req.params.slug));
      if (!published) return res.redirect(303, '/');
      const token = await signDevLaunchToken(key, {
        questionnaire: published.slug,
        response_id: crypto.randomUUID(),
        respondent_ref: 'dev-respondent',
        metadata: sampleMetadata(published.questionnaire.metadata ?? []),
        lang: req.lang,
      });
      res.redirect(303, `/session?token=${encodeURIComponent(token)}`);
    });
  }
  return router;
}

/** Launch values for a development launch: plausible values of each declared type. */
function sampleMetadata(definitions: { name: string; type: string }[]): Record<string, string | number | boolean> {
  const values: Record<string, string | number | boolean> = {};
  definitions.forEach((d, i) => {
    if (d.type === 'date') values[d.name] = `2026-0${1 + (i % 9)}-01`;
    else if (d.type === 'number') values[d.name] = 1;
    else if (d.type === 'boolean') values[d.name] = true;
    else
      values[d.name] =
        d.name === 'address' ? '1 High Street, Newport, NP20 1AA' : `Sample ${d.name.replaceAll('_', ' ')}`;
  });
  return values;
}
