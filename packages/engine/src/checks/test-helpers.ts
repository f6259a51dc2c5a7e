import { type QuestionnaireFields, questionnaire } from '../testing/build.ts';
import { checkContext } from './context.ts';
import type { Check, Problem } from './problem.ts';

/** Runs one check on a test questionnaire (see `questionnaire`), failing the test if it does not match the schema. */
export function runCheck(check: Check, fields: QuestionnaireFields): Problem[] {
  return check(checkContext(questionnaire(fields)));
}

/** The problems as `[code, severity, path]`, for compact assertions. */
export function summary(problems: Problem[]): [string, string, string][] {
  return problems.map((p) => [p.code, p.severity, p.path]);
}
