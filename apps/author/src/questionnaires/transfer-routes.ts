import type { FeatureRoutes } from '../app.ts';
import { actorOf } from '../audit/record.ts';
import { notFound } from '../http/errors.ts';
import { IdParams } from '../http/route.ts';
import { inDocumentOrder } from './definition.ts';
import { duplicateQuestionnaire } from './duplicate.ts';
import { createQuestionnaire, findQuestionnaire } from './questionnaire-repository.ts';
import { CreatedView, Definition, DuplicateRequest } from './schemas.ts';

/** Copies of questionnaires: duplicating one, and exporting and importing definitions as JSON files. */
export const transferRoutes: FeatureRoutes = (api, { db }) => {
  const tag = 'Questionnaires';

  api.post(
    '/questionnaires/:id/duplicate',
    {
      summary: 'Copy a questionnaire (under a new definition id) into its survey or another',
      tag,
      access: 'editor',
      params: IdParams,
      body: DuplicateRequest,
      responses: { 201: { description: 'The copy at revision 1', schema: CreatedView } },
    },
    async ({ req, res, params, body }) => {
      res.status(201).json(await duplicateQuestionnaire(db, { id: params.id, surveyId: body.surveyId }, actorOf(req)));
    },
  );

  api.get(
    '/questionnaires/:id/export',
    {
      summary: 'Download a questionnaire’s definition as a JSON file',
      tag,
      access: 'viewer',
      params: IdParams,
      responses: { 200: { description: 'The definition, as an attachment `<definition id>.json`' } },
    },
    async ({ res, params }) => {
      const row = await findQuestionnaire(db, params.id);
      if (!row) throw notFound('questionnaire');
      // The schema holds definition ids to [a-z0-9_-], so the id is a safe file name as it is.
      const name = String((row.definition as { id?: unknown }).id);
      res.attachment(`${name}.json`);
      res.type('application/json').send(`${JSON.stringify(inDocumentOrder(row.definition), null, 2)}\n`);
    },
  );

  api.post(
    '/surveys/:id/questionnaires/import',
    {
      summary: 'Add a questionnaire from an exported definition (the request body is the document itself)',
      tag,
      access: 'editor',
      params: IdParams,
      body: Definition,
      responses: {
        201: { description: 'The questionnaire at revision 1', schema: CreatedView },
        422: { description: 'The document is not a valid questionnaire: every problem with its JSON pointer' },
      },
    },
    async ({ req, res, params, body }) => {
      const created = await createQuestionnaire(db, { surveyId: params.id, definition: body }, actorOf(req), {
        imported: true,
      });
      res.status(201).json({ ...created, definition: body });
    },
  );
};
