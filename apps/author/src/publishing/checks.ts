import { checkQuestionnaire, type Problem } from '@eq/engine';
import type { Questionnaire } from '@eq/schema';
import { ApiError } from '../http/errors.ts';

/**
 * The definition as the engine reads it, or a 422 listing its errors: runners refuse (or fail on)
 * a questionnaire with errors, so neither a version nor a preview may be made of one. Warnings do
 * not block.
 */
export function requireNoErrors(definition: unknown, doing: 'publishing' | 'previewing'): Questionnaire {
  const { questionnaire, problems } = checkQuestionnaire(definition);
  const errors: Problem[] = problems.filter((problem) => problem.severity === 'error');
  if (!questionnaire || errors.length > 0) {
    const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
    throw new ApiError(
      422,
      'questionnaire_has_errors',
      `the questionnaire has ${count}: fix ${errors.length === 1 ? 'it' : 'them'} before ${doing}`,
      errors,
    );
  }
  return questionnaire;
}
