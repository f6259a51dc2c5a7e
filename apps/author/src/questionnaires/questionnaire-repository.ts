import type { Problem } from '@eq/engine';
import type { Knex } from 'knex';
import { z } from 'zod';
import { type AuditAction, recordAudit } from '../audit/record.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { isForeignKeyViolation } from '../surveys/database-errors.ts';
import type { Actor } from '../surveys/survey-repository.ts';
import { checkDefinition, titleOf } from './definition.ts';

/** A questionnaire as stored, with its publishing settings and its survey's survey id. */
export interface QuestionnaireRow {
  id: string;
  survey_id: string;
  survey_ref: string;
  title: string;
  definition: unknown;
  revision: number;
  created_by: string | null;
  created_at: Date;
  updated_by: string | null;
  updated_at: Date;
  /** The name of the user who saved last (null when unknown or since deleted). */
  updated_by_name: string | null;
  slug: string | null;
  open_access: boolean;
  opens_at: Date | null;
  closes_at: Date | null;
  session_timeout_minutes: number | null;
  latest_version: number | null;
  series: number;
  next_serial: number;
}

export interface SavedQuestionnaire {
  id: string;
  revision: number;
  problems: Problem[];
  updatedAt: Date;
}

export const isUuid = (id: string): boolean => z.uuid().safeParse(id).success;

/**
 * Adds a questionnaire to a survey at revision 1 (its first revision kept in the history). Throws
 * ApiError 422 for a structurally invalid definition and 404 when the survey does not exist.
 */
export async function createQuestionnaire(
  db: Knex,
  input: { surveyId: string; definition: unknown },
  actor?: Actor,
  details: Record<string, unknown> = {},
): Promise<SavedQuestionnaire & { surveyId: string }> {
  const { questionnaire, problems, json } = checkDefinition(input.definition);
  if (!isUuid(input.surveyId)) throw notFound('survey');
  return db.transaction(async (trx) => {
    // Inserting from the survey's row makes a missing survey a plain "no row" rather than an error.
    const { rows } = await trx.raw<{ rows: { id: string; revision: number; updated_at: Date }[] }>(
      `with created as (
         insert into questionnaires (survey_id, title, definition, created_by, updated_by)
         select s.id, ?, ?::jsonb, ?, ? from surveys s where s.id = ?
         returning id, revision, definition, updated_by, updated_at
       ), first_revision as (
         insert into questionnaire_revisions (questionnaire_id, revision, definition, saved_by, saved_at)
         select id, revision, definition, updated_by, updated_at from created
       )
       select id, revision, updated_at from created`,
      [titleOf(questionnaire), json, actor?.id ?? null, actor?.id ?? null, input.surveyId],
    );
    const row = rows[0];
    if (!row) throw notFound('survey');
    await recordAudit(trx, {
      action: 'questionnaire.create',
      actor,
      subjectType: 'questionnaire',
      subjectId: row.id,
      details: { surveyId: input.surveyId, definitionId: questionnaire.id, ...details },
    });
    return { id: row.id, surveyId: input.surveyId, revision: row.revision, problems, updatedAt: row.updated_at };
  });
}

/** The questionnaire with its definition, settings and survey id; undefined when there is none. */
export async function findQuestionnaire(db: Knex, id: string): Promise<QuestionnaireRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db('questionnaires as q')
    .join('surveys as s', 's.id', 'q.survey_id')
    .leftJoin('users as u', 'u.id', 'q.updated_by')
    .where('q.id', id)
    .first<QuestionnaireRow | undefined>('q.*', 's.survey_ref', 'u.name as updated_by_name');
}

/**
 * For the save benchmark only: when `observe` is set, each save reports how long its stages took
 * (`check`: the static checks and the JSON text; `statement`: the one statement that writes it).
 * Unset in the app, where it costs nothing.
 */
export const saveStages: { observe?: ((stage: string, ms: number) => void) | undefined } = {};

export interface SaveOptions {
  /** The earlier revision whose definition this save restores. */
  restoredFrom?: number;
}

/**
 * Saves a new definition as the next revision, if `baseRevision` is still the current one: one
 * conditional UPDATE (no read-then-write), so of concurrent saves on the same revision exactly one
 * wins and the others get 409 with the current revision. 422 for an invalid definition, 404 when
 * the questionnaire does not exist.
 *
 * The UPDATE, the revision row and the audit event are one statement (atomic on its own, so no
 * BEGIN/COMMIT round trips), and the definition's JSON text is sent to the database once: the
 * revision row takes it from the UPDATE's RETURNING.
 */
