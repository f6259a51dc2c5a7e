import type { Knex } from 'knex';
import type { Role, UserSummary } from '../auth/principal.ts';
import { deleteSessionsOfUser } from '../auth/session-repository.ts';
import type { Database } from '../db/connect.ts';
import { ApiError } from '../http/errors.ts';

export interface UserRecord extends UserSummary {
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = ['id', 'email', 'name', 'role', 'active', 'created_at as createdAt', 'updated_at as updatedAt'];

/** What sign-in needs of an account, by email (any case). */
export async function findUserForSignIn(
  db: Database,
  email: string,
): Promise<(UserSummary & { active: boolean; passwordHash: string }) | undefined> {
  return db('users')
    .whereRaw('lower(email) = lower(?)', [email])
    .first('id', 'email', 'name', 'role', 'active', 'password_hash as passwordHash');
}

export async function listUsers(db: Database): Promise<UserRecord[]> {
  return db('users')
    .select(COLUMNS)
    .orderBy([{ column: 'email' }, { column: 'id' }]);
}

export async function findUser(db: Database | Knex.Transaction, id: string): Promise<UserRecord | undefined> {
  return db('users').where({ id }).first(COLUMNS);
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

/** Adds a user; 409 when the email (in any case) is taken. */
export async function createUser(db: Database, user: NewUser): Promise<UserRecord> {
  try {
    const [row] = await db('users')
      .insert({ email: user.email, name: user.name, role: user.role, password_hash: user.passwordHash })
      .returning<UserRecord[]>(COLUMNS);
    if (!row) throw new Error('no user inserted');
    return row;
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) {
      throw new ApiError(409, 'email_taken', 'a user with this email already exists');
    }
    throw error;
  }
}

export interface UserChanges {
  name?: string;
  role?: Role;
  active?: boolean;
  passwordHash?: string;
}

/**
 * Changes a user in one transaction. The active admins are locked first, so two admins demoting
 * or deactivating each other at once cannot leave none: the second waits, then sees one admin
 * left. Deactivating or re-passwording ends the user's sessions (tokens stop at once too: every
 * request checks that the user is active).
 */
export async function updateUser(
  db: Database,
  id: string,
  changes: UserChanges,
  at: Date,
): Promise<{ before: UserRecord; after: UserRecord; sessionsEnded: number }> {
  return db.transaction(async (trx) => {
    const activeAdmins = await trx('users')
      .where({ role: 'admin', active: true })
      .forUpdate()
      .select<{ id: string }[]>('id');
    const before = await findUser(trx, id);
    if (!before) throw new ApiError(404, 'not_found', 'user not found');
    const staysAdmin = (changes.role ?? before.role) === 'admin' && (changes.active ?? before.active);
    if (activeAdmins.length === 1 && activeAdmins[0]?.id === id && !staysAdmin) {
      throw new ApiError(
        409,
        'last_admin',
        'this is the last active admin: make another user an admin before demoting or deactivating this one',
      );
    }
    const [after] = await trx('users')
      .where({ id })
      .update({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
        updated_at: at,
      })
      .returning<UserRecord[]>(COLUMNS);
    if (!after) throw new Error('no user updated');
    const endSessions = changes.active === false || changes.passwordHash !== undefined;
    const sessionsEnded = endSessions ? await deleteSessionsOfUser(trx, id) : 0;
    return { before, after, sessionsEnded };
  });
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23505' && e.constraint === constraint;
}
