import { z } from 'zod';
import { DisplayName } from './text.ts';

/** The office's own survey identifier (e.g. "139"), carried into submissions. */
export const SurveyRef = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, 'use 1-20 letters, digits, "-" or "_"')
  .meta({ description: 'The office’s survey identifier, e.g. "139"', example: '139' });

export const NewSurvey = z.strictObject({ surveyRef: SurveyRef, name: DisplayName });
export type NewSurvey = z.infer<typeof NewSurvey>;

export const SurveyChanges = z
  .strictObject({ surveyRef: SurveyRef.optional(), name: DisplayName.optional() })
  .refine((changes) => changes.surveyRef !== undefined || changes.name !== undefined, {
    message: 'change at least one of surveyRef and name',
  });
export type SurveyChanges = z.infer<typeof SurveyChanges>;

export const SurveyView = z.object({
  id: z.uuid(),
  surveyRef: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const SurveyListView = z.object({
  surveys: z.array(SurveyView.extend({ questionnaireCount: z.number().int() })),
});
