import {
  type AnswerError,
  answerValue,
  type FormInput,
  formValues,
  type RenderContext,
  readAnswer,
  renderText,
} from '@eq/engine';
import type { Answer, Question } from '@eq/schema';
import { t } from '../i18n/index.ts';
import { isGrouped } from './answers/answer-view.ts';
import { type AnswerContext, errorParam, fieldValues, type MacroParams } from './answers/context.ts';
import { exclusiveWording } from './answers/options.ts';
import { isSharedView, sharedAnswerView } from './answers/shared-views.ts';
import type { AnswerView } from './answers/view.ts';
import { type ContentView, contentViews } from './contents.ts';
import { type Html, html, optionalHtml, pageText } from './html.ts';

/**
 * One question, ready for the `question` macro of views/partials/question.njk, which is given its
 * title apart (`AskedQuestion`).
 */
export interface QuestionView {
  /** onsQuestion params but the title: description, instruction, and whether the title is the legend. */
  params: MacroParams;
  /** Shown in a panel whose hidden prefix says what it is. */
  guidance?: { prefix: Html; blocks: ContentView[] };
  definitions: { id: string; title: Html; contents: ContentView[] }[];
  answers: AnswerView[];
  /** onsMutuallyExclusive params around every answer, when an exclusive answer goes with several. */
  exclusiveGroup?: MacroParams;
}

/**
 * A question's view and its title. Around answers that other pages show too (shared views), the
 * title (naming someone, most often) is the page's own text (PageText), and the view-engine keeps
 * the question's markup for other pages with the title apart (views/macro-holes.ts).
 */
export interface AskedQuestion {
  view: QuestionView;
  title: Html;
}

export interface QuestionInput {
  /** What was posted, when the page is shown again with errors; otherwise the saved answers are shown. */
  form?: FormInput;
  errors?: readonly AnswerError[];
}

/** Macros that take an exclusive option of their own (`mutuallyExclusive`). */
const EXCLUSIVE_MACROS = new Set(['input', 'textarea', 'date', 'duration', 'checkboxes']);

/**
 * A question with its answers. The question's title is the page's `<h1>`; when its answers form
 * one group (a single radio, checkbox, date or address answer, or answers with an exclusive
 * "I prefer not to say" answer), the title is the legend of that group instead.
 */
export function questionView(
  question: Question,
  ctx: RenderContext,
  input: QuestionInput = {},
  title = renderText(question.title, ctx),
): AskedQuestion {
  const { exclusive, others, titleIsLegend, a } = answersOf(question, ctx, input);
  const answers = others.map((answer) => sharedAnswerView(answer, a));
  const view: QuestionView = {
    params: {
      description: optionalHtml(renderText(question.description, ctx)),
      instruction: optionalHtml(renderText(question.instruction, ctx)),
      ...(titleIsLegend ? { legendIsQuestionTitle: true } : {}),
    },
    definitions: (question.definitions ?? []).map((definition, index) => ({
      id: `${question.id}-definition-${index + 1}`,
      title: html(renderText(definition.title, ctx)),
      contents: contentViews(definition.contents, ctx),
    })),
    answers,
  };
  if (question.guidance && question.guidance.length > 0) {
    view.guidance = { prefix: html(t(ctx.lang, 'importantInformation')), blocks: contentViews(question.guidance, ctx) };
  }
  if (exclusive) addExclusive(view, exclusive, a);
  return { view, title: answers.every(isSharedView) ? pageText(title) : html(title) };
}

/**
 * The question's answers drawn as answers (all but its exclusive answer, which `addExclusive`
 * draws), whether its title is their legend, and what their views are made from.
 */
export function answersOf(
  question: Question,
  ctx: RenderContext,
  input: QuestionInput = {},
): { exclusive?: ExclusiveAnswer; others: Answer[]; titleIsLegend: boolean; a: AnswerContext } {
  const exclusive = exclusiveAnswerOf(question);
  const others = question.answers.filter((answer) => answer !== exclusive);
  const [only] = others;
  const titleIsLegend = exclusive !== undefined || (others.length === 1 && only !== undefined && isGrouped(only));
  const a: AnswerContext = {
    ctx,
    values: input.form ?? savedValues(question, ctx),
    errors: new Map((input.errors ?? []).map((error) => [error.answerId, error])),
    grouped: titleIsLegend && others.length === 1,
  };
  return { ...(exclusive ? { exclusive } : {}), others, titleIsLegend, a };
}

type ExclusiveAnswer = Extract<Answer, { type: 'checkbox' }>;

/** The question's exclusive answer: a checkbox answer that cannot be given with the others. */
function exclusiveAnswerOf(question: Question): ExclusiveAnswer | undefined {
  const answer = question.answers.find((candidate) => candidate.id === question.exclusiveAnswer);
  return answer?.type === 'checkbox' && question.answers.length > 1 ? answer : undefined;
}

/**
 * The exclusive answer's options go after "Or": inside the one other answer's own macro when it
 * takes them (in a copy of its view: views may be shared, see answers/shared-views.ts), otherwise
 * in an onsMutuallyExclusive around all the other answers.
 */
function addExclusive(view: QuestionView, exclusive: ExclusiveAnswer, a: AnswerContext): void {
  const chosen = new Set(fieldValues(a, exclusive.id));
  const options = exclusive.options.map((option, index) => ({
    id: index === 0 ? exclusive.id : `${exclusive.id}-${index + 1}`,
    name: exclusive.id,
    value: option.value,
    checked: chosen.has(option.value),
    label: {
      text: html(renderText(option.label, a.ctx)),
      description: optionalHtml(renderText(option.description, a.ctx)),
    },
  }));
  const wording = exclusiveWording(a.ctx.lang, 'clearsAnswer');
  const error = errorParam(a.errors.get(exclusive.id));
  const [only] = view.answers;
  if (view.answers.length === 1 && only && EXCLUSIVE_MACROS.has(only.macro) && !only.params.mutuallyExclusive) {
    const params: MacroParams = {
      ...only.params,
      mutuallyExclusive: { ...wording, exclusiveOptions: options },
      dontWrap: true,
    };
    params.error ??= error;
    view.answers = [{ ...only, params }];
    return;
  }
  view.exclusiveGroup = { ...wording, dontWrap: true, exclusiveOptions: options, error };
}

/** The saved answers of a question, at the context's item and pair, as form field values. */
function savedValues(question: Question, ctx: RenderContext): FormInput {
  const values: FormInput = {};
  const add = (answer: Parameters<typeof formValues>[0]) => {
    Object.assign(values, formValues(answer, readAnswer(answer, answerValue({ answer: answer.id }, ctx))));
  };
  for (const answer of question.answers) {
    add(answer);
    if ('options' in answer) for (const option of answer.options) if (option.detailAnswer) add(option.detailAnswer);
  }
  return values;
}
