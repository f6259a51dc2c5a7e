// files.ts, which reads the shared questionnaires from disk, is imported by tests directly: this entry does no I/O.
export {
  answer,
  contentPage,
  type Json,
  listCollector,
  options,
  primaryPerson,
  type QuestionnaireFields,
  question,
  questionnaire,
  questionnaireJson,
  questionPage,
  radio,
  relationshipsPage,
  section,
} from './build.ts';
export { evalContext, pageAt, stateWith, TODAY } from './context.ts';
export { type Dice, dice, mulberry32 } from './dice.ts';
export { type Household, type HouseholdOptions, household } from './household.ts';
export { answerQuestion, questionForm, randomValue } from './question-form.ts';
export { anyResponseState, anyValue, type RandomStateOptions, validValue } from './random-answers.ts';
export {
  answerAll,
  type Journey,
  type PageChoice,
  type RespondOptions,
  type RespondStep,
  respond,
} from './respondent.ts';
export { answeredState, type Script, scripted } from './scripted.ts';
