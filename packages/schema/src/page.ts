import { z } from 'zod';
import { Content, Id, Text } from './common.ts';
import { dispatchUnion } from './dispatch-union.ts';
import { Condition, Expression } from './expression.ts';
import { Question, QuestionVariant } from './question.ts';

/** Where a routing rule sends the respondent: a later page of the same section, or an end. */
export const RouteTarget = dispatchUnion([
  z.strictObject({ page: Id }),
  z.strictObject({ end: z.enum(['section', 'questionnaire']) }),
]);
export type RouteTarget = z.infer<typeof RouteTarget>;

/** Routing rules are tried in order; the first whose `when` holds (or has none) applies. */
export const RoutingRule = z.strictObject({ when: Condition.optional(), goTo: RouteTarget });
export type RoutingRule = z.infer<typeof RoutingRule>;

const pageBase = {
  id: Id,
  skipWhen: Condition.optional().meta({ description: 'The page is left out of the path while this holds' }),
  routing: z.array(RoutingRule).min(1).optional(),
};

export const QuestionPage = z.strictObject({
  ...pageBase,
  kind: z.literal('question'),
  question: Question,
  variants: z
    .array(QuestionVariant)
    .optional()
    .meta({ description: 'The first variant whose condition holds replaces the question' }),
});

export const ContentPage = z.strictObject({
  ...pageBase,
  kind: z.literal('content'),
  title: Text,
  contents: z.array(Content).optional(),
});

/** A page of its own inside a list collector (add or change an item, remove an item). */
export const SubPage = z.strictObject({ id: Id, question: Question, variants: z.array(QuestionVariant).optional() });
export type SubPage = z.infer<typeof SubPage>;

export const ListCollectorPage = z.strictObject({
  ...pageBase,
  kind: z.literal('listCollector'),
  list: Id,
  title: Text.optional().meta({ description: 'Heading above the items collected so far' }),
  itemLabel: Expression.meta({
    description: 'How an item is named, e.g. {"concat": [{"answer": "first-name"}, {"answer": "last-name"}]}',
  }),
  question: Question.meta({
    description: 'The driving question: one radio answer, e.g. "Does anyone else live here?"',
  }),
  variants: z.array(QuestionVariant).optional(),
  addValue: z.string().min(1).meta({ description: 'The option value of the driving question that adds an item' }),
  itemPage: SubPage.meta({ description: "Asks for one item's answers; used to add and to change items" }),
  removePage: SubPage.meta({ description: 'Confirms removal: one radio answer' }),
  removeValue: z.string().min(1).meta({ description: 'The option value of the remove question that removes the item' }),
  minItems: z.number().int().min(0).optional(),
  maxItems: z.number().int().min(1).optional(),
});

export const PrimaryPersonPage = z.strictObject({
  ...pageBase,
  kind: z.literal('primaryPerson'),
  list: Id,
  question: Question.meta({ description: 'One radio answer, e.g. "Do you live here?"' }),
  variants: z.array(QuestionVariant).optional(),
  addValue: z
    .string()
    .min(1)
    .meta({ description: 'The option value that makes the respondent the primary item of the list' }),
});

export const RelationshipsPage = z.strictObject({
  ...pageBase,
  kind: z.literal('relationships'),
  list: Id,
  question: Question.meta({
    description: 'Asked once per pair of items: one radio answer; text can use itemLabel current and to',
  }),
  variants: z.array(QuestionVariant).optional(),
});

export const CalculatedSummaryPage = z.strictObject({
  ...pageBase,
  kind: z.literal('calculatedSummary'),
  title: Text,
  answers: z.array(Id).min(1).meta({ description: 'Numeric answers to add up; the respondent confirms the total' }),
  totalLabel: Text.optional(),
});

export const ConfirmationPage = z.strictObject({
  ...pageBase,
  kind: z.literal('confirmation'),
  question: Question.meta({ description: 'One radio answer, e.g. "Is 45 employees correct?"' }),
  variants: z.array(QuestionVariant).optional(),
  confirmValue: z.string().min(1),
  rejectGoTo: Id.meta({ description: 'The earlier page of this section to go back to when not confirmed' }),
});

export const Page = z
  .discriminatedUnion('kind', [
    QuestionPage,
    ContentPage,
    ListCollectorPage,
    PrimaryPersonPage,
    RelationshipsPage,
    CalculatedSummaryPage,
    ConfirmationPage,
  ])
  .meta({ id: 'Page' });
export type Page = z.infer<typeof Page>;
export type PageKind = Page['kind'];
export type QuestionPage = z.infer<typeof QuestionPage>;
export type ContentPage = z.infer<typeof ContentPage>;
export type ListCollectorPage = z.infer<typeof ListCollectorPage>;
export type PrimaryPersonPage = z.infer<typeof PrimaryPersonPage>;
export type RelationshipsPage = z.infer<typeof RelationshipsPage>;
export type CalculatedSummaryPage = z.infer<typeof CalculatedSummaryPage>;
export type ConfirmationPage = z.infer<typeof ConfirmationPage>;
