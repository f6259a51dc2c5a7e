import type { Knex } from 'knex';
import type { Database } from '../db/connect.ts';
import { SESSION_IDLE_MS } from './authenticate.ts';
import { hashSecret, newSecret } from './secrets.ts';

export interface NewSession {
  /** For the cookie only: the database keeps its SHA-256. */
  token: string;
  csrfToken: string;
}

/** Starts a session for a user (and clears out the user's ended ones). */
export async function createSession(db: Database, userId: string, at: Date): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret();
  await db('sessions').where({ user_id: userId }).where('expires_at', '<=', at).delete();
  await db('sessions').insert({
    id: hashSecret(token),
    user_id: userId,
    csrf_token: csrfToken,
    created_at: at,
    last_seen_at: at,
    expires_at: new Date(at.getTime() + SESSION_IDLE_MS),
  });
  return { token, csrfToken };
}

/** Ends one session, by its id (the hash of its token). */
export async function deleteSession(db: Database, sessionId: string): Promise<void> {
  await db('sessions').where({ id: sessionId }).delete();
}

/** Ends every session of a user (deactivation, a new password). */
export async function deleteSessionsOfUser(db: Database | Knex.Transaction, userId: string): Promise<number> {
  // Counted from `returning`: inside a transaction, knex-pglite answers a bare delete with its raw result.
  const ended = await db('sessions').where({ user_id: userId }).delete().returning('id');
  return ended.length;
}
