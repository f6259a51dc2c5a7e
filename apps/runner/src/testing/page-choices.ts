import {
  type CompiledQuestionnaire,
  type FormInput,
  type Location,
  listItems,
  type RenderContext,
  type ResponseState,
  validateQuestion,
} from '@eq/engine';
import { answerQuestion, type Dice, type PageChoice, questionForm } from '@eq/engine/testing';
import type { Question } from '@eq/schema';

/** Generated answers that fail validation (rare: bounds that leave little room) are made afresh this many times. */
const ATTEMPTS = 5;

export interface PageInput {
  compiled: CompiledQuestionnaire;
  state: ResponseState;
  location: Location;
  ctx: RenderContext;
  question: Question | undefined;
  dice: Dice;
  skipRate?: number;
  /** How many items each list should end up with, the respondent included. */
  listSize: (list: string) => number;
  /** Replaces the form of a page showing a question when it returns one (`scripted(...).choose`). */
  choose?: ((choice: PageChoice) => FormInput | undefined) | undefined;
}

/**
 * What a respondent posts on a page: nothing on content pages, calculated and section summaries;
 * a list filled up to its size, then the option that adds no more; the primary person added when
 * the list should have anyone; an item removed on its remove page; confirmations confirmed; any
 * other question answered with valid generated values.
 */
export function formFor(input: PageInput): FormInput {
  const { compiled, state, location, question } = input;
  if (location.kind !== 'page' || !question) return {};
  const radio = (value: string | undefined): FormInput => {
    const id = question.answers[0]?.id;
    return id === undefined || value === undefined ? {} : { [id]: value };
  };
  const info = compiled.pages.get(location.page);
  const page = info?.page;
  let generated: FormInput;
  if (info?.role === 'remove' && page?.kind === 'listCollector') generated = radio(page.removeValue);
  else if (info?.role === 'item') generated = answered(input, question);
  else if (page?.kind === 'confirmation') generated = radio(page.confirmValue);
  else if (page?.kind === 'primaryPerson') {
    generated = radio(input.listSize(page.list) > 0 ? page.addValue : otherValue(question, page.addValue));
  } else if (page?.kind === 'listCollector') {
    const items = listItems(state, page.list).length;
    const more = items < input.listSize(page.list) && items < (page.maxItems ?? Number.POSITIVE_INFINITY);
    generated = radio(more ? page.addValue : otherValue(question, page.addValue));
  } else generated = answered(input, question);
  return input.choose?.({ location, question, state, generated }) ?? generated;
}

function answered(input: PageInput, question: Question): FormInput {
  let form: FormInput = {};
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const values = answerQuestion(question, input.ctx, input.dice, input.skipRate ?? 0.2);
    form = questionForm(question, values, input.dice);
    if (validateQuestion(question, form, input.ctx).errors.length === 0) return form;
  }
  return form;
}

/** The first option of a one-radio question other than `value` ("No"). */
function otherValue(question: Question, value: string): string | undefined {
  const answer = question.answers[0];
  return answer && 'options' in answer ? answer.options.find((o) => o.value !== value)?.value : undefined;
}
