import type { Knex } from 'knex';
import { notFound } from '../http/errors.ts';
import type { Actor } from '../surveys/survey-repository.ts';
import { inDocumentOrder } from './definition.ts';
import { isUuid, type SavedQuestionnaire, saveQuestionnaire, userOf } from './questionnaire-repository.ts';

export interface RevisionSummary {
  revision: number;
  savedAt: Date;
  savedBy: { id: string; name: string } | null;
  /** The earlier revision this one restored, if it did. */
  restoredFrom: number | null;
}

interface RevisionRow {
  revision: number;
  saved_at: Date;
  saved_by: string | null;
  saved_by_name: string | null;
  restored_from: number | null;
  definition?: unknown;
}

const toSummary = (row: RevisionRow): RevisionSummary => ({
  revision: row.revision,
  savedAt: row.saved_at,
  savedBy: userOf(row.saved_by, row.saved_by_name),
  restoredFrom: row.restored_from,
});

function revisions(db: Knex, questionnaireId: string) {
  return db('questionnaire_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.saved_by')
    .where('r.questionnaire_id', questionnaireId);
}

const SUMMARY_COLUMNS = ['r.revision', 'r.saved_at', 'r.saved_by', 'u.name as saved_by_name', 'r.restored_from'];

/**
 * A questionnaire's revisions, newest first, without their definitions: `limit` of them before
 * revision `before` (for paging back through a long history). 404 when the questionnaire is missing.
 */
export async function listRevisions(
  db: Knex,
  questionnaireId: string,
  page: { before?: number | undefined; limit: number },
): Promise<RevisionSummary[]> {
  await mustExist(db, questionnaireId);
  const query = revisions(db, questionnaireId).orderBy('r.revision', 'desc').limit(page.limit);
  if (page.before !== undefined) query.where('r.revision', '<', page.before);
  const rows = await query.select<RevisionRow[]>(SUMMARY_COLUMNS);
  return rows.map(toSummary);
}

/** One revision with its definition; 404 when the questionnaire or the revision is missing. */
export async function findRevision(
  db: Knex,
  questionnaireId: string,
  revision: number,
): Promise<RevisionSummary & { definition: unknown }> {
  await mustExist(db, questionnaireId);
  const row = await revisions(db, questionnaireId)
    .where('r.revision', revision)
    .first<RevisionRow | undefined>([...SUMMARY_COLUMNS, 'r.definition']);
  if (!row) throw notFound(`revision ${revision}`);
  return { ...toSummary(row), definition: inDocumentOrder(row.definition) };
}

/**
 * Saves an earlier revision's definition as a new revision (on `baseRevision`, like any save),
 * remembering which one it restored.
 */
export async function restoreRevision(
  db: Knex,
  input: { id: string; revision: number; baseRevision: number },
  actor?: Actor,
): Promise<SavedQuestionnaire & { definition: unknown }> {
  const { definition } = await findRevision(db, input.id, input.revision);
  const saved = await saveQuestionnaire(db, { id: input.id, definition, baseRevision: input.baseRevision }, actor, {
    restoredFrom: input.revision,
  });
  return { ...saved, definition };
}

async function mustExist(db: Knex, questionnaireId: string): Promise<void> {
  const found = isUuid(questionnaireId) && (await db('questionnaires').where({ id: questionnaireId }).first('id'));
  if (!found) throw notFound('questionnaire');
}
