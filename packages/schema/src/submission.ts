import { z } from 'zod';
import { DurationValue } from './answer.ts';
import { Id, Language } from './common.ts';

/** A stored answer value, by answer type: see the engine README for which type holds which. */
export const AnswerValue = z.union([
  z.string(),
  z.number(),
  z.array(z.string()),
  DurationValue,
  z.strictObject({ line1: z.string(), line2: z.string().optional(), town: z.string(), postcode: z.string() }),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const ListItemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

export const SubmittedAnswer = z.strictObject({
  answerId: Id,
  qCode: z.string(),
  listItemId: ListItemId.optional(),
  toListItemId: ListItemId.optional().meta({ description: 'Relationships: the other item of the pair' }),
  value: AnswerValue,
});
export type SubmittedAnswer = z.infer<typeof SubmittedAnswer>;

/** The canonical submission document a runner delivers when a respondent submits. */
export const Submission = z
  .strictObject({
    formatVersion: z.literal(1),
    submissionId: z.uuid(),
    responseId: z.string().min(1).max(100),
    questionnaireId: Id,
    questionnaireVersion: z.number().int().min(0),
    surveyId: z.string().optional(),
    respondentRef: z.string().max(200).optional(),
    language: Language,
    test: z.boolean().optional(),
    startedAt: z.iso.datetime(),
    submittedAt: z.iso.datetime(),
    metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    lists: z.record(Id, z.strictObject({ items: z.array(ListItemId), primary: ListItemId.optional() })),
    answers: z.array(SubmittedAnswer),
  })
  .meta({ id: 'Submission' });
export type Submission = z.infer<typeof Submission>;
