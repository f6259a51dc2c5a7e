import type { FeatureRoutes } from '../app.ts';
import { actorOf } from '../audit/record.ts';
import { IdParams } from '../http/route.ts';
import { changeSettings, readSettings, Settings, SettingsChange } from './settings.ts';

const TAG = 'publishing';

/** A questionnaire's publishing settings: slug, open access, opening window, session timeout. */
export const settingsRoutes: FeatureRoutes = (api, { db }) => {
  api.get(
    '/questionnaires/:id/settings',
    {
      summary: 'Read the publishing settings of a questionnaire',
      tag: TAG,
      access: 'viewer',
      params: IdParams,
      responses: { 200: { description: 'The settings', schema: Settings } },
    },
    async ({ res, params }) => {
      res.json(await readSettings(db, params.id));
    },
  );

  api.put(
    '/questionnaires/:id/settings',
    {
      summary:
        'Change publishing settings (fields left out are kept; null clears one). The slug is fixed once a version is published. Closing (closesAt) stops new starts; nothing is deleted',
      tag: TAG,
      access: 'editor',
      params: IdParams,
      body: SettingsChange,
      responses: {
        200: { description: 'The settings after the change', schema: Settings },
        409: { description: 'The slug is fixed (a version is published) or another questionnaire has it' },
      },
    },
    async ({ req, res, params, body }) => {
      res.json(await changeSettings(db, params.id, body, actorOf(req)));
    },
  );
};
