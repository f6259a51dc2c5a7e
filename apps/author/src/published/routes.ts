import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FeatureRoutes } from '../app.ts';
import { notFound } from '../http/errors.ts';
import { VersionNumber } from '../publishing/params.ts';
import { answeredNotModified } from './conditional.ts';
import { LatestPointer, SeriesDocument, VersionDocument } from './documents.ts';
import { latestPointer, slugOfSeries, versionDocument, versionHead } from './queries.ts';

const TAG = 'published';

/** Runners trust a latest pointer this long (their own cache is as long), so a change shows within it. */
const POINTER_CACHE = 'private, max-age=30';
/** A version never changes. */
// Private: only runners may read versions (previews included), so no shared cache may keep one.
const VERSION_CACHE = 'private, max-age=31536000, immutable';

const SlugParams = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,79}$/, 'must be a slug: lowercase letters, digits, "-" and "_"'),
});
const SeriesParams = z.object({
  series: z
    .string()
    .regex(/^[0-9]{1,7}$/, 'must be a series number')
    .transform(Number),
});

/**
 * What runners read, with their service credential: the latest version of a slug, one version,
 * and the questionnaire of an access-code series. The contract (shapes, statuses, caching) is the
 * runner's: apps/runner/src/questionnaires/README.md.
 */
export const publishedRoutes: FeatureRoutes = (api, { db }) => {
  // Declared first: "series" can never be a slug, so this path is never a questionnaire's.
  api.get(
    '/published/series/:series',
    {
      summary: 'The published questionnaire an access-code series belongs to (for runners)',
      tag: TAG,
      access: 'runner',
      params: SeriesParams,
      responses: { 200: { description: 'Its slug', schema: SeriesDocument }, 404: { description: 'No such series' } },
    },
    async ({ res, params }) => {
      const slug = await slugOfSeries(db, params.series);
      if (!slug) throw notFound(`series ${params.series}`);
      res.json({ slug });
    },
  );

  api.get(
    '/published/:slug',
    {
      summary: 'The latest published version of a slug, with its current access and window (for runners; cached 30 s)',
      tag: TAG,
      access: 'runner',
      params: SlugParams,
      responses: {
        200: { description: 'The latest pointer', schema: LatestPointer },
        304: { description: 'Unchanged since the ETag sent in If-None-Match' },
        404: { description: 'No such slug, or nothing published under it' },
      },
    },
    async ({ req, res, params }) => {
      const pointer = await latestPointer(db, params.slug);
      if (!pointer) throw notFound(`published questionnaire ${params.slug}`);
      const etag = `"${createHash('sha256').update(JSON.stringify(pointer)).digest('base64url').slice(0, 27)}"`;
      if (answeredNotModified(req, res, etag, POINTER_CACHE)) return;
      res.json(pointer);
    },
  );

  api.get(
    '/published/:slug/versions/:version',
    {
      summary: 'One published (or preview) version, immutable: its ETag is the definition’s checksum (for runners)',
      tag: TAG,
      access: 'runner',
      params: SlugParams.extend({ version: VersionNumber }),
      responses: {
        200: { description: 'The version', schema: VersionDocument },
        304: { description: 'The version the ETag names (it never changes)' },
        404: { description: 'No such version' },
      },
    },
    async ({ req, res, params }) => {
      const what = `version ${params.version} of ${params.slug}`;
      // The checksum alone answers a revalidation, without reading the definition.
      const head = await versionHead(db, params.slug, params.version);
      if (!head) throw notFound(what);
      if (answeredNotModified(req, res, `"${head.checksum}"`, VERSION_CACHE)) return;
      const document = await versionDocument(db, params.slug, params.version);
      if (!document) throw notFound(what);
      res.json(document);
    },
  );
};
