import { z } from 'zod';
import { Id, Text } from './common.ts';
import { Condition } from './expression.ts';
import { Page } from './page.ts';

export const Section = z
  .strictObject({
    id: Id,
    title: Text,
    repeat: z
      .strictObject({
        list: Id,
        title: Text.meta({ description: 'Title of each repeat, e.g. "{person_name}"' }),
      })
      .optional()
      .meta({ description: 'Ask the section once for each item of a list' }),
    enabledWhen: Condition.optional().meta({ description: 'The section is asked only while this holds' }),
    summary: z.boolean().optional().meta({ description: 'Show a summary of the section when it is finished' }),
    pages: z.array(Page).min(1),
  })
  .meta({ id: 'Section' });
export type Section = z.infer<typeof Section>;
