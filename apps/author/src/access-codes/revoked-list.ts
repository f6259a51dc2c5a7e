import type { Knex } from 'knex';
import type { z } from 'zod';
import { notFound } from '../http/errors.ts';
import { REVOCATION_CURSOR, type RevokedPage } from './schemas.ts';

/** Hashes per reply: a runner asks again at once while `more` is true. */
export const REVOKED_PAGE_SIZE = 10_000;

/**
 * The revoked codes of a series after a cursor, in (revocation, hash) order. Revocations of a
 * series commit in revocation order (revoke.ts), so a reader that resumes after the last one it
 * saw never misses one: no polling window, no clock skew, nothing read twice.
 */
export async function revokedSince(
  db: Knex,
  series: number,
  since: string | undefined,
  pageSize = REVOKED_PAGE_SIZE,
): Promise<z.infer<typeof RevokedPage>> {
  const questionnaire = await db('questionnaires').where({ series }).first('id');
  if (!questionnaire) throw notFound('series');
  const [, revocation, hash] = (since === undefined ? undefined : REVOCATION_CURSOR.exec(since)) ?? [];
  const rows = await db('access_codes')
    .where({ series })
    .whereNotNull('revocation')
    .modify((query) => {
      if (revocation && hash) query.whereRaw('(revocation, code_hash) > (?::bigint, ?)', [revocation, hash]);
    })
    .orderBy([{ column: 'revocation' }, { column: 'code_hash' }])
    .limit(pageSize + 1)
    .select<{ revocation: number | string; code_hash: string }[]>('revocation', 'code_hash');
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    series,
    revoked: page.map((row) => row.code_hash),
    cursor: last ? `${String(last.revocation)}.${last.code_hash}` : (since ?? null),
    more: rows.length > pageSize,
  };
}
