import { normaliseState, type ResponseState } from '@eq/engine';
import { z } from 'zod';

/** Everything the runner keeps about one response between requests. */
export interface StoredResponse {
  responseId: string;
  /** The version the respondent started: they stay on it whatever is published later. */
  questionnaire: { slug: string; version: number };
  state: ResponseState;
  /**
   * `submitting`: the submission's id and time are fixed and it is on its way into the outbox;
   * answers can no longer change. `submitted`: it is in the outbox (or delivered).
   */
  status: (typeof RESPONSE_STATUSES)[number];
  language: string;
  respondentRef?: string;
  test?: boolean;
  /** ISO date-times. */
  startedAt: string;
  updatedAt: string;
  submittedAt?: string;
  /** Made once when the respondent submits, so every delivery of the submission carries the same id. */
  submissionId?: string;
}

export const RESPONSE_STATUSES = ['inProgress', 'submitting', 'submitted'] as const;

/** As the Submission document allows. */
export const RESPONSE_ID_MAX_LENGTH = 100;

/** The shape a stored record must have when read back; anything else counts as corrupted. */
const StoredResponseRecord = z.object({
  responseId: z.string().min(1).max(RESPONSE_ID_MAX_LENGTH),
  questionnaire: z.object({ slug: z.string().min(1), version: z.number().int().min(0) }),
  state: z.record(z.string(), z.unknown()).transform((raw): ResponseState => normaliseState(raw)),
  status: z.enum(RESPONSE_STATUSES),
  language: z.string().min(1),
  respondentRef: z.string().optional(),
  test: z.boolean().optional(),
  startedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  submittedAt: z.iso.datetime({ offset: true }).optional(),
  submissionId: z.string().min(1).optional(),
});

/** The record a JSON text holds, or undefined when it is not JSON or not a well-formed record. */
export function parseStoredResponse(json: string): StoredResponse | undefined {
  return storedResponseOf(jsonOf(json));
}

/** The record a value parsed from JSON is, or undefined when it is not a well-formed record. */
export function storedResponseOf(value: unknown): StoredResponse | undefined {
  const parsed = StoredResponseRecord.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Where a JSON text fails to be a well-formed record: field paths only, never values (they may be answers). */
export function storedResponseProblems(json: string): string[] {
  const value = jsonOf(json);
  if (value === undefined) return ['not JSON'];
  const parsed = StoredResponseRecord.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.') || '(record)');
}

/** The value a JSON text holds, or undefined when it is not JSON (no JSON text holds undefined). */
export function jsonOf(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}
