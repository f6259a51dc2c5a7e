import type { Knex } from 'knex';
import type { z } from 'zod';
import { findCodeSeries } from './questionnaire.ts';
import type { BatchList } from './schemas.ts';

interface BatchRow {
  id: string;
  count: number;
  first_serial: number;
  issued_at: Date;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  revoked: number | string;
}

/**
 * A questionnaire's batches of codes, newest first, with how many of each are revoked. Read from
 * the batches table (one row per issue), so a census with millions of codes lists as fast as a
 * small survey; revoked codes are few and counted through their partial index.
 */
export async function listBatches(db: Knex, questionnaireId: string): Promise<z.infer<typeof BatchList>> {
  const { series } = await findCodeSeries(db, questionnaireId);
  const revoked = db('access_codes')
    .where({ series })
    .whereNotNull('revocation')
    .groupBy('batch_id')
    .select('batch_id', db.raw('count(*) as revoked'))
    .as('r');
  const rows = await db('access_code_batches as b')
    .leftJoin('users as u', 'u.id', 'b.issued_by')
    .leftJoin(revoked, 'r.batch_id', 'b.id')
    .where('b.questionnaire_id', questionnaireId)
    .orderBy([
      { column: 'b.issued_at', order: 'desc' },
      { column: 'b.first_serial', order: 'desc' },
    ])
    .select<BatchRow[]>(
      'b.id',
      'b.count',
      'b.first_serial',
      'b.issued_at',
      'u.id as user_id',
      'u.name as user_name',
      'u.email as user_email',
      db.raw('coalesce(r.revoked, 0) as revoked'),
    );
  return {
    series,
    batches: rows.map((row) => ({
      batchId: row.id,
      count: row.count,
      firstSerial: row.first_serial,
      revoked: Number(row.revoked),
      issuedAt: new Date(row.issued_at).toISOString(),
      issuedBy:
        row.user_id === null ? null : { id: row.user_id, name: row.user_name ?? '', email: row.user_email ?? '' },
    })),
  };
}
