import type { FeatureRoutes } from '../app.ts';
import { actorOf } from '../audit/record.ts';
import { notFound } from '../http/errors.ts';
import { IdParams } from '../http/route.ts';
import { findSurvey } from '../surveys/survey-repository.ts';
import {
  createQuestionnaire,
  deleteQuestionnaire,
  findQuestionnaire,
  listQuestionnaires,
  saveQuestionnaire,
} from './questionnaire-repository.ts';
import { revisionRoutes } from './revision-routes.ts';
import {
  CreatedView,
  NewQuestionnaire,
  QuestionnaireListView,
  QuestionnaireSave,
  QuestionnaireView,
  SavedView,
} from './schemas.ts';
import { transferRoutes } from './transfer-routes.ts';
import { questionnaireView } from './view.ts';

/** Questionnaires: drafts in a survey, saved with optimistic concurrency, with their history. */
export const questionnaireRoutes: FeatureRoutes = (api, services) => {
  const { db } = services;
  const tag = 'Questionnaires';

  api.get(
    '/surveys/:id/questionnaires',
    {
      summary: 'List the questionnaires of a survey',
      tag,
      access: 'viewer',
      params: IdParams,
      responses: { 200: { description: 'The questionnaires by title', schema: QuestionnaireListView } },
    },
    async ({ res, params }) => {
      if (!(await findSurvey(db, params.id))) throw notFound('survey');
      res.json({ questionnaires: await listQuestionnaires(db, params.id) });
    },
  );

  api.post(
    '/surveys/:id/questionnaires',
    {
      summary: 'Add a questionnaire to a survey',
      tag,
      access: 'editor',
      params: IdParams,
      body: NewQuestionnaire,
      responses: {
        201: { description: 'The questionnaire at revision 1, with the problems of its draft', schema: CreatedView },
        422: { description: 'The definition is not a valid questionnaire: every problem with its JSON pointer' },
      },
    },
    async ({ req, res, params, body }) => {
      const created = await createQuestionnaire(db, { surveyId: params.id, definition: body.definition }, actorOf(req));
      res.status(201).json({ ...created, definition: body.definition });
    },
  );

  api.get(
    '/questionnaires/:id',
    {
      summary: 'Read a questionnaire: its draft definition, problems and settings',
      tag,
      access: 'viewer',
      params: IdParams,
      responses: { 200: { description: 'The questionnaire', schema: QuestionnaireView } },
    },
    async ({ res, params }) => {
      const row = await findQuestionnaire(db, params.id);
      if (!row) throw notFound('questionnaire');
      res.json(questionnaireView(row));
    },
  );

  api.put(
    '/questionnaires/:id',
    {
      summary: 'Save a questionnaire’s definition as its next revision',
      tag,
      access: 'editor',
      params: IdParams,
      body: QuestionnaireSave,
      responses: {
        200: { description: 'The new revision, with the problems of the draft', schema: SavedView },
        409: { description: 'stale_revision: another save came first (details.currentRevision)' },
        422: { description: 'The definition is not a valid questionnaire: every problem with its JSON pointer' },
      },
    },
    async ({ req, res, params, body }) => {
      const saved = await saveQuestionnaire(
        db,
        { id: params.id, definition: body.definition, baseRevision: body.baseRevision },
        actorOf(req),
      );
      res.json(saved);
    },
  );

  api.delete(
    '/questionnaires/:id',
    {
      summary: 'Delete a questionnaire that was never published',
      tag,
      access: 'editor',
      params: IdParams,
      responses: {
        204: { description: 'Deleted, with its revisions' },
        409: { description: 'The questionnaire has published versions' },
      },
    },
    async ({ req, res, params }) => {
      await deleteQuestionnaire(db, params.id, actorOf(req));
      res.status(204).end();
    },
  );

  revisionRoutes(api, services);
  transferRoutes(api, services);
};
