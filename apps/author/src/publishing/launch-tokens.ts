import { Questionnaire } from '@eq/schema';
import type { Knex } from 'knex';
import { ApiError, notFound } from '../http/errors.ts';
import { type CheckedLaunchValues, checkLaunchValues } from './launch-values.ts';
import { loadPublishingRow } from './questionnaire-row.ts';

export interface LaunchTarget {
  slug: string;
  /** The version named in the token; absent, the runner starts the latest at launch. */
  version?: number;
  launch: CheckedLaunchValues;
}

/**
 * Where a launch token for a published questionnaire leads, with its launch values checked against
 * the version it names (or the latest): 409 before the first publish, 404 for a version that does
 * not exist, 422 for values that do not suit it.
 */
export async function launchTarget(
  db: Knex,
  questionnaireId: string,
  request: { version?: number | undefined; metadata: Record<string, unknown>; language?: string | undefined },
): Promise<LaunchTarget> {
  const row = await loadPublishingRow(db, questionnaireId);
  if (row.latest_version === null || row.slug === null) {
    throw new ApiError(409, 'not_published', 'publish the questionnaire first (or open a preview of the draft)');
  }
  const version = request.version ?? row.latest_version;
  const published = await db('published_versions')
    .where({ questionnaire_id: row.id, slug: row.slug, version, preview: false })
    .first<{ definition: unknown } | undefined>('definition');
  if (!published) throw notFound(`version ${version}`);
  // Published definitions passed the checks when they were published.
  const questionnaire = Questionnaire.parse(published.definition);
  return {
    slug: row.slug,
    ...(request.version === undefined ? {} : { version: request.version }),
    launch: checkLaunchValues(questionnaire, request),
  };
}
