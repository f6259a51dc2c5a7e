import type { Knex } from 'knex';
import type { AuditEvent } from '../audit/record.ts';
import { isUniqueViolation } from './questionnaire-row.ts';

export interface NewVersion {
  questionnaireId: string;
  slug: string;
  definition: unknown;
  checksum: string;
  notes: string;
  preview: boolean;
  actor: AuditEvent['actor'];
}

/**
 * Stores an immutable snapshot as the next version of its slug (1, 2, 3, ...) and returns its
 * number. The caller holds the questionnaire's row lock, so publishes of one questionnaire take
 * their numbers one at a time; the unique (slug, version) index is the last word on the rare clash
 * of two questionnaires sharing a preview slug (see `withVersionRetry`).
 */
export async function insertVersion(trx: Knex.Transaction, version: NewVersion): Promise<number> {
  const row = await trx('published_versions')
    .where({ slug: version.slug })
    .max<{ max: number | null }>('version as max')
    .first();
  const number = (row?.max ?? 0) + 1;
  await trx('published_versions').insert({
    questionnaire_id: version.questionnaireId,
    slug: version.slug,
    version: number,
    definition: JSON.stringify(version.definition),
    checksum: version.checksum,
    published_by: version.actor?.id ?? null,
    notes: version.notes,
    preview: version.preview,
  });
  return number;
}

const VERSION_CLASH = 'published_versions_slug_version_unique';
const ATTEMPTS = 5;

/** Runs a transaction that numbers a version again when another took the number first. */
export async function withVersionRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isUniqueViolation(error, VERSION_CLASH)) throw error;
    }
  }
}
