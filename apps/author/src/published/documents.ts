import { z } from 'zod';

/**
 * What runners read (the contract is apps/runner/src/questionnaires/README.md; the runner parses
 * these with its own schemas in author-api-responses.ts). Timestamps are ISO 8601 in UTC or null.
 */
export const LatestPointer = z.object({
  slug: z.string(),
  version: z.number().int().meta({ description: 'The version new respondents start' }),
  openAccess: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  series: z.number().int().meta({ description: 'The access-code series of the questionnaire' }),
});
export type LatestPointer = z.infer<typeof LatestPointer>;

export const VersionDocument = z.object({
  slug: z.string(),
  version: z.number().int(),
  definition: z.unknown().meta({ description: 'The questionnaire, as published' }),
  openAccess: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  preview: z.boolean(),
});
export type VersionDocument = z.infer<typeof VersionDocument>;

export const SeriesDocument = z.object({ slug: z.string() });
