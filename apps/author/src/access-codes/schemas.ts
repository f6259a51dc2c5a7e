import { SERIES_LIMIT } from '@eq/access-code';
import { z } from 'zod';

/** Codes one request may issue: 100,000 take a few seconds and make a CSV of about 5 MB. */
export const MAX_ISSUE = 100_000;

/** Codes one revocation may list; a whole batch is revoked by its id instead. */
export const MAX_REVOKE_CODES = 10_000;

export const IssueBody = z.strictObject({
  count: z
    .number('must be a whole number')
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_ISSUE, `must be at most ${MAX_ISSUE.toLocaleString('en-GB')}`),
});

export const IssuedCodes = z.object({
  batchId: z.uuid(),
  count: z.number().int(),
  series: z.number().int(),
  firstSerial: z.number().int(),
  /** Formatted for reading ("7K2M 9QXD 4TRB H1CW"); shown once, never again. */
  codes: z.array(z.string()),
});

export const Batch = z.object({
  batchId: z.uuid(),
  count: z.number().int(),
  firstSerial: z.number().int(),
  revoked: z.number().int(),
  issuedAt: z.iso.datetime({ offset: true }),
  issuedBy: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
});

export const BatchList = z.object({ series: z.number().int(), batches: z.array(Batch) });

export const RevokeBody = z
  .strictObject({
    codes: z
      .array(z.string().max(64, 'is too long to be an access code'))
      .min(1, 'must list at least one code')
      .max(MAX_REVOKE_CODES, `must list at most ${MAX_REVOKE_CODES.toLocaleString('en-GB')} codes`)
      .optional(),
    batchId: z.uuid('must be a batch id (a UUID)').optional(),
  })
  .refine((body) => body.codes !== undefined || body.batchId !== undefined, {
    message: 'give the codes to revoke, a batchId, or both',
  });

export const RevokeResult = z.object({
  /** Codes revoked by this request. */
  revoked: z.number().int(),
  /** Codes named that were revoked already (nothing changed for them). */
  alreadyRevoked: z.number().int(),
});

/** An access-code series in a path (see @eq/access-code). */
export const SeriesParams = z.object({
  n: z
    .string()
    .regex(/^\d{1,7}$/, 'must be a series number')
    .transform(Number)
    .refine((n) => n < SERIES_LIMIT, `must be below ${SERIES_LIMIT}`),
});

/** Where a runner's last read of a series' revoked codes ended: `<revocation>.<code hash>`. */
export const REVOCATION_CURSOR = /^(\d{1,15})\.([0-9a-f]{64})$/;

export const RevokedQuery = z.object({
  since: z.string().regex(REVOCATION_CURSOR, 'must be a cursor from an earlier reply').optional(),
});

export const RevokedPage = z.object({
  series: z.number().int(),
  /** `hashCode` of each code revoked after `since`, in revocation order. */
  revoked: z.array(z.string()),
  /** Pass as `since` next time; null while nothing of the series has been revoked. */
  cursor: z.string().nullable(),
  /** More revoked codes follow: ask again with the cursor at once. */
  more: z.boolean(),
});
