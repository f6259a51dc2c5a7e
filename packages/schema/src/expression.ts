import { z } from 'zod';
import { DateOffset, Id } from './common.ts';
import { dispatchUnion } from './dispatch-union.ts';

/**
 * Expressions: a JSON tree used for conditions (routing, skip conditions, enabled sections,
 * question variants) and for piped values. Each node is a literal or an object whose single
 * key names the operator. Answer references inside a repeating section or list item resolve
 * to the current list item.
 */
export type Literal = string | number | boolean | null;

/** Which list item an answer, label or flag refers to. */
export type ItemRef = 'current' | 'to' | 'primary' | 'all';

export type Expression =
  | Literal
  | Literal[]
  | { answer: string; item?: ItemRef }
  | { metadata: string }
  | { listCount: string }
  | { itemLabel: 'current' | 'to' | 'primary' }
  | { itemLabels: string }
  | { isPrimary: 'current' | 'to' }
  | { calculated: string }
  | { sectionStatus: string }
  | { date: Expression | 'today'; offset?: DateOffset }
  | { age: Expression }
  | { count: Expression }
  | { sum: Expression[] }
  | { concat: Expression[]; separator?: string }
  | { first: Expression[] }
  | { and: Expression[] }
  | { or: Expression[] }
  | { not: Expression }
  | { answered: { answer: string; item?: ItemRef } }
  | { unanswered: { answer: string; item?: ItemRef } }
  | { '==': [Expression, Expression] }
  | { '!=': [Expression, Expression] }
  | { '<': [Expression, Expression] }
  | { '<=': [Expression, Expression] }
  | { '>': [Expression, Expression] }
  | { '>=': [Expression, Expression] }
  | { in: [Expression, Expression] }
  | { 'any-in': [Expression, Expression] }
  | { 'all-in': [Expression, Expression] };

export const Literal = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ItemRef = z.enum(['current', 'to', 'primary', 'all']);

export const AnswerRef = z
  .strictObject({ answer: Id, item: ItemRef.optional() })
  .meta({ description: "The value of an answer; inside a list item it is that item's answer" });
export type AnswerRef = z.infer<typeof AnswerRef>;

/** Operators taking exactly two operands. */
export const BINARY_OPERATORS = ['==', '!=', '<', '<=', '>', '>=', 'in', 'any-in', 'all-in'] as const;
export type BinaryOperator = (typeof BINARY_OPERATORS)[number];

const pair = () => z.tuple([Expression, Expression]);

export const Expression: z.ZodType<Expression> = z
  .lazy(() =>
    dispatchUnion([
      Literal,
      z.array(Literal),
      AnswerRef,
      z.strictObject({ metadata: z.string().min(1) }),
      z.strictObject({ listCount: Id }),
      z.strictObject({ itemLabel: z.enum(['current', 'to', 'primary']) }),
      z.strictObject({ itemLabels: Id }),
      z.strictObject({ isPrimary: z.enum(['current', 'to']) }),
      z.strictObject({ calculated: Id }),
      z.strictObject({ sectionStatus: Id }),
      z.strictObject({ date: z.union([z.literal('today'), Expression]), offset: DateOffset.optional() }),
      z.strictObject({ age: Expression }),
      z.strictObject({ count: Expression }),
      z.strictObject({ sum: z.array(Expression).min(1) }),
      z.strictObject({ concat: z.array(Expression).min(1), separator: z.string().optional() }),
      z
        .strictObject({ first: z.array(Expression).min(1) })
        .meta({ description: 'The first operand that is answered (not missing, null, an empty list or empty text)' }),
      z.strictObject({ and: z.array(Expression).min(1) }),
      z.strictObject({ or: z.array(Expression).min(1) }),
      z.strictObject({ not: Expression }),
      z.strictObject({ answered: AnswerRef }),
      z.strictObject({ unanswered: AnswerRef }),
      z.strictObject({ '==': pair() }),
      z.strictObject({ '!=': pair() }),
      z.strictObject({ '<': pair() }),
      z.strictObject({ '<=': pair() }),
      z.strictObject({ '>': pair() }),
      z.strictObject({ '>=': pair() }),
      z.strictObject({ in: pair() }),
      z.strictObject({ 'any-in': pair() }),
      z.strictObject({ 'all-in': pair() }),
    ]),
  )
  .meta({
    id: 'Expression',
    description:
      'A literal, or an object whose one key is an operator: answer, metadata, listCount, itemLabel, itemLabels, isPrimary, calculated, sectionStatus, date, age, count, sum, concat, first, and, or, not, answered, unanswered, ==, !=, <, <=, >, >=, in, any-in, all-in',
  });

/** A condition is an expression that should evaluate to true or false. */
export const Condition = Expression;
export type Condition = Expression;
