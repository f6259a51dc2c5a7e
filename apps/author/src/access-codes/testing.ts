import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type supertest from 'supertest';
import type { Database } from '../db/connect.ts';

const require = createRequire(import.meta.url);
const readDefinition = (file: string) =>
  JSON.parse(readFileSync(require.resolve(`@eq/schema/${file}`), 'utf8')) as Record<string, unknown>;
const ROUTING_AND = readDefinition('fixtures/routing-and.json');

export interface SeededQuestionnaire {
  id: string;
  slug: string;
  series: number;
}

export interface SeedOptions {
  /** `published` (default): version 1 is published; `preview`: only a preview snapshot exists; `draft`: nothing. */
  state?: 'published' | 'preview' | 'draft';
  /** Where the questionnaire's series has got to. */
  nextSerial?: number;
  /** The definition, from @eq/schema (default `fixtures/routing-and.json`). */
  definitionFile?: string;
}

/**
 * A survey and a questionnaire (with a published version, unless told otherwise), inserted
 * straight into the database: access-code tests need no surveys or publishing routes.
 */
export async function seedQuestionnaire(db: Database, options: SeedOptions = {}): Promise<SeededQuestionnaire> {
  const state = options.state ?? 'published';
  const definition = options.definitionFile ? readDefinition(options.definitionFile) : ROUTING_AND;
  const tag = randomBytes(5).toString('hex');
  const slug = `codes-${tag}`;
  const [survey] = await db('surveys')
    .insert({ survey_ref: `ac-${tag}`, name: `Access code survey ${tag}` })
    .returning<{ id: string }[]>('id');
  const [questionnaire] = await db('questionnaires')
    .insert({
      survey_id: survey?.id,
      title: `Access code questionnaire ${tag}`,
      definition: JSON.stringify({ ...definition, id: slug }),
      slug: state === 'draft' ? null : slug,
      latest_version: state === 'published' ? 1 : null,
      next_serial: options.nextSerial ?? 0,
    })
    .returning<{ id: string; series: number }[]>(['id', 'series']);
  if (!questionnaire) throw new Error('no questionnaire inserted');
  if (state !== 'draft') {
    await db('published_versions').insert({
      questionnaire_id: questionnaire.id,
      slug: state === 'preview' ? `${slug}-preview` : slug,
      version: 1,
      definition: JSON.stringify({ ...definition, id: slug }),
      checksum: `seeded-${tag}`,
      preview: state === 'preview',
    });
  }
  return { id: questionnaire.id, slug, series: questionnaire.series };
}

/** Where the questionnaire's next code will come from. */
export async function nextSerialOf(db: Database, questionnaireId: string): Promise<number> {
  const row = await db('questionnaires').where({ id: questionnaireId }).first<{ next_serial: number }>('next_serial');
  return row?.next_serial ?? Number.NaN;
}

/** Every code row of a questionnaire, by serial. */
export function codeRowsOf(db: Database, questionnaireId: string) {
  return db('access_codes')
    .where({ questionnaire_id: questionnaireId })
    .orderBy('serial')
    .select<{ code_hash: string; serial: number; batch_id: string; revocation: number | string | null }[]>(
      'code_hash',
      'serial',
      'batch_id',
      'revocation',
    );
}

export interface IssuedJson {
  batchId: string;
  count: number;
  series: number;
  firstSerial: number;
  codes: string[];
}

/** Issues codes as JSON through the API; fails the test unless they were issued. */
export async function issueJson(
  request: () => supertest.Agent,
  auth: Record<string, string>,
  questionnaireId: string,
  count: number,
): Promise<IssuedJson> {
  const response = await request()
    .post(`/api/v1/questionnaires/${questionnaireId}/access-codes`)
    .set(auth)
    .set('Accept', 'application/json')
    .send({ count });
  if (response.status !== 201) throw new Error(`issue failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as IssuedJson;
}
