import type { Questionnaire } from '@eq/schema';
import { compile } from '../compile.ts';
import { pageKey } from '../location.ts';
import { isRecord, type ResponseState } from '../state.ts';
import { respond } from './test-respond.ts';

/**
 * A complete census household of `size` people. Answering every page through `savePage` takes
 * seconds for 50 people (each save walks the whole path), so three people answer and the third
 * person's answers and confirmed pages are copied to the others, with everyone related.
 */
export function largeHousehold(q: Questionnaire, size: number): ResponseState {
  const names = Array.from({ length: 3 }, (_, i) => ({ 'first-name': `Person${i + 1}`, 'last-name': 'Jones' }));
  const state = respond(q, { items: { people: names, visitors: [] } });
  const people = state.lists.people?.items ?? [];
  const model = people[2];
  if (!model) throw new Error('the household has fewer than three people');
  const relationship = [...compile(q).answers.values()].find((a) => a.relationship);
  const relationshipsPage = relationship?.pageId ?? '';
  const extra = Array.from({ length: size - people.length }, (_, i) => `copy${i + 4}`);
  const everyone = [...people, ...extra];
  const itemAnswers = { ...state.itemAnswers };
  const completed = state.completed.filter((key) => !key.startsWith(`${relationshipsPage}@`));
  extra.forEach((item, i) => {
    const answers: Record<string, unknown> = { ...itemAnswers[model], 'first-name': `Person${i + 4}` };
    if (relationship) delete answers[relationship.answer.id];
    itemAnswers[item] = answers;
    for (const key of state.completed)
      if (key.endsWith(`@${model}`)) completed.push(key.replace(`@${model}`, `@${item}`));
  });
  everyone.forEach((item, i) => {
    const pairs: Record<string, unknown> = {};
    for (const to of everyone.slice(i + 1)) {
      pairs[to] = 'unrelated';
      completed.push(pageKey(relationshipsPage, item, to));
    }
    const own = itemAnswers[item];
    if (relationship && isRecord(own)) itemAnswers[item] = { ...own, [relationship.answer.id]: pairs };
  });
  return {
    ...state,
    itemAnswers,
    completed,
    lists: { ...state.lists, people: { ...state.lists.people, items: everyone } },
  };
}
