import type { ListCollectorPage, Question } from '@eq/schema';
import type { FormInput } from '../answers/form.ts';
import type { CompiledQuestionnaire } from '../compile.ts';
import type { EvalContext } from '../evaluate.ts';
import { type Location, pageKey } from '../location.ts';
import { listItems, own, type ResponseState } from '../state.ts';
import { chooseQuestion } from '../text/variants.ts';
import type { Dice } from './dice.ts';
import { answerQuestion, questionForm } from './question-form.ts';

/** What a respondent does at a location: post a form (made afresh for each attempt), or follow a link. */
export type Plan = { post: () => FormInput; generated: boolean } | { goTo: Location };

/** The decisions a respondent keeps to across a journey. */
export interface Intentions {
  compiled: CompiledQuestionnaire;
  dice: Dice;
  skipRate: number;
  detours: number;
  /** How many items the respondent means each list to end up with (the respondent included). */
  listSize(list: string): number;
  /** Lists where an extra item has been added to remove again, and those done with that. */
  extraItems: Map<string, 'added' | 'removed'>;
  /** Confirmation pages (by location key) the respondent has said No to once. */
  rejected: Set<string>;
}

/** The question a location shows, with its variant chosen; none for pages without one. */
export function questionAt(
  compiled: CompiledQuestionnaire,
  location: Location,
  ctx: EvalContext,
): Question | undefined {
  if (location.kind !== 'page') return undefined;
  const info = compiled.pages.get(location.page);
  if (!info) return undefined;
  const page = info.page;
  if (info.role && page.kind === 'listCollector') {
    return chooseQuestion(info.role === 'item' ? page.itemPage : page.removePage, ctx);
  }
  return page.kind === 'content' || page.kind === 'calculatedSummary' ? undefined : chooseQuestion(page, ctx);
}

/**
 * The respondent's plan for a location. Content, calculated summaries and section summaries are
 * confirmed; confirmation questions confirmed (rejected once, now and then, with `detours`);
 * lists are filled up to their intended size, then the driving question answered with the option
 * that does not add; every other question answered at random.
 */
export function planFor(
  intent: Intentions,
  state: ResponseState,
  location: Location,
  question: Question | undefined,
  ctx: EvalContext,
): Plan {
  const nothing: Plan = { post: () => ({}), generated: false };
  if (location.kind !== 'page' || !question) return nothing;
  const info = intent.compiled.pages.get(location.page);
  const page = info?.page;
  const radio = (value: string | undefined): Plan => {
    const id = question.answers[0]?.id;
    return { post: () => (id === undefined || value === undefined ? {} : { [id]: value }), generated: false };
  };
  if (info?.role === 'remove' && page?.kind === 'listCollector') return radio(page.removeValue);
  const answer: Plan = {
    post: () => questionForm(question, answerQuestion(question, ctx, intent.dice, intent.skipRate), intent.dice),
    generated: true,
  };
  if (info?.role) return answer;
  switch (page?.kind) {
    case 'confirmation': {
      const key = pageKey(location.page, location.item);
      if (intent.rejected.has(key) || !intent.dice.chance(intent.detours)) return radio(page.confirmValue);
      intent.rejected.add(key);
      return radio(otherValue(question, page.confirmValue));
    }
    case 'primaryPerson':
      return radio(intent.listSize(page.list) > 0 ? page.addValue : otherValue(question, page.addValue));
    case 'listCollector':
      return planList(intent, state, location, page, question, radio);
    default:
      return answer;
  }
}

function planList(
  intent: Intentions,
  state: ResponseState,
  location: Extract<Location, { kind: 'page' }>,
  page: ListCollectorPage,
  question: Question,
  radio: (value: string | undefined) => Plan,
): Plan {
  const items = listItems(state, page.list);
  const room = items.length < (page.maxItems ?? Number.POSITIVE_INFINITY);
  if (items.length < intent.listSize(page.list) && room) return radio(page.addValue);
  const extra = intent.extraItems.get(page.list);
  if (extra === undefined && room && intent.dice.chance(intent.detours)) {
    intent.extraItems.set(page.list, 'added');
    return radio(page.addValue);
  }
  const primary = own(state.lists, page.list)?.primary;
  const last = items.at(-1);
  if (extra === 'added' && last !== undefined && last !== primary) {
    intent.extraItems.set(page.list, 'removed');
    return { goTo: { kind: 'page', section: location.section, page: page.removePage.id, item: last } };
  }
  return radio(otherValue(question, page.addValue));
}

/** The first option of a one-radio question other than `value` ("No"). */
function otherValue(question: Question, value: string): string | undefined {
  const answer = question.answers[0];
  return answer && 'options' in answer ? answer.options.find((o) => o.value !== value)?.value : undefined;
}
