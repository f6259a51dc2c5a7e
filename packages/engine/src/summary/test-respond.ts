import type { Answer, DetailAnswer, Question, Questionnaire } from '@eq/schema';
import { answerFields, formValues } from '../answers/fields.ts';
import type { FormInput } from '../answers/form.ts';
import { validateQuestion } from '../answers/validate.ts';
import { type CompiledQuestionnaire, compile } from '../compile.ts';
import { type EvalContext, evaluate } from '../evaluate.ts';
import type { Location } from '../location.ts';
import { type CompletionContext, isPageComplete, type PageLocation } from '../navigation/completion.ts';
import { firstIncompleteLocation } from '../navigation/navigation.ts';
import { computePath } from '../navigation/path.ts';
import { savePage } from '../navigation/save.ts';
import { emptyState, listItems, type ResponseState } from '../state.ts';
import { chooseQuestion } from '../text/variants.ts';
import type { AnswerValue } from '../values.ts';
import { defaultValue } from './test-values.ts';

/**
 * A complete respondent for tests: answers every page on the path through the engine's own
 * `savePage`, with values that pass `validateQuestion`, so the state is one a runner could hold.
 */
export interface Respondent {
  today?: string;
  /** Launch values; by default one value of the declared type for each definition. */
  metadata?: Record<string, unknown>;
  /** Values by answer id, wherever the answer is asked (an item's own values come first). */
  answers?: Record<string, AnswerValue>;
  /** Per list, the items to add in order, the primary item first: values by answer id. Default two items. */
  items?: Record<string, Record<string, AnswerValue>[]>;
  /** Relationship values by the positions of the pair in the list, e.g. `0>1`. */
  relationships?: Record<string, AnswerValue>;
  newItemId?: () => string;
}

export const TODAY = '2025-06-01';
const DEFAULT_ITEMS = 2;
const MAX_SAVES = 20_000;

export function respond(q: Questionnaire, respondent: Respondent = {}): ResponseState {
  const today = respondent.today ?? TODAY;
  const compiled = compile(q);
  let n = 0;
  const newItemId = respondent.newItemId ?? (() => `item${++n}`);
  let state = emptyState(respondent.metadata ?? defaultMetadata(q, today));
  let location: Location | undefined = firstIncompleteLocation(q, state, { today });
  for (let saves = 0; saves < MAX_SAVES; saves++) {
    const page = location?.kind === 'page' ? location : firstIncompletePage(q, state, today);
    if (!page) return state;
    const values = pageValues(compiled, state, page, respondent, today);
    const result = savePage(q, state, page, values, { today, newItemId });
    state = result.state;
    location = result.next;
  }
  throw new Error(`the respondent did not finish ${q.id} in ${MAX_SAVES} saves`);
}

/** In the hub flow the first incomplete location is the hub once the required sections are done. */
function firstIncompletePage(q: Questionnaire, state: ResponseState, today: string): PageLocation | undefined {
  const completion: CompletionContext = { compiled: compile(q), state, completed: new Set(state.completed) };
  for (const location of computePath(q, state, { today }).locations) {
    if (location.kind === 'page' && !isPageComplete(completion, location)) return location;
  }
  return undefined;
}

function defaultMetadata(q: Questionnaire, today: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const def of q.metadata ?? []) {
    values[def.name] = { string: `Example ${def.name}`, number: 10, boolean: false, date: today }[def.type];
  }
  return values;
}