export async function saveQuestionnaire(
  db: Knex,
  input: { id: string; definition: unknown; baseRevision: number },
  actor?: Actor,
  options: SaveOptions = {},
): Promise<SavedQuestionnaire> {
  const observe = saveStages.observe;
  const started = observe ? performance.now() : 0;
  const { questionnaire, problems, json } = checkDefinition(input.definition);
  const checked = observe ? performance.now() : 0;
  observe?.('check', checked - started);
  if (!isUuid(input.id)) throw notFound('questionnaire');
  const restoredFrom = options.restoredFrom ?? null;
  const action: AuditAction = restoredFrom === null ? 'questionnaire.save' : 'questionnaire.restore';
  // The audit event's details but the new revision, which the statement adds.
  const details = JSON.stringify({
    baseRevision: input.baseRevision,
    ...(restoredFrom === null ? {} : { restoredFrom }),
  });
  const { rows } = await db.raw<{ rows: { revision: number; saved_at: Date }[] }>(
    `with saved as (
       update questionnaires
          set definition = ?::jsonb, title = ?, revision = revision + 1, updated_by = ?, updated_at = now()
        where id = ? and revision = ?
        returning id, revision, definition, updated_by, updated_at
     ), saved_revision as (
       insert into questionnaire_revisions (questionnaire_id, revision, definition, saved_by, saved_at, restored_from)
       select id, revision, definition, updated_by, updated_at, ? from saved
       returning revision, saved_at
     ), audit as (
       insert into audit_events (actor_id, actor_email, action, subject_type, subject_id, details)
       select ?, ?, ?, 'questionnaire', ?, ?::jsonb || jsonb_build_object('revision', revision) from saved_revision
     )
     select revision, saved_at from saved_revision`,
    [
      json,
      titleOf(questionnaire),
      actor?.id ?? null,
      input.id,
      input.baseRevision,
      restoredFrom,
      actor?.id ?? null,
      actor?.email ?? null,
      action,
      input.id,
      details,
    ],
  );
  observe?.('statement', performance.now() - checked);
  const row = rows[0];
  if (!row) throw await refusal(db, input.id, input.baseRevision);
  return { id: input.id, revision: row.revision, problems, updatedAt: row.saved_at };
}

/** Why a conditional save changed nothing: the questionnaire is gone, or another save came first. */
async function refusal(db: Knex, id: string, baseRevision: number): Promise<ApiError> {
  const current = await db('questionnaires').where({ id }).first<{ revision: number } | undefined>('revision');
  if (!current) return notFound('questionnaire');
  return new ApiError(
    409,
    'stale_revision',
    `the questionnaire has changed since revision ${baseRevision}: it is at revision ${current.revision}`,
    { currentRevision: current.revision },
  );
}

export interface QuestionnaireSummary {
  id: string;
  title: string;
  revision: number;
  updatedAt: Date;
  updatedBy: { id: string; name: string } | null;
  slug: string | null;
  latestVersion: number | null;
}

/** The questionnaires of a survey by title, without their definitions. */
export async function listQuestionnaires(db: Knex, surveyId: string): Promise<QuestionnaireSummary[]> {
  const rows = await db('questionnaires as q')
    .leftJoin('users as u', 'u.id', 'q.updated_by')
    .where('q.survey_id', surveyId)
    .orderBy([{ column: 'q.title' }, { column: 'q.created_at' }])
    .select<
      {
        id: string;
        title: string;
        revision: number;
        updated_at: Date;
        updated_by: string | null;
        updated_by_name: string | null;
        slug: string | null;
        latest_version: number | null;
      }[]
    >(
      'q.id',
      'q.title',
      'q.revision',
      'q.updated_at',
      'q.updated_by',
      'u.name as updated_by_name',
      'q.slug',
      'q.latest_version',
    );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    revision: row.revision,
    updatedAt: row.updated_at,
    updatedBy: userOf(row.updated_by, row.updated_by_name),
    slug: row.slug,
    latestVersion: row.latest_version,
  }));
}

export function userOf(id: string | null, name: string | null): { id: string; name: string } | null {
  return id === null ? null : { id, name: name ?? '' };
}

/**
 * Deletes a questionnaire with its revision history: 404 when missing, 409 once it has published
 * versions (or previews, access codes or submissions that refer to it).
 */
export async function deleteQuestionnaire(db: Knex, id: string, actor?: Actor): Promise<void> {
  if (!isUuid(id)) throw notFound('questionnaire');
  const inUse = () =>
    new ApiError(409, 'questionnaire_published', 'the questionnaire has published versions, so it is kept');
  try {
    await db.transaction(async (trx) => {
      const deleted = await trx('questionnaires as q')
        .where('q.id', id)
        .whereNotExists(trx('published_versions as p').select(trx.raw('1')).whereRaw('p.questionnaire_id = q.id'))
        .delete()
        .returning<{ survey_id: string; title: string }[]>(['survey_id', 'title']);
      const row = deleted[0];
      if (!row) {
        const exists = await trx('questionnaires').where({ id }).first('id');
        throw exists ? inUse() : notFound('questionnaire');
      }
      await recordAudit(trx, {
        action: 'questionnaire.delete',
        actor,
        subjectType: 'questionnaire',
        subjectId: id,
        details: { surveyId: row.survey_id, title: row.title },
      });
    });
  } catch (error) {
    // A version published meanwhile, or codes and submissions that refer to it.
    if (isForeignKeyViolation(error)) throw inUse();
    throw error;
  }
}
