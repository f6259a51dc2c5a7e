import { answer, contentPage, type Json, questionnaireJson, questionPage, radio, section } from '@eq/engine/testing';
import type { Database } from '../db/connect.ts';
import { createSurvey } from '../surveys/survey-repository.ts';
import { createTestUser, type TestUser } from '../testing/app.ts';

/** A small valid questionnaire: a yes/no question, a number, then a content page. */
export function validDefinition(fields: Json = {}): Json {
  return questionnaireJson({
    id: 'shop-survey',
    title: 'Shop survey',
    sections: [
      section('shop', [
        questionPage('trading', [radio('trading-answer', ['yes', 'no'])]),
        questionPage('staff', [answer('staff-answer', 'number', { mandatory: true })]),
        contentPage('thanks'),
      ]),
    ],
    ...fields,
  });
}

/** Valid in form, with a semantic problem: a routing rule goes to a page that does not exist. */
export function draftWithProblem(): Json {
  return questionnaireJson({
    id: 'draft',
    pages: [
      questionPage('first', [radio('first-answer', ['yes', 'no'])], {
        routing: [{ when: { '==': [{ answer: 'first-answer' }, 'no'] }, goTo: { page: 'nowhere' } }],
      }),
      contentPage('last'),
    ],
  });
}

let surveyCount = 0;

export interface SurveyFixture {
  editor: TestUser;
  viewer: TestUser;
  surveyId: string;
}

/** An editor, a viewer and an empty survey of their own. */
export async function surveyFixture(db: Database): Promise<SurveyFixture> {
  const editor = await createTestUser(db, 'editor');
  const viewer = await createTestUser(db, 'viewer');
  const survey = await createSurvey(db, { surveyRef: `t${Date.now() % 1e9}-${++surveyCount}`, name: 'Test survey' });
  return { editor, viewer, surveyId: survey.id };
}
