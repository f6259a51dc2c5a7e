import type { Knex } from 'knex';
import { type AuditEvent, recordAudit } from '../audit/record.ts';
import { requireNoErrors } from './checks.ts';
import { definitionChecksum } from './checksum.ts';
import { type CheckedLaunchValues, checkLaunchValues } from './launch-values.ts';
import { loadPublishingRowWithDefinition } from './questionnaire-row.ts';
import { previewSlugOf } from './slug.ts';
import { snapshotOf } from './snapshot.ts';
import { insertVersion, withVersionRetry } from './versions.ts';

export interface PreviewInput {
  questionnaireId: string;
  metadata: Record<string, unknown>;
  language?: string | undefined;
}

export interface PreviewVersion {
  /** The preview slug (`<slug>--preview`), which has no latest pointer. */
  slug: string;
  version: number;
  checksum: string;
  launch: CheckedLaunchValues;
}

/**
 * Snapshots the current draft as a preview version, after the engine's checks and a check of the
 * launch values (nothing is created when either fails). Previews are numbered under their own
 * slug (see `previewSlugOf`), so they never take a published version's number and never become
 * the latest. Previewing an unchanged draft again reuses its last snapshot.
 */
export async function previewQuestionnaire(
  db: Knex,
  input: PreviewInput,
  actor: AuditEvent['actor'],
): Promise<PreviewVersion> {
  return withVersionRetry(() =>
    db.transaction(async (trx) => {
      const row = await loadPublishingRowWithDefinition(trx, input.questionnaireId, { lock: true });
      const questionnaire = requireNoErrors(row.definition, 'previewing');
      const launch = checkLaunchValues(questionnaire, input);
      const slug = previewSlugOf(row.slug ?? questionnaire.id);
      const snapshot = snapshotOf(row.definition, slug, row.session_timeout_minutes);
      const checksum = definitionChecksum(snapshot);
      const last = await trx('published_versions')
        .where({ questionnaire_id: row.id, slug, preview: true })
        .orderBy('version', 'desc')
        .first<{ version: number; checksum: string } | undefined>('version', 'checksum');
      const version =
        last?.checksum === checksum
          ? last.version
          : await insertVersion(trx, {
              questionnaireId: row.id,
              slug,
              definition: snapshot,
              checksum,
              notes: `preview of revision ${row.revision}`,
              preview: true,
              actor,
            });
      await recordAudit(trx, {
        action: 'questionnaire.preview',
        actor,
        subjectType: 'questionnaire',
        subjectId: row.id,
        details: { slug, version, checksum, revision: row.revision },
      });
      return { slug, version, checksum, launch };
    }),
  );
}
