import type { Knex } from 'knex';
import { z } from 'zod';
import { notFound } from '../http/errors.ts';

/** What publishing reads of a questionnaire. */
export interface PublishingRow {
  id: string;
  /** The definition's own `id`, when it has a string one: the slug the first publish takes by default. */
  definition_id: string | null;
  revision: number;
  slug: string | null;
  open_access: boolean;
  opens_at: Date | null;
  closes_at: Date | null;
  session_timeout_minutes: number | null;
  latest_version: number | null;
  series: number;
}

const COLUMNS = [
  'id',
  'revision',
  'slug',
  'open_access',
  'opens_at',
  'closes_at',
  'session_timeout_minutes',
  'latest_version',
  'series',
] as const;

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/**
 * A questionnaire's publishing columns (with its whole definition only when asked: it can be a
 * megabyte), or a 404. `lock` takes the row lock for the rest of the transaction, so that
 * publishes of one questionnaire (and settings changes) happen one at a time.
 */
export async function loadPublishingRow(
  db: Knex | Knex.Transaction,
  id: string,
  options: { lock?: boolean } = {},
): Promise<PublishingRow> {
  return load<PublishingRow>(db, id, options, []);
}

export async function loadPublishingRowWithDefinition(
  db: Knex | Knex.Transaction,
  id: string,
  options: { lock?: boolean } = {},
): Promise<PublishingRow & { definition: unknown }> {
  return load(db, id, options, ['definition']);
}

async function load<Row>(db: Knex | Knex.Transaction, id: string, options: { lock?: boolean }, extra: string[]) {
  if (!isUuid(id)) throw notFound('questionnaire');
  const query = db('questionnaires')
    .where({ id })
    .first<Row | undefined>([
      ...COLUMNS,
      ...extra,
      db.raw("case when jsonb_typeof(definition -> 'id') = 'string' then definition ->> 'id' end as definition_id"),
    ]);
  const row = await (options.lock ? query.forUpdate() : query);
  if (!row) throw notFound('questionnaire');
  return row;
}

/** A timestamp column as ISO 8601 (UTC), or null. */
export function isoOrNull(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** Whether an error is Postgres's unique violation (also as PGlite reports it), optionally of one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: name } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || name === constraint);
}
