import { readFileSync } from 'node:fs';
import { Questionnaire } from '@eq/schema';
import { computePath, isComplete, type ResponseState } from '../src/index.ts';
import { type Household, household } from '../src/testing/index.ts';

export const TODAY = '2025-06-01';

/** The census example, read as the runner reads a published version. */
export function loadCensus(): { document: unknown; q: Questionnaire } {
  const url = new URL('../../schema/examples/census-household.json', import.meta.url);
  const document: unknown = JSON.parse(readFileSync(url, 'utf8'));
  return { document, q: Questionnaire.parse(document) };
}

/**
 * A census household of `people`, everyone answering every question they are routed to through
 * the engine, as a seeded simulated respondent posts the forms (50 people take a few seconds).
 */
export function censusHousehold(q: Questionnaire, people: number): Household {
  return household(q, people, { answered: people, seed: people, today: TODAY });
}

/** What makes a household "all answered", each fact checked against the state: empty when it is. */
export function householdProblems(q: Questionnaire, h: Household, people: number): string[] {
  const { state } = h;
  const problems: string[] = [];
  const expect = (fact: string, actual: unknown, wanted: unknown) => {
    if (actual !== wanted) problems.push(`${fact}: ${String(actual)}, wanted ${String(wanted)}`);
  };
  const items = state.lists.people?.items ?? [];
  const path = computePath(q, state, { today: TODAY });
  expect('isComplete', isComplete(q, state, { today: TODAY }), true);
  expect('people', items.length, people);
  expect('primary person first', state.lists.people?.primary, items[0]);
  expect('related pairs', relatedPairs(state, items), (people * (people - 1)) / 2);
  expect(
    'pairs on the path',
    path.locations.filter((l) => l.kind === 'page' && l.to !== undefined).length,
    (people * (people - 1)) / 2,
  );
  expect(
    'people with their section completed',
    path.sections.filter((s) => s.section === 'individual' && s.status === 'completed').length,
    people,
  );
  expect('sections not completed', path.sections.filter((s) => s.status !== 'completed').length, 0);
  return problems;
}

function relatedPairs(state: ResponseState, items: readonly string[]): number {
  let pairs = 0;
  items.forEach((item, i) => {
    const stored = state.itemAnswers[item]?.relationship;
    const values = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
    for (const to of items.slice(i + 1)) if (typeof values[to] === 'string') pairs += 1;
  });
  return pairs;
}
