import type { Knex } from 'knex';
import { z } from 'zod';
import { notFound } from '../http/errors.ts';
import { isoOrNull, loadPublishingRow } from './questionnaire-row.ts';

export const VersionSummary = z.object({
  slug: z.string(),
  version: z.number().int(),
  checksum: z.string().meta({ description: 'SHA-256 (hex) of the definition as canonical JSON (RFC 8785)' }),
  publishedAt: z.string(),
  publishedBy: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  notes: z.string(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const VersionDetail = VersionSummary.extend({ definition: z.unknown() });
export type VersionDetail = z.infer<typeof VersionDetail>;

interface VersionRow {
  slug: string;
  version: number;
  checksum: string;
  published_at: Date;
  notes: string;
  user_id: string | null;
  user_email: string | null;
  user_name: string | null;
  definition?: unknown;
}

function versionsOf(db: Knex, questionnaireId: string) {
  return db('published_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .where({ 'v.questionnaire_id': questionnaireId, 'v.preview': false })
    .select(
      'v.slug',
      'v.version',
      'v.checksum',
      'v.published_at',
      'v.notes',
      'u.id as user_id',
      'u.email as user_email',
      'u.name as user_name',
    );
}

function summaryOf(row: VersionRow): VersionSummary {
  return {
    slug: row.slug,
    version: row.version,
    checksum: row.checksum,
    publishedAt: isoOrNull(row.published_at) ?? '',
    publishedBy: row.user_id ? { id: row.user_id, email: row.user_email ?? '', name: row.user_name ?? '' } : null,
    notes: row.notes,
  };
}

/** A questionnaire's published versions, newest first, without their definitions (previews left out). */
export async function listVersions(db: Knex, questionnaireId: string): Promise<VersionSummary[]> {
  await loadPublishingRow(db, questionnaireId);
  const rows: VersionRow[] = await versionsOf(db, questionnaireId).orderBy('v.version', 'desc');
  return rows.map(summaryOf);
}

/** One published version of a questionnaire, with its definition. */
export async function findVersion(db: Knex, questionnaireId: string, version: number): Promise<VersionDetail> {
  await loadPublishingRow(db, questionnaireId);
  const row: VersionRow | undefined = await versionsOf(db, questionnaireId)
    .select('v.definition')
    .where({ 'v.version': version })
    .first();
  if (!row) throw notFound(`version ${version}`);
  return { ...summaryOf(row), definition: row.definition };
}
