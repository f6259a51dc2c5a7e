import { Id } from '@eq/schema';
import { z } from 'zod';

/** Absent, `null` or an ISO timestamp with its offset; `null` reads as absent. */
const Timestamp = z.iso
  .datetime({ offset: true })
  .nullish()
  .transform((value) => value ?? undefined);

/** Versions count from 1. */
export const VersionNumber = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/**
 * The author app's replies (see README.md). Unknown fields are allowed, so the author app can add
 * to them without breaking runners already deployed.
 */
export const LatestPointer = z.object({
  slug: Id,
  version: VersionNumber,
  openAccess: z.boolean(),
  opensAt: Timestamp,
  closesAt: Timestamp,
  series: z.number().int().min(0),
});
export type LatestPointer = z.infer<typeof LatestPointer>;

export const VersionDocument = z.object({
  slug: Id,
  version: VersionNumber,
  /** Checked against the `Questionnaire` schema separately, to report its problems by path. */
  definition: z.unknown(),
  openAccess: z.boolean(),
  opensAt: Timestamp,
  closesAt: Timestamp,
  preview: z.boolean().optional(),
});

export const SeriesDocument = z.object({ slug: Id });

/** One page of a series' revoked codes: `hashCode` hex digests, and where the next read starts. */
export const RevokedPage = z.object({
  series: z.number().int().min(0),
  revoked: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  cursor: z.string().max(200).nullable(),
  more: z.boolean(),
});
