import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildSubmission } from '@eq/engine';
import { answeredState, type Script } from '@eq/engine/testing';
import { Questionnaire, type Submission } from '@eq/schema';
import type { Database } from '../db/connect.ts';

const require = createRequire(import.meta.url);

/** A questionnaire of `packages/schema/examples` (census-household, business-survey, social-survey), parsed. */
export function exampleQuestionnaire(name: string): Questionnaire {
  const file = require.resolve(`@eq/schema/examples/${name}.json`);
  return Questionnaire.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface SeededVersion {
  surveyId: string;
  questionnaireId: string;
  slug: string;
  version: number;
}

export interface SeedOptions {
  /** Adds the version to this questionnaire instead of creating a survey and questionnaire. */
  questionnaireId?: string;
  /** Default: the definition's id (runners send it as the submission's questionnaireId). */
  slug?: string;
  version?: number;
  preview?: boolean;
}

/**
 * A published version of a definition, inserted straight into the database (surveys, questionnaires
 * and published_versions), so that submission tests need not go through publishing.
 */
export async function seedPublishedVersion(
  db: Database,
  definition: Questionnaire,
  options: SeedOptions = {},
): Promise<SeededVersion> {
  const slug = options.slug ?? definition.id;
  const version = options.version ?? 1;
  let questionnaireId = options.questionnaireId;
  let surveyId: string;
  if (questionnaireId) {
    const row = await db('questionnaires').where({ id: questionnaireId }).first<{ survey_id: string }>('survey_id');
    if (!row) throw new Error(`no questionnaire ${questionnaireId}`);
    surveyId = row.survey_id;
  } else {
    const [survey] = await db('surveys')
      .insert({ survey_ref: `test-${randomUUID()}`, name: `Survey of ${slug}` })
      .returning<{ id: string }[]>('id');
    if (!survey) throw new Error('no survey inserted');
    surveyId = survey.id;
    const [questionnaire] = await db('questionnaires')
      .insert({ survey_id: surveyId, title: slug, definition: JSON.stringify(definition), slug })
      .returning<{ id: string }[]>('id');
    if (!questionnaire) throw new Error('no questionnaire inserted');
    questionnaireId = questionnaire.id;
  }
  const text = JSON.stringify(definition);
  await db('published_versions').insert({
    questionnaire_id: questionnaireId,
    slug,
    version,
    definition: text,
    checksum: createHash('sha256').update(text).digest('hex'),
    preview: options.preview ?? false,
  });
  if (!options.preview) await db('questionnaires').where({ id: questionnaireId }).update({ latest_version: version });
  return { surveyId, questionnaireId, slug, version };
}

export interface SimulatedSubmissionOptions {
  /** The household's size (1 to 4 in the census tests); the questionnaire's first list. */
  people?: number;
  /** Answers that must be exactly so (e.g. a date of birth of someone under 16); the rest is generated. */
  script?: Script;
  seed?: number;
  version?: number;
  submissionId?: string;
  responseId?: string;
  submittedAt?: string;
  respondentRef?: string;
  test?: boolean;
  today?: string;
}

/**
 * A complete respondent's submission document (for a census, a household of `people`), answered
 * through the engine's simulated respondent and built with the engine's submission builder, as a
 * runner builds one. Deterministic for a seed.
 */
export function simulatedSubmission(q: Questionnaire, options: SimulatedSubmissionOptions): Submission {
  const today = options.today ?? '2025-06-01';
  const state = answeredState(q, options.script, {
    seed: options.seed ?? 1,
    today,
    ...(options.people === undefined ? {} : { people: options.people }),
  });
  const submittedAt = options.submittedAt ?? `${today}T10:00:00.000Z`;
  return buildSubmission(
    q,
    state,
    {
      submissionId: options.submissionId ?? randomUUID(),
      responseId: options.responseId ?? randomUUID().slice(0, 12),
      questionnaireVersion: options.version ?? 1,
      startedAt: `${today}T09:00:00.000Z`,
      submittedAt,
      language: 'en',
      ...(options.respondentRef === undefined ? {} : { respondentRef: options.respondentRef }),
      ...(options.test === undefined ? {} : { test: options.test }),
    },
    { today },
  );
}
