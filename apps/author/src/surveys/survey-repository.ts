import type { Knex } from 'knex';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { parseInput } from '../http/validate.ts';
import { isForeignKeyViolation, isUniqueViolation } from './database-errors.ts';
import { NewSurvey, SurveyChanges } from './schemas.ts';

export interface Survey {
  id: string;
  surveyRef: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface Actor {
  id: string;
  email: string;
}

interface SurveyRow {
  id: string;
  survey_ref: string;
  name: string;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = ['id', 'survey_ref', 'name', 'created_at', 'updated_at'];

const toSurvey = (row: SurveyRow): Survey => ({
  id: row.id,
  surveyRef: row.survey_ref,
  name: row.name,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const isUuid = (id: string): boolean => z.uuid().safeParse(id).success;

const refTaken = (surveyRef: string) =>
  new ApiError(409, 'survey_ref_taken', `another survey already has the survey id "${surveyRef}"`);

/** Adds a survey (409 when its survey id is taken). Checks its input too: the dev seed calls it directly. */
export async function createSurvey(
  db: Knex,
  input: { surveyRef: string; name: string },
  actor?: Actor,
): Promise<Survey> {
  const { surveyRef, name } = parseInput(NewSurvey, input, 'survey');
  try {
    return await db.transaction(async (trx) => {
      const [row] = await trx('surveys')
        .insert({ survey_ref: surveyRef, name, created_by: actor?.id ?? null })
        .returning<SurveyRow[]>(COLUMNS);
      if (!row) throw new Error('the survey was not inserted');
      await recordAudit(trx, {
        action: 'survey.create',
        actor,
        subjectType: 'survey',
        subjectId: row.id,
        details: { surveyRef, name },
      });
      return toSurvey(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw refTaken(surveyRef);
    throw error;
  }
}

/** The survey, or undefined when there is none with that id (or the id is not a UUID). */
export async function findSurvey(db: Knex, id: string): Promise<Survey | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db('surveys').where({ id }).first<SurveyRow | undefined>(COLUMNS);
  return row ? toSurvey(row) : undefined;
}

/** Every survey by name, with how many questionnaires each holds. */
export async function listSurveys(db: Knex): Promise<(Survey & { questionnaireCount: number })[]> {
  const rows = await db('surveys as s')
    .select<(SurveyRow & { questionnaire_count: number | string })[]>(
      ...COLUMNS.map((column) => `s.${column}`),
      db.raw('(select count(*) from questionnaires q where q.survey_id = s.id)::int as questionnaire_count'),
    )
    .orderBy([{ column: 's.name' }, { column: 's.survey_ref' }]);
  return rows.map((row) => ({ ...toSurvey(row), questionnaireCount: Number(row.questionnaire_count) }));
}

/** Renames a survey or changes its survey id (404 when missing, 409 when the survey id is taken). */
export async function updateSurvey(db: Knex, id: string, changes: SurveyChanges, actor?: Actor): Promise<Survey> {
  const { surveyRef, name } = parseInput(SurveyChanges, changes, 'survey');
  if (!isUuid(id)) throw notFound('survey');
  try {
    return await db.transaction(async (trx) => {
      const [row] = await trx('surveys')
        .where({ id })
        .update({
          ...(surveyRef === undefined ? {} : { survey_ref: surveyRef }),
          ...(name === undefined ? {} : { name }),
          updated_at: trx.fn.now(),
        })
        .returning<SurveyRow[]>(COLUMNS);
      if (!row) throw notFound('survey');
      await recordAudit(trx, {
        action: 'survey.update',
        actor,
        subjectType: 'survey',
        subjectId: id,
        details: { ...(surveyRef === undefined ? {} : { surveyRef }), ...(name === undefined ? {} : { name }) },
      });
      return toSurvey(row);
    });
  } catch (error) {
    if (isUniqueViolation(error) && surveyRef !== undefined) throw refTaken(surveyRef);
    throw error;
  }
}

const notEmpty = () =>
  new ApiError(409, 'survey_not_empty', 'the survey still holds questionnaires: delete them first');

/** Deletes an empty survey: 404 when missing, 409 while it holds questionnaires. */
export async function deleteSurvey(db: Knex, id: string, actor?: Actor): Promise<void> {
  if (!isUuid(id)) throw notFound('survey');
  try {
    await db.transaction(async (trx) => {
      // One statement, so a questionnaire added meanwhile makes it fail on the foreign key instead.
      const deleted = await trx('surveys as s')
        .where('s.id', id)
        .whereNotExists(trx('questionnaires as q').select(trx.raw('1')).whereRaw('q.survey_id = s.id'))
        .delete()
        .returning<{ survey_ref: string }[]>(['survey_ref']);
      if (deleted.length === 0) {
        const exists = await trx('surveys').where({ id }).first('id');
        throw exists ? notEmpty() : notFound('survey');
      }
      await recordAudit(trx, {
        action: 'survey.delete',
        actor,
        subjectType: 'survey',
        subjectId: id,
        details: { surveyRef: deleted[0]?.survey_ref },
      });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw notEmpty();
    throw error;
  }
}
