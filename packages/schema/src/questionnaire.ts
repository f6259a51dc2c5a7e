import { z } from 'zod';
import { Content, Id, Language, Text } from './common.ts';
import { Placeholder, PlaceholderName } from './placeholder.ts';
import { Section } from './section.ts';

export const FORMAT_VERSION = 1;

/** A launch value the questionnaire expects, such as `ru_name` or `period_start`. */
export const MetadataDefinition = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'use lowercase letters, digits and "_"'),
  type: z.enum(['string', 'date', 'number', 'boolean']),
  optional: z.boolean().optional(),
  label: Text.optional(),
});
export type MetadataDefinition = z.infer<typeof MetadataDefinition>;

export const Flow = z.discriminatedUnion('type', [
  z
    .strictObject({ type: z.literal('linear') })
    .meta({ description: 'Sections in order, then a check-your-answers page' }),
  z
    .strictObject({
      type: z.literal('hub'),
      requiredSections: z.array(Id).optional().meta({ description: 'Sections to complete before the hub is shown' }),
    })
    .meta({ description: 'A hub listing the sections, answered in any order' }),
]);
export type Flow = z.infer<typeof Flow>;

export const Questionnaire = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(FORMAT_VERSION),
    id: Id,
    title: Text,
    description: Text.optional(),
    surveyId: z.string().min(1).max(40).optional(),
    languages: z
      .array(Language)
      .min(1)
      .refine((l) => new Set(l).size === l.length, 'list each language once')
      .meta({ description: 'Languages the questionnaire is written in; the first is the default' }),
    flow: Flow,
    sessionTimeoutMinutes: z.number().int().min(5).max(480).optional(),
    metadata: z.array(MetadataDefinition).optional(),
    placeholders: z.record(PlaceholderName, Placeholder).optional(),
    introduction: z
      .strictObject({ title: Text.optional(), description: Text.optional(), contents: z.array(Content).optional() })
      .optional(),
    submission: z
      .strictObject({
        title: Text.optional(),
        guidance: Text.optional(),
        button: Text.optional(),
        confirmation: z.strictObject({ title: Text.optional(), contents: z.array(Content).optional() }).optional(),
      })
      .optional(),
    sections: z.array(Section).min(1),
  })
  .meta({ id: 'Questionnaire', title: 'eQ questionnaire' });
export type Questionnaire = z.infer<typeof Questionnaire>;
