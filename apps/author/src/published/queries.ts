import type { Knex } from 'knex';
import { isoOrNull } from '../publishing/questionnaire-row.ts';
import type { LatestPointer, VersionDocument } from './documents.ts';

interface AccessColumns {
  open_access: boolean;
  opens_at: Date | null;
  closes_at: Date | null;
}

/** The latest published version of a slug with today's access and window, or undefined. */
export async function latestPointer(db: Knex, slug: string): Promise<LatestPointer | undefined> {
  const row = await db('questionnaires')
    .where({ slug })
    .whereNotNull('latest_version')
    .first<(AccessColumns & { latest_version: number; series: number }) | undefined>(
      'latest_version',
      'open_access',
      'opens_at',
      'closes_at',
      'series',
    );
  if (!row) return undefined;
  return { slug, version: row.latest_version, ...access(row), series: row.series };
}

export interface VersionHead {
  checksum: string;
  preview: boolean;
}

/** What identifies a version's content, without reading its definition (enough to answer 304). */
export async function versionHead(db: Knex, slug: string, version: number): Promise<VersionHead | undefined> {
  return db('published_versions').where({ slug, version }).first<VersionHead | undefined>('checksum', 'preview');
}

/**
 * One version as runners read it. A published version carries its questionnaire's access and
 * window as they are now (runners take them from the latest pointer, which is always current); a
 * preview is reachable only by a preview launch token naming it, so it has no open access and no
 * window, and its submissions are marked as test.
 */
export async function versionDocument(db: Knex, slug: string, version: number): Promise<VersionDocument | undefined> {
  const row = await db('published_versions as v')
    .join('questionnaires as q', 'q.id', 'v.questionnaire_id')
    .where({ 'v.slug': slug, 'v.version': version })
    .first<(AccessColumns & { definition: unknown; preview: boolean }) | undefined>(
      'v.definition',
      'v.preview',
      'q.open_access',
      'q.opens_at',
      'q.closes_at',
    );
  if (!row) return undefined;
  const window = row.preview ? { openAccess: false, opensAt: null, closesAt: null } : access(row);
  return { slug, version, definition: row.definition, ...window, preview: row.preview };
}

/** The slug of the questionnaire an access-code series belongs to, once it is published (and its slug fixed). */
export async function slugOfSeries(db: Knex, series: number): Promise<string | undefined> {
  const row = await db('questionnaires')
    .where({ series })
    .whereNotNull('latest_version')
    .first<{ slug: string } | undefined>('slug');
  return row?.slug;
}

function access(row: AccessColumns) {
  return { openAccess: row.open_access, opensAt: isoOrNull(row.opens_at), closesAt: isoOrNull(row.closes_at) };
}
