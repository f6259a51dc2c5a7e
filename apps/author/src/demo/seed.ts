import type { Knex } from 'knex';
import { ApiError } from '../http/errors.ts';
import { publishQuestionnaire } from '../publishing/publish.ts';
import { changeSettings } from '../publishing/settings.ts';
import { createQuestionnaire } from '../questionnaires/questionnaire-repository.ts';
import { createSurvey } from '../surveys/survey-repository.ts';
import { bundledExamples, type Example } from './examples.ts';

/** The survey of examples that name none. */
const DEMO_SURVEY = { surveyRef: 'demo', name: 'Demonstration questionnaires' };

export interface SeededQuestionnaire {
  surveyRef: string;
  questionnaireId: string;
  slug: string;
  version: number;
  openAccess: boolean;
}

/**
 * Development demo data on an empty database: the bundled examples as questionnaires, grouped in
 * surveys by their `surveyId`, each published as version 1 under its id, with open access when it
 * needs no launch data. Goes through the same functions as the API, in one transaction, so a
 * failed seed leaves nothing behind. Returns undefined (and changes nothing) once any survey exists.
 */
export async function seedDemoData(
  db: Knex,
  actor?: { id: string; email: string },
  examples: Example[] = bundledExamples(),
): Promise<SeededQuestionnaire[] | undefined> {
  try {
    return await db.transaction(async (trx) => {
      if (await trx('surveys').first('id')) return undefined;
      const seeded: SeededQuestionnaire[] = [];
      for (const [survey, members] of surveysOf(examples)) {
        const { id: surveyId } = await createSurvey(trx, survey, actor);
        for (const { definition } of members) {
          const { id: questionnaireId } = await createQuestionnaire(trx, { surveyId, definition }, actor);
          const openAccess = needsNoLaunchData(definition);
          if (openAccess) await changeSettings(trx, questionnaireId, { openAccess }, actor);
          const { slug, version } = await publishQuestionnaire(trx, { questionnaireId, notes: 'demo data' }, actor);
          seeded.push({ surveyRef: survey.surveyRef, questionnaireId, slug, version, openAccess });
        }
      }
      return seeded;
    });
  } catch (error) {
    // Another start on the same database seeded first.
    if (error instanceof ApiError && error.code === 'survey_ref_taken') return undefined;
    throw error;
  }
}

/** The examples by survey: the survey id each names (its English title as the survey's name), else the demo survey. */
function surveysOf(examples: Example[]): Map<{ surveyRef: string; name: string }, Example[]> {
  const byRef = new Map<string, { survey: { surveyRef: string; name: string }; members: Example[] }>();
  for (const example of examples) {
    const ref = example.definition.surveyId;
    const survey = typeof ref === 'string' ? { surveyRef: ref, name: englishTitle(example) } : DEMO_SURVEY;
    const group = byRef.get(survey.surveyRef) ?? { survey, members: [] };
    group.members.push(example);
    byRef.set(survey.surveyRef, group);
  }
  return new Map([...byRef.values()].map(({ survey, members }) => [survey, members]));
}

function englishTitle({ name, definition }: Example): string {
  const title = definition.title;
  if (typeof title === 'string') return title;
  const english = (title as { en?: unknown } | undefined)?.en;
  return typeof english === 'string' ? english : name;
}

/** True when every metadata item is optional: respondents can start from an open link. */
function needsNoLaunchData(definition: Record<string, unknown>): boolean {
  const metadata = definition.metadata;
  return !Array.isArray(metadata) || metadata.every((item) => (item as { optional?: unknown }).optional === true);
}
