import { z } from 'zod';
import type { FeatureRoutes } from '../app.ts';
import { actorOf } from '../audit/record.ts';
import { IdParams } from '../http/route.ts';
import { VersionNumber } from './params.ts';
import { publishQuestionnaire } from './publish.ts';
import { findVersion, listVersions, VersionDetail, VersionSummary } from './version-history.ts';

const TAG = 'publishing';

const PublishRequest = z.strictObject({
  notes: z.string().max(2000).optional().meta({ description: 'What changed, for the version history' }),
});

const Published = z.object({ slug: z.string(), version: z.number().int(), checksum: z.string() });

/** Publishing a questionnaire's draft as an immutable version, and the history of versions. */
export const publishRoutes: FeatureRoutes = (api, { db }) => {
  api.post(
    '/questionnaires/:id/publish',
    {
      summary:
        'Publish the current definition as the next immutable version, after the static checks (the first publish fixes the slug)',
      tag: TAG,
      access: 'editor',
      params: IdParams,
      body: PublishRequest,
      responses: {
        201: { description: 'The version made', schema: Published },
        409: { description: 'The default slug (the definition’s id) is taken: set another in the settings' },
        422: { description: '`questionnaire_has_errors`: the errors of the static checks, as `details`' },
      },
    },
    async ({ req, res, params, body }) => {
      const published = await publishQuestionnaire(
        db,
        { questionnaireId: params.id, ...(body.notes === undefined ? {} : { notes: body.notes }) },
        actorOf(req),
      );
      res.status(201).json(published);
    },
  );

  api.get(
    '/questionnaires/:id/versions',
    {
      summary: 'List the published versions of a questionnaire, newest first (without definitions)',
      tag: TAG,
      access: 'viewer',
      params: IdParams,
      responses: { 200: { description: 'The versions', schema: z.object({ versions: z.array(VersionSummary) }) } },
    },
    async ({ res, params }) => {
      res.json({ versions: await listVersions(db, params.id) });
    },
  );

  api.get(
    '/questionnaires/:id/versions/:version',
    {
      summary: 'Read one published version of a questionnaire, with its definition',
      tag: TAG,
      access: 'viewer',
      params: IdParams.extend({ version: VersionNumber }),
      responses: { 200: { description: 'The version', schema: VersionDetail } },
    },
    async ({ res, params }) => {
      res.json(await findVersion(db, params.id, params.version));
    },
  );
};
