import type { Knex } from 'knex';
import { notFound } from '../http/errors.ts';

/** What access codes need of a questionnaire: its series (for good, one per questionnaire). */
export interface CodeSeries {
  id: string;
  series: number;
}

/** The questionnaire's series, or a 404. */
export async function findCodeSeries(db: Knex | Knex.Transaction, questionnaireId: string): Promise<CodeSeries> {
  const row = await db('questionnaires').where({ id: questionnaireId }).first<CodeSeries | undefined>('id', 'series');
  if (!row) throw notFound('questionnaire');
  return row;
}
