import type { FeatureRoutes } from '../app.ts';
import { actorOf } from '../audit/record.ts';
import { IdParams } from '../http/route.ts';
import { listBatches } from './batches.ts';
import { requestedFormat, sendIssuedCodes } from './download.ts';
import { issueAccessCodes } from './issue.ts';
import { revokeAccessCodes } from './revoke.ts';
import { revokedSince } from './revoked-list.ts';
import {
  BatchList,
  IssueBody,
  IssuedCodes,
  RevokeBody,
  RevokedPage,
  RevokedQuery,
  RevokeResult,
  SeriesParams,
} from './schemas.ts';

/**
 * Access codes (issue 4 §5): issue batches of self-verifying codes for a published questionnaire
 * (shown once, kept only as hashes), list the batches, revoke codes, and tell runners which codes
 * of a series are revoked.
 */
export const accessCodeRoutes: FeatureRoutes = (api, services) => {
  const tag = 'Access codes';

  api.post(
    '/questionnaires/:id/access-codes',
    {
      summary: 'Issue access codes for a published questionnaire',
      tag,
      access: 'editor',
      params: IdParams,
      body: IssueBody,
      responses: {
        201: {
          description:
            'The new codes, shown this once (only their hashes are kept). By default a CSV download ' +
            '(`text/csv`, `Content-Disposition: attachment`) with the columns access_code (formatted ' +
            '"7K2M 9QXD 4TRB H1CW"), serial and batch; with `Accept: application/json`, this JSON.',
          schema: IssuedCodes,
          contentType: 'text/csv',
        },
        406: { description: 'The Accept header allows neither text/csv nor application/json' },
        409: {
          description:
            'The questionnaire has no published version (`not_published`), needs launch data that ' +
            'codes cannot carry (`needs_launch_data`, details: what it needs), or its series has fewer ' +
            'serials left than asked for (`series_exhausted`, details.remaining)',
        },
      },
    },
    async ({ req, res, params, body }) => {
      const format = requestedFormat(req);
      const batch = await issueAccessCodes(services, {
        questionnaireId: params.id,
        count: body.count,
        actor: actorOf(req),
      });
      await sendIssuedCodes(res, batch, format);
    },
  );

  api.get(
    '/questionnaires/:id/access-codes/batches',
    {
      summary: 'List the batches of access codes issued for a questionnaire',
      tag,
      access: 'viewer',
      params: IdParams,
      responses: {
        200: { description: 'Batches, newest first, with their revoked counts (never the codes)', schema: BatchList },
      },
    },
    async ({ res, params }) => {
      res.json(await listBatches(services.db, params.id));
    },
  );

  api.post(
    '/questionnaires/:id/access-codes/revoke',
    {
      summary: 'Revoke access codes of a questionnaire, one by one or a whole batch',
      tag,
      access: 'editor',
      params: IdParams,
      body: RevokeBody,
      responses: {
        200: { description: 'How many codes this revoked, and how many were revoked already', schema: RevokeResult },
        422: {
          description:
            'Some codes are not codes, are of another questionnaire or were never issued, or the batch ' +
            'is not of this questionnaire (`invalid_codes`, each in details by path): nothing was revoked',
        },
      },
    },
    async ({ req, res, params, body }) => {
      res.json(
        await revokeAccessCodes(services, {
          questionnaireId: params.id,
          codes: body.codes,
          batchId: body.batchId,
          actor: actorOf(req),
        }),
      );
    },
  );

  api.get(
    '/published/series/:n/revoked',
    {
      summary: 'For runners: the revoked access codes of a series, incrementally',
      tag,
      access: 'runner',
      params: SeriesParams,
      query: RevokedQuery,
      responses: {
        200: {
          description:
            'Hashes (`hashCode` of @eq/access-code) of the codes revoked after `since`, in revocation ' +
            'order, and the cursor to pass next time; while `more` is true, ask again at once',
          schema: RevokedPage,
        },
        404: { description: 'No questionnaire has this series' },
      },
    },
    async ({ res, params, query }) => {
      res.set('Cache-Control', 'no-store').json(await revokedSince(services.db, params.n, query.since));
    },
  );
};
