import { z } from 'zod';
import { IdParams } from '../http/route.ts';

/** Revisions are Postgres `integer`s: larger numbers could never match one. */
const RevisionNumber = z.number().int().min(1).max(2_147_483_647);

/**
 * A questionnaire document in the format of @eq/schema. Any JSON reaches the handler, which checks
 * it with the engine, so a structurally invalid one is a 422 listing every problem by JSON pointer.
 */
export const Definition = z
  .unknown()
  .refine((value) => value !== undefined, 'required')
  .meta({ description: 'A questionnaire document (the Questionnaire schema of @eq/schema)' });

export const NewQuestionnaire = z.strictObject({ definition: Definition });

export const QuestionnaireSave = z.strictObject({
  definition: Definition,
  baseRevision: RevisionNumber.meta({ description: 'The revision the edit was based on' }),
});

export const RestoreRequest = z.strictObject({
  baseRevision: RevisionNumber.meta({ description: 'The current revision, as last read' }),
});

export const DuplicateRequest = z.strictObject({
  surveyId: z.uuid('must be a UUID').optional().meta({ description: 'Copy into this survey (default: the same one)' }),
});

export const RevisionParams = IdParams.extend({
  revision: z.coerce.number().pipe(RevisionNumber),
});

export const RevisionQuery = z.strictObject({
  before: z.coerce.number().pipe(RevisionNumber).optional().meta({ description: 'Only revisions before this one' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const Problem = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  path: z.string().meta({ description: 'A JSON pointer into the definition' }),
});

const UserRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

const Settings = {
  slug: z.string().nullable(),
  openAccess: z.boolean(),
  opensAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  sessionTimeoutMinutes: z.number().int().nullable(),
  latestVersion: z.number().int().nullable(),
};

export const QuestionnaireView = z.object({
  id: z.uuid(),
  surveyId: z.uuid(),
  surveyRef: z.string(),
  title: z.string(),
  revision: z.number().int(),
  definition: z.unknown(),
  problems: z.array(Problem),
  updatedAt: z.iso.datetime(),
  updatedBy: UserRef,
  ...Settings,
});

export const CreatedView = z.object({
  id: z.uuid(),
  surveyId: z.uuid(),
  revision: z.number().int(),
  definition: z.unknown(),
  problems: z.array(Problem),
  updatedAt: z.iso.datetime(),
});

export const SavedView = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  problems: z.array(Problem),
  updatedAt: z.iso.datetime(),
});

export const QuestionnaireListView = z.object({
  questionnaires: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      revision: z.number().int(),
      updatedAt: z.iso.datetime(),
      updatedBy: UserRef,
      slug: z.string().nullable(),
      latestVersion: z.number().int().nullable(),
    }),
  ),
});

const RevisionSummary = z.object({
  revision: z.number().int(),
  savedAt: z.iso.datetime(),
  savedBy: UserRef,
  restoredFrom: z.number().int().nullable(),
});

export const RevisionListView = z.object({ revisions: z.array(RevisionSummary) });
export const RevisionView = RevisionSummary.extend({ definition: z.unknown() });
