import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FeatureRoutes } from '../app.ts';
import { actorOf, recordAudit } from '../audit/record.ts';
import { IdParams } from '../http/route.ts';
import { createLaunchSigner } from './launch-signer.ts';
import { launchTarget } from './launch-tokens.ts';
import { type CheckedLaunchValues, LaunchValues, launchUrl } from './launch-values.ts';
import { previewQuestionnaire } from './preview.ts';

const TAG = 'publishing';

const LaunchTokenRequest = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: 'A published version; the latest at launch when absent' }),
  ...LaunchValues,
});

const PreviewRequest = z.strictObject(LaunchValues);

const IssuedToken = z.object({
  token: z.string().meta({ description: 'A signed launch token (JWT): shown once, never stored' }),
  url: z.string().meta({ description: 'The runner URL that starts the response' }),
  expiresAt: z.string(),
  slug: z.string(),
  version: z.number().int().nullable().meta({ description: 'Null: the latest version when the token is used' }),
  responseId: z.string(),
});

/** Preview snapshots of the draft, and signed launch tokens for published versions. */
export const launchRoutes: FeatureRoutes = (api, { db, keys, env, now }) => {
  const signer = createLaunchSigner(keys.launchSigningKey);

  /** Signs a token for a version (or the latest), and says where it leads. */
  async function issue(target: {
    slug: string;
    version?: number | undefined;
    launch: CheckedLaunchValues;
    preview?: true;
    request: { responseId?: string | undefined; respondentRef?: string | undefined; lifetimeSeconds: number };
  }): Promise<z.infer<typeof IssuedToken>> {
    const { slug, version, launch, request } = target;
    const responseId = request.responseId ?? randomUUID();
    const { token, expiresAt } = await signer.sign(
      {
        questionnaire: slug,
        ...(version === undefined ? {} : { version }),
        response_id: responseId,
        ...(request.respondentRef === undefined ? {} : { respondent_ref: request.respondentRef }),
        metadata: launch.metadata,
        ...(launch.lang === undefined ? {} : { lang: launch.lang }),
        ...(target.preview ? { preview: true } : {}),
      },
      request.lifetimeSeconds,
      now(),
    );
    const url = launchUrl(env.RUNNER_URL, token);
    return { token, url, expiresAt: expiresAt.toISOString(), slug, version: version ?? null, responseId };
  }

  api.post(
    '/questionnaires/:id/preview',
    {
      summary:
        'Snapshot the draft as a preview version and issue a preview launch token for it (its submissions are marked as test)',
      tag: TAG,
      access: 'editor',
      params: IdParams,
      body: PreviewRequest,
      responses: {
        201: { description: 'The preview’s launch token and runner URL', schema: IssuedToken },
        422: { description: 'The draft has errors, or the launch values do not suit it' },
      },
    },
    async ({ req, res, params, body }) => {
      const preview = await previewQuestionnaire(
        db,
        { questionnaireId: params.id, metadata: body.metadata, language: body.language },
        actorOf(req),
      );
      res.status(201).json(await issue({ ...preview, preview: true, request: body }));
    },
  );

  api.post(
    '/questionnaires/:id/launch-tokens',
    {
      summary: 'Issue a signed launch token (and its runner URL) for a published version with given launch values',
      tag: TAG,
      access: 'editor',
      params: IdParams,
      body: LaunchTokenRequest,
      responses: {
        201: { description: 'The launch token and runner URL', schema: IssuedToken },
        404: { description: 'No such questionnaire or version' },
        409: { description: 'Nothing is published yet' },
        422: { description: 'The launch values do not suit the version' },
      },
    },
    async ({ req, res, params, body }) => {
      const issued = await issue({ ...(await launchTarget(db, params.id, body)), request: body });
      // The token is a credential: the log keeps where it leads, never the token or the values.
      await recordAudit(db, {
        action: 'launch-token.issue',
        actor: actorOf(req),
        subjectType: 'questionnaire',
        subjectId: params.id,
        details: {
          slug: issued.slug,
          version: issued.version,
          responseId: issued.responseId,
          expiresAt: issued.expiresAt,
        },
      });
      res.status(201).json(issued);
    },
  );
};
