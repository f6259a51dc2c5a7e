import type { Knex } from 'knex';
import { type AuditEvent, recordAudit } from '../audit/record.ts';
import { ApiError } from '../http/errors.ts';
import { requireNoErrors } from './checks.ts';
import { definitionChecksum } from './checksum.ts';
import { isUniqueViolation, loadPublishingRowWithDefinition } from './questionnaire-row.ts';
import { refuseTakenSlug, slugTaken } from './settings.ts';
import { slugProblem } from './slug.ts';
import { snapshotOf } from './snapshot.ts';
import { insertVersion, withVersionRetry } from './versions.ts';

export interface PublishInput {
  questionnaireId: string;
  notes?: string;
}

export interface PublishedRef {
  slug: string;
  version: number;
  checksum: string;
}

/**
 * Publishes a questionnaire's current definition as its next immutable version, after the engine's
 * static checks (422 `questionnaire_has_errors` listing the errors; nothing is created). The first
 * publish fixes the slug: the one in the settings, else the definition's id. The version becomes
 * the latest, which runners start new respondents on.
 */
export async function publishQuestionnaire(
  db: Knex,
  input: PublishInput,
  actor?: { id: string; email: string },
): Promise<PublishedRef> {
  let claimedSlug = '';
  try {
    return await withVersionRetry(() =>
      db.transaction(async (trx) => {
        const row = await loadPublishingRowWithDefinition(trx, input.questionnaireId, { lock: true });
        const questionnaire = requireNoErrors(row.definition, 'publishing');
        const slug = row.slug ?? questionnaire.id;
        if (row.slug === null) {
          const problem = slugProblem(slug);
          if (problem) {
            throw new ApiError(
              422,
              'slug_required',
              `the definition's id "${slug}" cannot be the slug (${problem}): set a slug in the settings`,
            );
          }
          await refuseTakenSlug(trx, slug, row.id);
          claimedSlug = slug;
        }
        const snapshot = snapshotOf(row.definition, slug, row.session_timeout_minutes);
        const checksum = definitionChecksum(snapshot);
        const version = await insertVersion(trx, {
          questionnaireId: row.id,
          slug,
          definition: snapshot,
          checksum,
          notes: input.notes ?? '',
          preview: false,
          actor,
        });
        await trx('questionnaires').where({ id: row.id }).update({ slug, latest_version: version });
        await recordAudit(trx, publishEvent(row.id, actor, { slug, version, checksum, revision: row.revision }));
        return { slug, version, checksum };
      }),
    );
  } catch (error) {
    // Another questionnaire took the default slug between the check and the update.
    if (isUniqueViolation(error, 'questionnaires_slug_unique')) throw slugTaken(claimedSlug);
    throw error;
  }
}

function publishEvent(id: string, actor: AuditEvent['actor'], details: Record<string, unknown>): AuditEvent {
  return { action: 'questionnaire.publish', actor, subjectType: 'questionnaire', subjectId: id, details };
}
