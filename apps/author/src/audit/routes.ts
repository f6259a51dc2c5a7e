import { z } from 'zod';
import type { FeatureRoutes } from '../app.ts';
import { listAuditEvents } from './audit-repository.ts';

const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
  action: z
    .string()
    .regex(/^[a-z][a-z.-]{0,63}$/, 'must be an action name such as sign-in or user.create')
    .optional(),
  actor: z.union([z.uuid(), z.email().max(254)], { error: 'must be a user id or an email' }).optional(),
});

const AuditEventView = z.object({
  id: z.number().int(),
  at: z.date(),
  actor: z.object({ id: z.uuid().nullable(), email: z.string().nullable() }).nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

const AuditPage = z.object({
  events: z.array(AuditEventView),
  /** Ask with `before` set to this for the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});

/** The audit log: who signed in, changed users, saved, published, exported and issued codes. */
export const auditRoutes: FeatureRoutes = (api, services) => {
  api.get(
    '/audit',
    {
      summary: 'Read the audit log, newest first, a page at a time',
      tag: 'audit',
      access: 'admin',
      query: AuditQuery,
      responses: { 200: { description: 'One page of events', schema: AuditPage } },
    },
    async ({ res, query }) => {
      res.json(await listAuditEvents(services.db, query));
    },
  );
};
