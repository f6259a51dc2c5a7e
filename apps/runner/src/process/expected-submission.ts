import { buildSubmission } from '@eq/engine';
import { respond } from '@eq/engine/testing';
import type { Questionnaire, Submission } from '@eq/schema';

/**
 * Test support: what a submission delivered after a journey of the driver's simulated respondent
 * (loadtest/journey.ts `planJourney`: this seed and household size, items `p0`, `p1`, …) must hold,
 * worked out by the engine alone. Item ids become the delivered submission's (matched by their
 * position in each list), so the two compare whole.
 */
export function expectedSubmission(
  q: Questionnaire,
  journey: { seed: number; people: number },
  delivered: Submission,
): Pick<Submission, 'lists' | 'answers' | 'metadata'> {
  let next = 0;
  const { state, complete } = respond(q, { seed: journey.seed, people: journey.people, newItemId: () => `p${next++}` });
  if (!complete) throw new Error(`the simulated respondent (seed ${journey.seed}) did not finish`);
  const expected = buildSubmission(q, state, delivered);
  const ids = new Map<string, string>();
  for (const [list, { items }] of Object.entries(expected.lists)) {
    items.forEach((item, i) => {
      const theirs = delivered.lists[list]?.items[i];
      if (theirs) ids.set(item, theirs);
    });
  }
  const id = (item: string) => ids.get(item) ?? `unmatched ${item}`;
  return {
    metadata: expected.metadata,
    lists: Object.fromEntries(
      Object.entries(expected.lists).map(([list, { items, primary }]) => [
        list,
        { items: items.map(id), ...(primary === undefined ? {} : { primary: id(primary) }) },
      ]),
    ),
    answers: expected.answers.map((answer) => ({
      ...answer,
      ...(answer.listItemId === undefined ? {} : { listItemId: id(answer.listItemId) }),
      ...(answer.toListItemId === undefined ? {} : { toListItemId: id(answer.toListItemId) }),
    })),
  };
}
