import type { Questionnaire } from '@eq/schema';
import { compile } from '../compile.ts';
import { todayIso } from '../dates.ts';
import { pageKey } from '../location.ts';
import { isComplete } from '../navigation/progress.ts';
import { type ItemId, isRecord, own, type ResponseState } from '../state.ts';
import { answerAll, type RespondOptions } from './respondent.ts';

export interface HouseholdOptions extends RespondOptions {
  /** How many people answer through the engine before the last of them is copied (default 3, at least 2). */
  answered?: number;
}

export interface Household {
  state: ResponseState;
  /** The household's items in order, the respondent first. */
  people: ItemId[];
  /** Whether `isComplete` holds for the state: ready to submit. */
  complete: boolean;
}

/**
 * A complete household of `people` (at most as many as its list collector allows) in the
 * questionnaire's first list, every question answered. A household of n people has n²/2
 * relationship pages, and answering 50 people through the engine takes seconds, so only the
 * first `answered` people answer (`answerAll`); the last of them, not the respondent, is copied
 * to the others: their item answers and confirmed locations, and every pair with a copy in it,
 * related as the respondent is to that person. Copies have the ids `copy1`, `copy2`, …, which
 * random item ids never are. Deterministic for a seed.
 */
export function household(q: Questionnaire, people: number, options: HouseholdOptions = {}): Household {
  const today = options.today ?? todayIso();
  const answered = Math.max(2, Math.min(people, options.answered ?? 3));
  const base = answerAll(q, answered, { ...options, today }).state;
  const [list, info] = compile(q).lists.entries().next().value ?? [];
  const items = list === undefined ? [] : (own(base.lists, list)?.items ?? []);
  const size = Math.min(people, info?.collector.maxItems ?? people);
  const model = items.at(-1);
  const first = items[0];
  if (list === undefined || model === undefined || first === undefined || model === first || size <= items.length) {
    return { state: base, people: [...items], complete: isComplete(q, base, { today }) };
  }
  const copies = Array.from({ length: size - items.length }, (_, i) => `copy${i + 1}`);
  const state = withCopies(q, base, list, { model, first, copies });
  return { state, people: [...items, ...copies], complete: isComplete(q, state, { today }) };
}

interface Copying {
  model: ItemId;
  /** The respondent: every new pair is related as they are to the model. */
  first: ItemId;
  copies: ItemId[];
}

function withCopies(q: Questionnaire, base: ResponseState, list: string, copying: Copying): ResponseState {
  const { model, first, copies } = copying;
  const relationships = [...compile(q).answers.values()].filter((a) => a.relationship && a.list === list);
  const relationshipIds = relationships.map((a) => a.answer.id);
  const relationshipPages = new Set(relationships.map((a) => a.pageId));
  const items = [...(own(base.lists, list)?.items ?? []), ...copies];
  const itemAnswers = { ...base.itemAnswers };
  const completed = [...base.completed];
  const modelAnswers = own(base.itemAnswers, model) ?? {};
  const modelKeys = base.completed.filter((key) => key.endsWith(`@${model}`));
  for (const copy of copies) {
    itemAnswers[copy] = withoutRelationships(modelAnswers, relationshipIds);
    for (const key of modelKeys) completed.push(`${key.slice(0, -model.length)}${copy}`);
  }
  // Every pair with a copy in it: the earlier item holds the answer, as a relationships page stores it.
  const fresh = new Set(copies);
  const related = relationshipIds.map((id) => [id, relationValue(base, first, model, id)] as const);
  items.forEach((item, i) => {
    const later = items.slice(i + 1).filter((to) => fresh.has(item) || fresh.has(to));
    if (later.length === 0) return;
    const values = { ...itemAnswers[item] };
    for (const [id, value] of related) {
      const stored = own(values, id);
      const pairs: Record<string, unknown> = isRecord(stored) ? { ...stored } : {};
      for (const to of later) pairs[to] = value;
      values[id] = pairs;
    }
    itemAnswers[item] = values;
    for (const page of relationshipPages) for (const to of later) completed.push(pageKey(page, item, to));
  });
  const current = own(base.lists, list);
  return { ...base, itemAnswers, completed, lists: { ...base.lists, [list]: { ...current, items } } };
}

function withoutRelationships(values: Record<string, unknown>, ids: string[]): Record<string, unknown> {
  const out = { ...values };
  for (const id of ids) delete out[id];
  return out;
}

function relationValue(state: ResponseState, first: ItemId, model: ItemId, answerId: string): unknown {
  const pairs = own(own(state.itemAnswers, first) ?? {}, answerId);
  return isRecord(pairs) ? own(pairs, model) : undefined;
}
