import { hashCode, verifyCode } from '@eq/access-code';
import type { Knex } from 'knex';
import { type AuditEvent, recordAudit } from '../audit/record.ts';
import { ApiError, type ProblemDetail } from '../http/errors.ts';
import type { Services } from '../services.ts';
import { findCodeSeries } from './questionnaire.ts';

export interface RevokeRequest {
  questionnaireId: string;
  /** As typed or printed: any spelling `verifyCode` accepts. */
  codes?: string[] | undefined;
  batchId?: string | undefined;
  actor: AuditEvent['actor'];
}

const WHY_NOT: Record<'format' | 'check-character' | 'not-issued', string> = {
  format: 'is not an access code (16 letters and digits)',
  'check-character': 'is not an access code: a character is wrong or two are swapped',
  'not-issued': 'was not issued by this system',
};

/**
 * Revokes codes (named one by one, or a whole batch) of one questionnaire. Every code is checked
 * first; if any is not a code of this questionnaire that was issued, nothing is revoked and the
 * 422 lists each one by its index. Each revocation takes the next number of a sequence while
 * holding the questionnaire's row lock, so revocations of a series commit in number order, which
 * is what lets runners read them incrementally (see revoked-list.ts).
 */
export async function revokeAccessCodes(
  services: Pick<Services, 'db' | 'keys' | 'now'>,
  request: RevokeRequest,
): Promise<{ revoked: number; alreadyRevoked: number }> {
  const { db, keys } = services;
  const { questionnaireId, actor } = request;
  const { series } = await findCodeSeries(db, questionnaireId);

  const problems: ProblemDetail[] = [];
  const named = new Map<string, number>();
  for (const [index, input] of (request.codes ?? []).entries()) {
    const verified = verifyCode(keys.accessCodeKey, input);
    if (!verified.ok) problems.push({ path: `body.codes.${index}`, message: WHY_NOT[verified.reason] });
    else if (verified.series !== series)
      problems.push({ path: `body.codes.${index}`, message: 'is a code of another questionnaire' });
    else if (!named.has(hashCode(verified.code))) named.set(hashCode(verified.code), index);
  }
  const hashes = [...named.keys()];
  if (hashes.length > 0) {
    const known = new Set(
      await db('access_codes')
        .where({ series })
        .whereRaw('code_hash = any(?::text[])', [hashes])
        .pluck<string[]>('code_hash'),
    );
    for (const [hash, index] of named) {
      if (!known.has(hash)) problems.push({ path: `body.codes.${index}`, message: 'has not been issued yet' });
    }
  }
  if (request.batchId !== undefined) {
    const batch = await db('access_code_batches')
      .where({ id: request.batchId, questionnaire_id: questionnaireId })
      .first('id');
    if (!batch) problems.push({ path: 'body.batchId', message: 'is not a batch of this questionnaire' });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
    throw new ApiError(422, 'invalid_codes', 'some of the codes cannot be revoked, so none was', problems);
  }

  return db.transaction(async (trx) => {
    await trx('questionnaires').where({ id: questionnaireId }).forUpdate().first('id');
    const [{ revocation }] = (await trx.raw("select nextval('access_code_revocation') as revocation")).rows as [
      { revocation: number | string },
    ];
    const selected = (query: Knex.QueryBuilder) =>
      query.where({ series }).andWhere((either) => {
        if (hashes.length > 0) either.orWhereRaw('code_hash = any(?::text[])', [hashes]);
        if (request.batchId !== undefined) either.orWhere({ batch_id: request.batchId });
      });
    const [{ total }] = (await selected(trx('access_codes')).count({ total: '*' })) as [{ total: number | string }];
    const revoked = await selected(trx('access_codes'))
      .whereNull('revocation')
      .update({ revocation: String(revocation), revoked_at: services.now(), revoked_by: actor?.id ?? null });
    const result = { revoked, alreadyRevoked: Number(total) - revoked };
    await recordAudit(trx, {
      action: 'access-codes.revoke',
      actor,
      subjectType: 'questionnaire',
      subjectId: questionnaireId,
      details: {
        ...result,
        ...(request.batchId === undefined ? {} : { batchId: request.batchId }),
        ...(request.codes === undefined ? {} : { codesNamed: request.codes.length }),
        revocation: Number(revocation),
      },
    });
    return result;
  });
}
