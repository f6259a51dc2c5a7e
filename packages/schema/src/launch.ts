import { z } from 'zod';
import { Id, Language } from './common.ts';

/** A response id as it appears in URLs and store keys. */
export const ResponseId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'use 1-100 letters, digits, "-" or "_"');

/** A launch value: checked against the questionnaire's metadata definitions by the engine. */
export const LaunchMetadataValue = z.union([z.string().max(2000), z.number(), z.boolean()]);

/**
 * The claims of a signed launch token (a JWT), issued by the author app or a survey system and
 * verified by the runner at `/session?token=...`. Types are checked strictly; registered JWT
 * claims the runner does not use (iss, sub, aud, nbf) are allowed, and other unknown claims are
 * dropped, so issuers can add their own without breaking launches.
 */
export const LaunchClaims = z
  .object({
    questionnaire: Id.meta({ description: 'The slug the questionnaire is published under' }),
    version: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: 'A published version; the latest when absent' }),
    response_id: ResponseId.meta({ description: 'The response to start or resume' }),
    respondent_ref: z.string().max(200).optional().meta({ description: 'The respondent, for the submission' }),
    metadata: z.record(z.string().min(1).max(100), LaunchMetadataValue).optional(),
    lang: Language.optional(),
    preview: z.boolean().optional().meta({ description: 'A preview of a draft: its submission is marked as a test' }),
    exp: z.number().nonnegative(),
    iat: z.number().nonnegative(),
    jti: z.string().min(1).max(200).meta({ description: 'Unique per token: a replayed token is refused' }),
    iss: z.string().optional(),
    sub: z.string().optional(),
    aud: z.union([z.string(), z.array(z.string())]).optional(),
    nbf: z.number().nonnegative().optional(),
  })
  .meta({ id: 'LaunchClaims' });
export type LaunchClaims = z.infer<typeof LaunchClaims>;
