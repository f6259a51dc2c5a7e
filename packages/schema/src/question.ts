import { z } from 'zod';
import { Answer } from './answer.ts';
import { Content, Id, Text } from './common.ts';
import { Condition, Expression } from './expression.ts';

/** A rule that the answers of a question must add up to a total. */
export const TotalRule = z.strictObject({
  answers: z
    .array(Id)
    .min(1)
    .optional()
    .meta({ description: 'Answers to add up; default every numeric answer of the question' }),
  mustBe: z.enum(['equal', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual']),
  total: Expression.meta({ description: 'The total: a number, another answer, metadata or a calculated total' }),
  message: Text.optional(),
});
export type TotalRule = z.infer<typeof TotalRule>;

export const Definition = z.strictObject({ title: Text, contents: z.array(Content).min(1) });

export const Question = z
  .strictObject({
    id: Id,
    title: Text,
    description: Text.optional(),
    instruction: Text.optional(),
    guidance: z.array(Content).optional(),
    definitions: z.array(Definition).optional(),
    answers: z.array(Answer).min(1).max(50),
    exclusiveAnswer: Id.optional().meta({
      description:
        'A one-option checkbox answer of this question ("I prefer not to say") that cannot be given together with the others',
    }),
    totals: z.array(TotalRule).optional(),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof Question>;

/** A variant of a question shown when its condition holds; it must keep the same answers. */
export const QuestionVariant = z.strictObject({ when: Condition, question: Question });
export type QuestionVariant = z.infer<typeof QuestionVariant>;
