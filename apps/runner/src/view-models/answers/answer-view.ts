import type { Answer } from '@eq/schema';
import { t } from '../../i18n/index.ts';
import { contentViews } from '../contents.ts';
import { html } from '../html.ts';
import { addressAnswer } from './address.ts';
import { type AnswerContext, text } from './context.ts';
import { dateAnswer, durationAnswer } from './dates.ts';
import { inputAnswer } from './inputs.ts';
import { optionAnswer } from './options.ts';
import type { AnswerView } from './view.ts';

/** The ONS macro and params that draw one answer, with its guidance. */
export function answerView(answer: Answer, a: AnswerContext): AnswerView {
  const view = fields(answer, a);
  if (a.grouped && isGrouped(answer) && answer.description !== undefined) view.hint = text(answer.description, a);
  if (answer.guidance && answer.guidance.length > 0) {
    view.guidance = {
      prefix: html(t(a.ctx.lang, 'importantInformation')),
      blocks: contentViews(answer.guidance, a.ctx),
    };
  }
  return view;
}

function fields(answer: Answer, a: AnswerContext): AnswerView {
  switch (answer.type) {
    case 'radio':
    case 'checkbox':
    case 'dropdown':
      return optionAnswer(answer, a);
    case 'date':
    case 'monthYear':
      return dateAnswer(answer, a);
    case 'duration':
      return durationAnswer(answer, a);
    case 'address':
      return addressAnswer(answer, a);
    default:
      return inputAnswer(answer, a);
  }
}

/** Answers drawn as a group of inputs under a legend rather than one labelled input. */
export function isGrouped(answer: Answer): boolean {
  if (answer.type === 'duration') return (answer.units ?? ['years', 'months']).length > 1;
  return ['radio', 'checkbox', 'date', 'monthYear', 'address'].includes(answer.type);
}
