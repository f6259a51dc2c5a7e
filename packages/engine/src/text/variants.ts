import type { Question, QuestionVariant } from '@eq/schema';
import { type EvalContext, holds } from '../evaluate.ts';

/** The question a page shows: its first variant whose condition holds, else its own question. */
export function chooseQuestion(page: { question: Question; variants?: QuestionVariant[] }, ctx: EvalContext): Question {
  return page.variants?.find((variant) => holds(variant.when, ctx))?.question ?? page.question;
}
