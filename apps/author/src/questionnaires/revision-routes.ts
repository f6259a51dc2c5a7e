import type { FeatureRoutes } from '../app.ts';
import { actorOf } from '../audit/record.ts';
import { IdParams } from '../http/route.ts';
import { findRevision, listRevisions, restoreRevision } from './revisions.ts';
import { RestoreRequest, RevisionListView, RevisionParams, RevisionQuery, RevisionView, SavedView } from './schemas.ts';

/** A questionnaire's revision history: who saved what when, and restoring an earlier revision. */
export const revisionRoutes: FeatureRoutes = (api, { db }) => {
  const tag = 'Questionnaires';

  api.get(
    '/questionnaires/:id/revisions',
    {
      summary: 'List a questionnaire’s revisions, newest first (without definitions)',
      tag,
      access: 'viewer',
      params: IdParams,
      query: RevisionQuery,
      responses: { 200: { description: 'The revisions', schema: RevisionListView } },
    },
    async ({ res, params, query }) => {
      res.json({ revisions: await listRevisions(db, params.id, query) });
    },
  );

  api.get(
    '/questionnaires/:id/revisions/:revision',
    {
      summary: 'Read one revision with its definition',
      tag,
      access: 'viewer',
      params: RevisionParams,
      responses: { 200: { description: 'The revision', schema: RevisionView } },
    },
    async ({ res, params }) => {
      res.json(await findRevision(db, params.id, params.revision));
    },
  );

  api.post(
    '/questionnaires/:id/revisions/:revision/restore',
    {
      summary: 'Save an earlier revision’s definition as the next revision',
      tag,
      access: 'editor',
      params: RevisionParams,
      body: RestoreRequest,
      responses: {
        200: {
          description: 'The new revision',
          schema: SavedView.extend({ definition: RevisionView.shape.definition }),
        },
        409: { description: 'stale_revision: another save came first (details.currentRevision)' },
        422: { description: 'The earlier definition is no longer a valid questionnaire' },
      },
    },
    async ({ req, res, params, body }) => {
      const restored = await restoreRevision(
        db,
        { id: params.id, revision: params.revision, baseRevision: body.baseRevision },
        actorOf(req),
      );
      res.json(restored);
    },
  );
};
