import type { Knex } from 'knex';
import { z } from 'zod';
import { ApiError } from '../http/errors.ts';

/** Which responses a list or an export covers. */
export const ResponseFilters = z.strictObject({
  version: z.coerce.number().int().min(0).optional().meta({ description: 'Only this published version' }),
  from: z.iso.datetime({ offset: true }).optional().meta({ description: 'Submitted at or after (ISO date-time)' }),
  to: z.iso.datetime({ offset: true }).optional().meta({ description: 'Submitted before (ISO date-time)' }),
  test: z
    .enum(['true', 'false', 'all'])
    .default('false')
    .meta({ description: 'Test responses (previews, test launches): only them, none (default) or both' }),
});
export type ResponseFilters = z.infer<typeof ResponseFilters>;

/** Where a page of responses ends: the last one's submission time and id (newest first). */
export interface Cursor {
  submittedAt: Date;
  submissionId: string;
}

const CursorJson = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.submittedAt.toISOString(), cursor.submissionId])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const [submittedAt, submissionId] = CursorJson.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return { submittedAt: new Date(submittedAt), submissionId };
  } catch {
    throw new ApiError(400, 'invalid_cursor', 'the cursor is not one this API gave', [
      { path: 'query.cursor', message: 'use the nextCursor of the previous page' },
    ]);
  }
}

/**
 * The responses of a questionnaire that pass the filters, newest first, after the cursor. Ordered
 * by (submitted_at, submission_id), so paging by the last row's pair never skips or repeats one.
 */
export function responsesQuery(
  db: Knex,
  questionnaireId: string,
  filters: ResponseFilters,
  after: Cursor | undefined,
): Knex.QueryBuilder {
  const query = db('submissions').where({ questionnaire_id: questionnaireId });
  if (filters.version !== undefined) query.where({ version: filters.version });
  if (filters.from) query.where('submitted_at', '>=', new Date(filters.from));
  if (filters.to) query.where('submitted_at', '<', new Date(filters.to));
  if (filters.test !== 'all') query.where({ test: filters.test === 'true' });
  if (after) query.whereRaw('(submitted_at, submission_id) < (?, ?)', [after.submittedAt, after.submissionId]);
  return query.orderBy([
    { column: 'submitted_at', order: 'desc' },
    { column: 'submission_id', order: 'desc' },
  ]);
}

/** The filters as an audit record keeps them (only those given). */
export function describeFilters(filters: ResponseFilters): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}
