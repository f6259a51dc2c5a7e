import type { FeatureRoutes } from '../app.ts';
import { actorOf, recordAudit } from '../audit/record.ts';
import { hashPassword } from '../auth/passwords.ts';
import { IdParams } from '../http/route.ts';
import { NewUserBody, UserChangesBody, UserList, UserView } from './schemas.ts';
import { createUser, listUsers, type UserRecord, updateUser } from './user-repository.ts';

/** Managing the people who use the author app: admins only. */
export const userRoutes: FeatureRoutes = (api, services) => {
  const { db, now } = services;

  api.get(
    '/users',
    {
      summary: 'List users',
      tag: 'users',
      access: 'admin',
      responses: { 200: { description: 'Every user, by email', schema: UserList } },
    },
    async ({ res }) => {
      res.json({ users: (await listUsers(db)).map(viewOf) });
    },
  );

  api.post(
    '/users',
    {
      summary: 'Create a user',
      tag: 'users',
      access: 'admin',
      body: NewUserBody,
      responses: {
        201: { description: 'The new user', schema: UserView },
        409: { description: 'A user with this email already exists' },
      },
    },
    async ({ req, res, body }) => {
      const user = await createUser(db, { ...body, passwordHash: await hashPassword(body.password) });
      await recordAudit(db, {
        action: 'user.create',
        actor: actorOf(req),
        subjectType: 'user',
        subjectId: user.id,
        details: { email: user.email, name: user.name, role: user.role },
      });
      res.status(201).json(viewOf(user));
    },
  );

  api.patch(
    '/users/:id',
    {
      summary: 'Change a user: name, role, active (false ends their sessions and tokens at once), password',
      tag: 'users',
      access: 'admin',
      params: IdParams,
      body: UserChangesBody,
      responses: {
        200: { description: 'The changed user', schema: UserView },
        404: { description: 'No such user' },
        409: { description: 'It would leave no active admin' },
      },
    },
    async ({ req, res, params, body }) => {
      const { password, ...rest } = body;
      const changes = { ...rest, ...(password !== undefined ? { passwordHash: await hashPassword(password) } : {}) };
      const { before, after, sessionsEnded } = await updateUser(db, params.id, changes, now());
      await recordAudit(db, {
        action: before.active && !after.active ? 'user.deactivate' : 'user.update',
        actor: actorOf(req),
        subjectType: 'user',
        subjectId: after.id,
        details: { ...changesOf(before, after, password !== undefined), sessionsEnded },
      });
      res.json(viewOf(after));
    },
  );
};

/** What changed, as `{field: {from, to}}` (a new password only as `password: "changed"`). */
function changesOf(before: UserRecord, after: UserRecord, passwordChanged: boolean): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of ['name', 'role', 'active'] as const) {
    if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  }
  if (passwordChanged) changes.password = 'changed';
  return { changes };
}

function viewOf(user: UserRecord) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
