/**
 * Test helpers for publishing: questionnaires made and saved as the API makes and saves them, and
 * definitions from @eq/schema's examples and fixtures.
 */
import { randomUUID } from 'node:crypto';
import businessSurvey from '@eq/schema/examples/business-survey.json' with { type: 'json' };
import censusHousehold from '@eq/schema/examples/census-household.json' with { type: 'json' };
import socialSurvey from '@eq/schema/examples/social-survey.json' with { type: 'json' };
import routingEquals from '@eq/schema/fixtures/routing-equals.json' with { type: 'json' };
import routingMetadata from '@eq/schema/fixtures/routing-metadata.json' with { type: 'json' };
import type { Database } from '../db/connect.ts';
import { createQuestionnaire, saveQuestionnaire } from '../questionnaires/questionnaire-repository.ts';
import { createSurvey } from '../surveys/survey-repository.ts';
import { changeSettings, type SettingsChange } from './settings.ts';

const DEFINITIONS = {
  'business-survey': businessSurvey,
  'census-household': censusHousehold,
  'social-survey': socialSurvey,
  'routing-equals': routingEquals,
  'routing-metadata': routingMetadata,
} as const;

export type DefinitionName = keyof typeof DEFINITIONS;

/** A fresh copy of a named example or fixture, with another id when given (ids are default slugs). */
export function definition(name: DefinitionName, id?: string): Record<string, unknown> {
  const copy = structuredClone(DEFINITIONS[name]) as Record<string, unknown>;
  if (id !== undefined) copy.id = id;
  return copy;
}

/** `routing-equals` with a route to a page that does not exist: an error of the static checks. */
export function definitionWithErrors(id?: string): Record<string, unknown> {
  const copy = definition('routing-equals', id) as { sections: { pages: { routing?: { goTo: unknown }[] }[] }[] };
  const rule = copy.sections[0]?.pages[0]?.routing?.[0];
  if (!rule) throw new Error('routing-equals changed: its first page has no routing rule');
  rule.goTo = { page: 'no-such-page' };
  return copy as unknown as Record<string, unknown>;
}

/** A unique id for a definition, so tests sharing a database do not share default slugs. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export interface SeededQuestionnaire {
  id: string;
  surveyId: string;
}

/** A new survey with a questionnaire of the given definition (revision 1), and the given settings. */
export async function seedQuestionnaire(
  db: Database,
  definition: Record<string, unknown>,
  settings: SettingsChange = {},
): Promise<SeededQuestionnaire> {
  const survey = await createSurvey(db, { surveyRef: randomUUID().slice(0, 20), name: 'A survey' });
  const { id } = await createQuestionnaire(db, { surveyId: survey.id, definition });
  if (Object.keys(settings).length > 0) await changeSettings(db, id, settings, undefined);
  return { id, surveyId: survey.id };
}

/** Saves a new draft definition as an editor's save does (the next revision). */
export async function saveDraft(db: Database, questionnaireId: string, definition: unknown): Promise<void> {
  const row = await db('questionnaires').where({ id: questionnaireId }).first<{ revision: number }>('revision');
  if (!row) throw new Error('no such questionnaire');
  await saveQuestionnaire(db, { id: questionnaireId, definition, baseRevision: row.revision });
}
