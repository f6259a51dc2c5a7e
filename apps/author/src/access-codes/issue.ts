import { randomUUID } from 'node:crypto';
import { hashCode, issueCodes, SERIAL_LIMIT } from '@eq/access-code';
import { validateMetadata } from '@eq/engine';
import type { Questionnaire } from '@eq/schema';
import { type AuditEvent, recordAudit } from '../audit/record.ts';
import { ApiError } from '../http/errors.ts';
import type { Services } from '../services.ts';
import { findCodeSeries } from './questionnaire.ts';

/**
 * Codes generated and inserted per statement: one array parameter of hashes each, so a statement
 * stays small to parse, and the event loop gets a turn between chunks.
 */
const CHUNK = 10_000;

export interface IssuedBatch {
  batchId: string;
  series: number;
  firstSerial: number;
  /** Canonical codes, in serial order from `firstSerial`. */
  codes: string[];
}

/**
 * Issues `count` codes of a published questionnaire's series. Serials come from one conditional
 * UPDATE of `next_serial` (concurrent issues get disjoint ranges, and a series never passes its
 * last serial); the codes' hashes, the batch and the audit event are then written in one
 * transaction. If that fails, the serials stay used: the codes were never shown to anyone, so the
 * gap is harmless, and the row lock of the questionnaire is not held while 100,000 rows are written.
 */
export async function issueAccessCodes(
  services: Pick<Services, 'db' | 'keys' | 'now'>,
  request: { questionnaireId: string; count: number; actor: AuditEvent['actor'] },
): Promise<IssuedBatch> {
  const { db, keys } = services;
  const { questionnaireId, count, actor } = request;
  const { series } = await findCodeSeries(db, questionnaireId);
  const published = await db('published_versions')
    .where({ questionnaire_id: questionnaireId, preview: false })
    .orderBy('version', 'desc')
    .first<{ definition: Questionnaire } | undefined>('definition');
  if (!published) {
    throw new ApiError(409, 'not_published', 'publish the questionnaire before issuing access codes for it');
  }
  // A code carries no launch data, and runners refuse codes of a questionnaire that needs some.
  const needed = validateMetadata(published.definition, {}).problems;
  if (needed.length > 0) {
    throw new ApiError(
      409,
      'needs_launch_data',
      'this questionnaire needs launch data (such as an address), which access codes cannot carry: issue launch tokens instead',
      needed,
    );
  }

  const [allocated] = await db('questionnaires')
    .where({ id: questionnaireId })
    .andWhereRaw('next_serial + ? <= ?', [count, SERIAL_LIMIT])
    .update({ next_serial: db.raw('next_serial + ?', [count]) })
    .returning<{ next_serial: number }[]>(['next_serial']);
  if (!allocated) {
    const row = await db('questionnaires').where({ id: questionnaireId }).first<{ next_serial: number }>('next_serial');
    const remaining = SERIAL_LIMIT - (row?.next_serial ?? SERIAL_LIMIT);
    throw new ApiError(
      409,
      'series_exhausted',
      `the questionnaire's access-code series has ${remaining} codes left, fewer than the ${count} asked for`,
      { remaining },
    );
  }
  const firstSerial = allocated.next_serial - count;

  const batchId = randomUUID();
  const issuedAt = services.now();
  const codes: string[] = [];
  await db.transaction(async (trx) => {
    await trx('access_code_batches').insert({
      id: batchId,
      questionnaire_id: questionnaireId,
      series,
      first_serial: firstSerial,
      count,
      issued_by: actor?.id ?? null,
      issued_at: issuedAt,
    });
    for (let offset = 0; offset < count; offset += CHUNK) {
      const chunk = issueCodes(keys.accessCodeKey, series, firstSerial + offset, Math.min(CHUNK, count - offset));
      await trx.raw(
        `insert into access_codes (code_hash, questionnaire_id, series, serial, batch_id, issued_by, issued_at)
         select code_hash, ?, ?, ? + position::int - 1, ?, ?, ?
         from unnest(?::text[]) with ordinality as issued(code_hash, position)`,
        [questionnaireId, series, firstSerial + offset, batchId, actor?.id ?? null, issuedAt, chunk.map(hashCode)],
      );
      codes.push(...chunk);
    }
    await recordAudit(trx, {
      action: 'access-codes.issue',
      actor,
      subjectType: 'questionnaire',
      subjectId: questionnaireId,
      details: { batchId, count, series, firstSerial },
    });
  });
  return { batchId, series, firstSerial, codes };
}
