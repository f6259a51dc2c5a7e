export { CHECKS } from './all-checks.ts';
export { type CheckResult, checkQuestionnaire } from './check-questionnaire.ts';
export { type CheckContext, checkContext } from './context.ts';
export { type Check, type Problem, pointer } from './problem.ts';