function pageValues(
  compiled: CompiledQuestionnaire,
  state: ResponseState,
  location: PageLocation,
  respondent: Respondent,
  today: string,
): Record<string, AnswerValue | undefined> {
  const info = compiled.pages.get(location.page);
  if (!info) throw new Error(`unknown page ${location.page}`);
  const page = info.page;
  const list = info.list;
  const items = listItems(state, list);
  // An item page without an item adds one: it is the next item of the list.
  const index = location.item === undefined ? items.length : items.indexOf(location.item);
  const ctx: EvalContext = { compiled, state, today, item: location.item, to: location.to, list };
  const chosen = (answerId: string): AnswerValue | undefined => {
    if (location.to !== undefined) {
      const key = `${index}>${items.indexOf(location.to)}`;
      return respondent.relationships?.[key] ?? respondent.answers?.[answerId];
    }
    const own = list === undefined ? undefined : respondent.items?.[list]?.[index]?.[answerId];
    return own ?? respondent.answers?.[answerId];
  };
  if (info.role === 'item' && page.kind === 'listCollector') {
    return validValues(chooseQuestion(page.itemPage, ctx), chosen, ctx);
  }
  switch (page.kind) {
    case 'question':
    case 'relationships':
      return validValues(chooseQuestion(page, ctx), chosen, ctx);
    case 'listCollector': {
      const count = listItems(state, page.list).length;
      const adds = count < Math.min(wantedItems(respondent, page.list), page.maxItems ?? Infinity);
      return { [firstAnswerId(page.question)]: adds ? page.addValue : otherOption(page.question, page.addValue) };
    }
    case 'primaryPerson': {
      const adds = wantedItems(respondent, page.list) > 0;
      return { [firstAnswerId(page.question)]: adds ? page.addValue : otherOption(page.question, page.addValue) };
    }
    case 'confirmation':
      return { [firstAnswerId(page.question)]: page.confirmValue };
    default:
      return {};
  }
}

function wantedItems(respondent: Respondent, list: string): number {
  return respondent.items?.[list]?.length ?? DEFAULT_ITEMS;
}

function firstAnswerId(question: Question): string {
  return question.answers[0]?.id ?? '';
}

function otherOption(question: Question, value: string): string | undefined {
  const answer = question.answers[0];
  return answer && 'options' in answer ? answer.options.find((o) => o.value !== value)?.value : undefined;
}

/**
 * The values a respondent posts, as the runner would save them: written into form fields,
 * parsed and validated. A totals rule the defaults break is met by moving the amounts.
 */
function validValues(
  question: Question,
  chosen: (answerId: string) => AnswerValue | undefined,
  ctx: EvalContext,
): Record<string, AnswerValue | undefined> {
  const values: Record<string, AnswerValue | undefined> = {};
  for (const answer of question.answers) {
    if (answer.id === question.exclusiveAnswer) {
      values[answer.id] = chosen(answer.id);
      continue;
    }
    values[answer.id] = chosen(answer.id) ?? defaultValue(answer, ctx);
    if (!('options' in answer)) continue;
    for (const option of answer.options) {
      const detail = option.detailAnswer;
      const value = values[answer.id];
      const picked = value === option.value || (Array.isArray(value) && value.includes(option.value));
      if (detail && picked) values[detail.id] = chosen(detail.id) ?? defaultValue(detail, ctx);
    }
  }
  meetTotals(question, values, chosen, ctx);
  const validation = validateQuestion(question, formOf(question, values), {
    ...ctx,
    lang: ctx.compiled.defaultLanguage,
  });
  if (validation.errors.length > 0) {
    throw new Error(`invalid test answers for ${question.id}: ${JSON.stringify(validation.errors)}`);
  }
  return validation.values;
}

function formOf(question: Question, values: Record<string, AnswerValue | undefined>): FormInput {
  const form: FormInput = {};
  const add = (answer: Answer | DetailAnswer) => {
    const value = values[answer.id];
    if (value !== undefined) Object.assign(form, formValues(answer, value));
    else for (const field of answerFields(answer)) form[field] = '';
  };
  for (const answer of question.answers) {
    add(answer);
    if ('options' in answer) for (const option of answer.options) if (option.detailAnswer) add(option.detailAnswer);
  }
  return form;
}

function meetTotals(
  question: Question,
  values: Record<string, AnswerValue | undefined>,
  chosen: (answerId: string) => AnswerValue | undefined,
  ctx: EvalContext,
): void {
  for (const rule of question.totals ?? []) {
    const total = evaluate(rule.total, ctx);
    if (typeof total !== 'number') continue;
    const ids = rule.answers ?? question.answers.filter((a) => typeof values[a.id] === 'number').map((a) => a.id);
    const given = ids.filter((id) => chosen(id) !== undefined);
    const movable = ids.filter((id) => chosen(id) === undefined && typeof values[id] === 'number');
    const rest = given.reduce((sum, id) => sum + Number(values[id] ?? 0), 0);
    const target = rule.mustBe === 'greaterThan' ? total + 1 : rule.mustBe.startsWith('less') ? 0 : total;
    movable.forEach((id, i) => {
      values[id] = i === 0 ? Math.max(0, target - rest) : 0;
    });
  }
}
