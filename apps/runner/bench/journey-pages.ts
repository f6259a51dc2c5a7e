/**
 * The pages one census household is shown, as the load test's respondents see them: the simulated
 * respondent of `@eq/engine/testing` answers the questionnaire, and its posts are replayed through
 * the engine to have the state before each one; each page is then shown in that state (fresh
 * pages, as a respondent first sees them), again with the errors of a post the engine refused, and
 * the hub when a post leads there.
 */
import {
  type AnswerError,
  compile,
  type FormInput,
  type Location,
  locationContext,
  type ResponseState,
  savePage,
  validateQuestion,
} from '@eq/engine';
import { respond } from '@eq/engine/testing';
import type { Questionnaire } from '@eq/schema';
import { questionAt } from '../src/routes/question-at.ts';

export interface ShownPage {
  location: Location;
  state: ResponseState;
  form?: FormInput;
  errors?: AnswerError[];
}

export function journeyPages(q: Questionnaire, seed: number, today: string): ShownPage[] {
  // Item ids made as the runner makes them: different for every household.
  const itemId = (prefix: string) => {
    let next = 0;
    return () => `${prefix}${seed.toString(36)}x${(next++).toString(36)}`;
  };
  const journey = respond(q, { seed, people: 3, today, newItemId: itemId('h') });
  if (!journey.complete) throw new Error(`household ${seed} does not complete: ${journey.stuck ?? ''}`);
  const compiled = compile(q);
  const replayId = itemId('h');
  // The same seed starts with the same launch metadata; no post made yet.
  let state = respond(q, { seed, people: 3, today, maxSteps: 0 }).state;
  const pages: ShownPage[] = [];
  for (const step of journey.steps) {
    const { location } = step;
    const ctx = locationContext(q, state, location, { lang: 'en', today });
    const question = questionAt(compiled, location, ctx);
    pages.push({ location, state });
    if (step.errors.length > 0) {
      pages.push({ location, state, form: step.form, errors: step.errors });
      continue;
    }
    const values = question ? validateQuestion(question, step.form, ctx).values : {};
    state = savePage(q, state, location, values, { today, newItemId: replayId }).state;
    if (step.next.kind === 'hub') pages.push({ location: step.next, state });
  }
  return pages;
}
