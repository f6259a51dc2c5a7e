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
