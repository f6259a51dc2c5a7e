import type { Database } from '../db/connect.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './secrets.ts';

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = [
  'id',
  'user_id as userId',
  'name',
  'created_at as createdAt',
  'last_used_at as lastUsedAt',
  'revoked_at as revokedAt',
];

/** Makes a personal API token; the token itself is returned this once, only its hash is kept. */
export async function createApiToken(
  db: Database,
  userId: string,
  name: string,
  at: Date,
): Promise<{ record: ApiTokenRecord; token: string }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const [record] = await db('api_tokens')
    .insert({ user_id: userId, name, token_hash: hashSecret(token), created_at: at })
    .returning<ApiTokenRecord[]>(COLUMNS);
  if (!record) throw new Error('no token inserted');
  return { record, token };
}

/** A user's tokens, newest first (revoked ones too, so the list explains what stopped working). */
export async function listApiTokens(db: Database, userId: string): Promise<ApiTokenRecord[]> {
  return db('api_tokens')
    .where({ user_id: userId })
    .select(COLUMNS)
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
}

export async function findApiToken(db: Database, id: string): Promise<ApiTokenRecord | undefined> {
  return db('api_tokens').where({ id }).first(COLUMNS);
}

/** Revokes a token; false when it was revoked already. */
export async function revokeApiToken(db: Database, id: string, at: Date): Promise<boolean> {
  const updated = await db('api_tokens').where({ id }).whereNull('revoked_at').update({ revoked_at: at });
  return updated > 0;
}
