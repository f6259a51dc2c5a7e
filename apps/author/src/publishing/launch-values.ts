import { type MetadataValue, validateMetadata } from '@eq/engine';
import { Language, LaunchMetadataValue, type Questionnaire, ResponseId } from '@eq/schema';
import { z } from 'zod';
import { ApiError, type ProblemDetail } from '../http/errors.ts';

/** The runner refuses launch tokens issued longer ago than its max age (10 minutes by default). */
export const LIFETIME_LIMITS = { min: 30, max: 600, default: 300 } as const;

/** What a launch token carries into the runner, as the author asks for it. */
export const LaunchValues = {
  metadata: z
    .record(z.string().min(1).max(100), LaunchMetadataValue)
    .default({})
    .meta({ description: "Values for the questionnaire's metadata definitions (checked against them)" }),
  language: Language.optional().meta({ description: 'One of the questionnaire’s languages' }),
  respondentRef: z.string().min(1).max(200).optional(),
  responseId: ResponseId.optional().meta({ description: 'The response to start or resume; a new one when absent' }),
  lifetimeSeconds: z
    .number()
    .int()
    .min(LIFETIME_LIMITS.min)
    .max(LIFETIME_LIMITS.max)
    .default(LIFETIME_LIMITS.default)
    .meta({
      description: 'How long the token may be used to start (the runner also refuses tokens older than its max age)',
    }),
};

export interface CheckedLaunchValues {
  metadata: Record<string, MetadataValue>;
  lang?: string;
}

/**
 * Checks launch values against a questionnaire as the runner will (`validateMetadata` of the
 * engine), so an author learns now, not the respondent at launch, that a value is missing or of
 * the wrong type. 422 `invalid_launch_values` lists every problem.
 */
export function checkLaunchValues(
  questionnaire: Questionnaire,
  values: { metadata: Record<string, unknown>; language?: string | undefined },
): CheckedLaunchValues {
  const { metadata, problems } = validateMetadata(questionnaire, values.metadata);
  const details: ProblemDetail[] = problems.map((problem) => ({
    path: `body.metadata.${problem.name}`,
    message: problem.message,
  }));
  if (values.language !== undefined && !questionnaire.languages.includes(values.language)) {
    details.push({
      path: 'body.language',
      message: `the questionnaire is in ${questionnaire.languages.join(', ')}, not ${values.language}`,
    });
  }
  if (details.length > 0) {
    throw new ApiError(422, 'invalid_launch_values', 'the launch values do not suit the questionnaire', details);
  }
  return { metadata, ...(values.language === undefined ? {} : { lang: values.language }) };
}

/** The runner's URL that starts a response from a launch token. */
export function launchUrl(runnerUrl: string, token: string): string {
  return `${runnerUrl.replace(/\/+$/, '')}/session?token=${encodeURIComponent(token)}`;
}
