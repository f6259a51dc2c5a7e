import type { FeatureRoutes } from '../app.ts';
import { actorOf, recordAudit } from '../audit/record.ts';
import { notFound } from '../http/errors.ts';
import { IdParams } from '../http/route.ts';
import { currentUser } from './principal.ts';
import { ApiTokenList, NewApiTokenBody, NewApiTokenResponse } from './schemas.ts';
import { createApiToken, findApiToken, listApiTokens, revokeApiToken } from './token-repository.ts';

/** Personal API tokens (`Authorization: Bearer eqa_…`), for scripts and CI. */
export const tokenRoutes: FeatureRoutes = (api, services) => {
  const { db, now } = services;

  api.post(
    '/tokens',
    {
      summary: 'Create a personal API token (shown once)',
      tag: 'tokens',
      access: 'viewer',
      body: NewApiTokenBody,
      responses: { 201: { description: 'The new token, shown this once', schema: NewApiTokenResponse } },
    },
    async ({ req, res, body }) => {
      const user = currentUser(req);
      const { record, token } = await createApiToken(db, user.id, body.name, now());
      await recordAudit(db, {
        action: 'token.create',
        actor: actorOf(req),
        subjectType: 'api-token',
        subjectId: record.id,
        details: { name: record.name },
      });
      res.setHeader('Cache-Control', 'no-store');
      res.status(201).json({ ...viewOf(record), token });
    },
  );

  api.get(
    '/tokens',
    {
      summary: 'List your own API tokens (never the tokens themselves)',
      tag: 'tokens',
      access: 'viewer',
      responses: { 200: { description: 'Your tokens, newest first', schema: ApiTokenList } },
    },
    async ({ req, res }) => {
      const tokens = await listApiTokens(db, currentUser(req).id);
      res.json({ tokens: tokens.map(viewOf) });
    },
  );

  api.delete(
    '/tokens/:id',
    {
      summary: 'Revoke an API token (your own; admins may revoke anyone’s)',
      tag: 'tokens',
      access: 'viewer',
      params: IdParams,
      responses: { 204: { description: 'Revoked (or it was already)' } },
    },
    async ({ req, res, params }) => {
      const user = currentUser(req);
      const token = await findApiToken(db, params.id);
      // Someone else's token is "not found" to a non-admin: ids of others' tokens are not confirmed.
      if (!token || (token.userId !== user.id && user.role !== 'admin')) throw notFound('token');
      if (await revokeApiToken(db, token.id, now())) {
        await recordAudit(db, {
          action: 'token.revoke',
          actor: actorOf(req),
          subjectType: 'api-token',
          subjectId: token.id,
          details: { name: token.name, owner: token.userId },
        });
      }
      res.status(204).end();
    },
  );
};

function viewOf(record: {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}) {
  return {
    id: record.id,
    name: record.name,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt,
    revokedAt: record.revokedAt,
  };
}
