import type { Answer, DetailAnswer, Question, Questionnaire } from '@eq/schema';
import { formValues } from '../answers/fields.ts';
import type { FormInput } from '../answers/form.ts';
import { type CompiledQuestionnaire, compile } from '../compile.ts';
import { listItems, own, type ResponseState } from '../state.ts';
import type { AnswerValue } from '../values.ts';
import { type PageChoice, type RespondOptions, respond } from './respondent.ts';

/** Answers a test needs to be exactly so; every other answer is generated as usual. */
export interface Script {
  /** Values by answer id, wherever the answer is asked (an item's own values in `items` come first). */
  answers?: Record<string, AnswerValue>;
  /** Per list, its items in the order they are added, the respondent first: values by answer id. */
  items?: Record<string, Record<string, AnswerValue>[]>;
  /** Relationship values by the positions of the pair in the list, e.g. `0>1`. */
  relationships?: Record<string, AnswerValue>;
}

type Scripted = Pick<RespondOptions, 'choose' | 'listSizes' | 'skipRate'>;

/**
 * Options for `respond` that give the script's answers: each list the script names gets its
 * items, and no optional answer is left empty. Where a question has an exclusive answer the
 * script does not give, giving any other answer of the question leaves it out.
 */
export function scripted(q: Questionnaire, script: Script): Scripted {
  const compiled = compile(q);
  const listSizes = Object.fromEntries(Object.entries(script.items ?? {}).map(([list, items]) => [list, items.length]));
  return { listSizes, skipRate: 0, choose: (choice) => scriptedForm(compiled, script, choice) };
}

/**
 * The state of a respondent who answers as scripted (anything else as generated for the seed)
 * and completes the questionnaire. Throws, saying where, when they cannot: the script is wrong.
 */
export function answeredState(
  q: Questionnaire,
  script: Script = {},
  options: Omit<RespondOptions, 'choose'> = {},
): ResponseState {
  const given = scripted(q, script);
  const journey = respond(q, { ...options, ...given, listSizes: { ...options.listSizes, ...given.listSizes } });
  if (!journey.complete) throw new Error(`the scripted respondent did not complete ${q.id}: ${journey.stuck}`);
  return journey.state;
}

function scriptedForm(compiled: CompiledQuestionnaire, script: Script, choice: PageChoice): FormInput | undefined {
  const scriptValue = scriptValues(compiled, script, choice);
  const form: FormInput = { ...choice.generated };
  let given = false;
  const give = (answer: Answer | DetailAnswer) => {
    const value = scriptValue(answer.id);
    if (value === undefined) return;
    Object.assign(form, formValues(answer, value));
    given = true;
  };
  for (const answer of choice.question.answers) {
    give(answer);
    if ('options' in answer) for (const option of answer.options) if (option.detailAnswer) give(option.detailAnswer);
  }
  if (!given) return undefined;
  leaveOutExclusive(choice.question, form, scriptValue);
  return form;
}

/** The script's value of each answer at the chosen location: the item's or the pair's own, else the shared one. */
function scriptValues(
  compiled: CompiledQuestionnaire,
  script: Script,
  { location, state }: PageChoice,
): (answerId: string) => AnswerValue | undefined {
  if (location.kind !== 'page') return () => undefined;
  const list = compiled.pages.get(location.page)?.list;
  const items = listItems(state, list);
  // An item page without an item adds one: the next item of the list.
  const index = location.item === undefined ? items.length : items.indexOf(location.item);
  const shared = (id: string) => (script.answers ? own(script.answers, id) : undefined);
  if (location.to !== undefined) {
    const pair = `${index}>${items.indexOf(location.to)}`;
    const related = script.relationships ? own(script.relationships, pair) : undefined;
    return (id) => related ?? shared(id);
  }
  const itemValues = list === undefined ? undefined : script.items?.[list]?.[index];
  return (id) => (itemValues ? own(itemValues, id) : undefined) ?? shared(id);
}

function leaveOutExclusive(
  question: Question,
  form: FormInput,
  scriptValue: (answerId: string) => AnswerValue | undefined,
): void {
  const exclusive = question.answers.find((a) => a.id === question.exclusiveAnswer);
  if (!exclusive || scriptValue(exclusive.id) !== undefined) return;
  const othersGiven = question.answers.some((a) => a !== exclusive && scriptValue(a.id) !== undefined);
  if (othersGiven) Object.assign(form, formValues(exclusive, undefined));
}
