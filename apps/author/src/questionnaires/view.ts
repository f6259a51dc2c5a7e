import { checkQuestionnaire } from '@eq/engine';
import { inDocumentOrder } from './definition.ts';
import { type QuestionnaireRow, userOf } from './questionnaire-repository.ts';

/**
 * A questionnaire as the API shows it: its draft definition with the problems the static checks
 * find in it now (the checks may have grown since it was saved), and its publishing settings.
 */
export function questionnaireView(row: QuestionnaireRow) {
  const { questionnaire, problems } = checkQuestionnaire(row.definition);
  return {
    id: row.id,
    surveyId: row.survey_id,
    surveyRef: row.survey_ref,
    title: row.title,
    revision: row.revision,
    definition: inDocumentOrder(row.definition, questionnaire),
    problems,
    updatedAt: row.updated_at,
    updatedBy: userOf(row.updated_by, row.updated_by_name),
    slug: row.slug,
    openAccess: row.open_access,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    sessionTimeoutMinutes: row.session_timeout_minutes,
    latestVersion: row.latest_version,
  };
}
