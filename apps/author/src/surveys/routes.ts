import type { FeatureRoutes } from '../app.ts';
import { actorOf } from '../audit/record.ts';
import { notFound } from '../http/errors.ts';
import { IdParams } from '../http/route.ts';
import { NewSurvey, SurveyChanges, SurveyListView, SurveyView } from './schemas.ts';
import { createSurvey, deleteSurvey, findSurvey, listSurveys, updateSurvey } from './survey-repository.ts';

/** Surveys: a survey (the office's survey id and a name) holds questionnaires. */
export const surveyRoutes: FeatureRoutes = (api, { db }) => {
  const tag = 'Surveys';

  api.get(
    '/surveys',
    {
      summary: 'List surveys',
      tag,
      access: 'viewer',
      responses: { 200: { description: 'Every survey by name', schema: SurveyListView } },
    },
    async ({ res }) => {
      res.json({ surveys: await listSurveys(db) });
    },
  );

  api.post(
    '/surveys',
    {
      summary: 'Add a survey',
      tag,
      access: 'editor',
      body: NewSurvey,
      responses: {
        201: { description: 'The survey', schema: SurveyView },
        409: { description: 'Another survey has that survey id' },
      },
    },
    async ({ req, res, body }) => {
      res.status(201).json(await createSurvey(db, body, actorOf(req)));
    },
  );

  api.get(
    '/surveys/:id',
    {
      summary: 'Read a survey',
      tag,
      access: 'viewer',
      params: IdParams,
      responses: { 200: { description: 'The survey', schema: SurveyView } },
    },
    async ({ res, params }) => {
      const survey = await findSurvey(db, params.id);
      if (!survey) throw notFound('survey');
      res.json(survey);
    },
  );

  api.patch(
    '/surveys/:id',
    {
      summary: 'Rename a survey or change its survey id',
      tag,
      access: 'editor',
      params: IdParams,
      body: SurveyChanges,
      responses: {
        200: { description: 'The survey as changed', schema: SurveyView },
        409: { description: 'Another survey has that survey id' },
      },
    },
    async ({ req, res, params, body }) => {
      res.json(await updateSurvey(db, params.id, body, actorOf(req)));
    },
  );

  api.delete(
    '/surveys/:id',
    {
      summary: 'Delete an empty survey',
      tag,
      access: 'editor',
      params: IdParams,
      responses: {
        204: { description: 'Deleted' },
        409: { description: 'The survey still holds questionnaires' },
      },
    },
    async ({ req, res, params }) => {
      await deleteSurvey(db, params.id, actorOf(req));
      res.status(204).end();
    },
  );
};
