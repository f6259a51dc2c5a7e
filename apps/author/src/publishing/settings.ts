import type { Knex } from 'knex';
import { z } from 'zod';
import { type AuditEvent, recordAudit } from '../audit/record.ts';
import { ApiError } from '../http/errors.ts';
import { isoOrNull, isUniqueViolation, loadPublishingRow, type PublishingRow } from './questionnaire-row.ts';
import { Slug } from './slug.ts';

/** The runner's own limits for a session's idle time (its SESSION_TIMEOUT_MINUTES). */
export const SESSION_TIMEOUT_LIMITS = { min: 5, max: 480 } as const;

const Timestamp = z.iso.datetime({
  offset: true,
  error: 'use an ISO 8601 date and time with an offset, e.g. 2026-03-01T09:00:00Z',
});

/**
 * A change of settings: fields left out keep their value, `null` clears one. The slug may change
 * only until the first version is published (runners and respondents' links are pinned to it).
 */
export const SettingsChange = z.strictObject({
  slug: Slug.nullable().optional(),
  openAccess: z.boolean().optional(),
  opensAt: Timestamp.nullable().optional(),
  closesAt: Timestamp.nullable().optional(),
  sessionTimeoutMinutes: z
    .number()
    .int()
    .min(SESSION_TIMEOUT_LIMITS.min)
    .max(SESSION_TIMEOUT_LIMITS.max)
    .nullable()
    .optional(),
});
export type SettingsChange = z.infer<typeof SettingsChange>;

export const Settings = z.object({
  slug: z.string().nullable().meta({ description: 'Null until set, or until the first publish sets the default' }),
  defaultSlug: z
    .string()
    .meta({ description: "The slug the first publish takes when none is set: the definition's id" }),
  slugFixed: z.boolean().meta({ description: 'True once a version is published: the slug can no longer change' }),
  openAccess: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  sessionTimeoutMinutes: z.number().int().nullable(),
  latestVersion: z.number().int().nullable(),
  series: z.number().int().meta({ description: 'The access-code series of the questionnaire' }),
});
export type Settings = z.infer<typeof Settings>;

export function settingsOf(row: PublishingRow): Settings {
  return {
    slug: row.slug,
    defaultSlug: row.definition_id ?? '',
    slugFixed: row.latest_version !== null,
    openAccess: row.open_access,
    opensAt: isoOrNull(row.opens_at),
    closesAt: isoOrNull(row.closes_at),
    sessionTimeoutMinutes: row.session_timeout_minutes,
    latestVersion: row.latest_version,
    series: row.series,
  };
}

export async function readSettings(db: Knex, questionnaireId: string): Promise<Settings> {
  return settingsOf(await loadPublishingRow(db, questionnaireId));
}

/** Applies a change of settings; refuses (nothing changed) a fixed or taken slug and an empty window. */
export async function changeSettings(
  db: Knex,
  questionnaireId: string,
  change: SettingsChange,
  actor: AuditEvent['actor'],
): Promise<Settings> {
  try {
    return await db.transaction(async (trx) => {
      const row = await loadPublishingRow(trx, questionnaireId, { lock: true });
      if (change.slug !== undefined && change.slug !== row.slug) {
        if (row.latest_version !== null) {
          throw new ApiError(409, 'slug_fixed', `the slug is fixed once a version is published (it is "${row.slug}")`);
        }
        if (change.slug !== null) await refuseTakenSlug(trx, change.slug, questionnaireId);
      }
      const opensAt = change.opensAt === undefined ? dateOrNull(row.opens_at) : dateOrNull(change.opensAt);
      const closesAt = change.closesAt === undefined ? dateOrNull(row.closes_at) : dateOrNull(change.closesAt);
      if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime()) {
        throw new ApiError(400, 'invalid_request', 'the request body is not valid', [
          { path: 'body.closesAt', message: 'must be after opensAt' },
        ]);
      }
      const update = {
        ...(change.slug === undefined ? {} : { slug: change.slug }),
        ...(change.openAccess === undefined ? {} : { open_access: change.openAccess }),
        opens_at: opensAt,
        closes_at: closesAt,
        ...(change.sessionTimeoutMinutes === undefined
          ? {}
          : { session_timeout_minutes: change.sessionTimeoutMinutes }),
      };
      await trx('questionnaires').where({ id: questionnaireId }).update(update);
      await recordAudit(trx, {
        action: 'questionnaire.settings',
        actor,
        subjectType: 'questionnaire',
        subjectId: questionnaireId,
        details: { changed: Object.keys(change), ...change },
      });
      return settingsOf(await loadPublishingRow(trx, questionnaireId));
    });
  } catch (error) {
    // Two questionnaires claiming one slug at the same moment: the unique index settles it.
    if (isUniqueViolation(error, 'questionnaires_slug_unique')) throw slugTaken(change.slug ?? '');
    throw error;
  }
}

/** 409 when another questionnaire has the slug. */
export async function refuseTakenSlug(db: Knex | Knex.Transaction, slug: string, questionnaireId: string) {
  const other = await db('questionnaires').where({ slug }).whereNot({ id: questionnaireId }).first('id');
  if (other) throw slugTaken(slug);
}

export function slugTaken(slug: string): ApiError {
  return new ApiError(409, 'slug_taken', `another questionnaire has the slug "${slug}"`);
}

function dateOrNull(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}
