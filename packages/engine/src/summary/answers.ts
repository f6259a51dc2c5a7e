import type { Answer, DetailAnswer, Option } from '@eq/schema';
import { answerFields } from '../answers/fields.ts';
import { answerValue, type Value } from '../evaluate.ts';
import type { Location } from '../location.ts';
import { formatAnswerValue } from '../text/answer-value.ts';
import { type RenderContext, renderText } from '../text/render.ts';
import { formatList } from '../text/words.ts';
import type { AnswerValue } from '../values.ts';
import type { SummaryAnswer } from './model.ts';

/** An answer as the summary shows it, read at the context's item (and pair) on the path. */
export function summaryAnswer(answer: Answer | DetailAnswer, ctx: RenderContext, change: Location): SummaryAnswer {
  const field = answerFields(answer)[0] ?? answer.id;
  const out: SummaryAnswer = { answerId: answer.id, label: renderText(answer.label, ctx), change, field };
  const value = displayValue(answer, ctx);
  if (value !== undefined) out.value = value;
  return out;
}

/** Options by label, each followed by its detail answer when it has one ("Other: Cycling"). */
function displayValue(answer: Answer | DetailAnswer, ctx: RenderContext): string | undefined {
  const value = asAnswerValue(answerValue({ answer: answer.id }, ctx));
  if (value === undefined) return undefined;
  if (answer.type !== 'radio' && answer.type !== 'dropdown' && answer.type !== 'checkbox') {
    return formatAnswerValue(ctx.compiled, answer, value, ctx.lang);
  }
  const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const labels = answer.options.filter((o) => chosen.includes(o.value)).map((o) => optionText(o, ctx));
  return answer.type === 'checkbox' ? formatList(labels, ctx.lang) : labels[0];
}

function optionText(option: Option, ctx: RenderContext): string {
  const label = renderText(option.label, ctx);
  const detail = option.detailAnswer && displayValue(option.detailAnswer, ctx);
  return detail === undefined ? label : `${label}: ${detail}`;
}

/** The evaluator reads answers as values; a stored answer is never a boolean, null or a mixed list. */
export function asAnswerValue(value: Value): AnswerValue | undefined {
  if (value === undefined || value === null || typeof value === 'boolean') return undefined;
  if (!Array.isArray(value)) return value;
  const items: readonly Value[] = value;
  const strings = items.filter((v): v is string => typeof v === 'string');
  return strings.length === items.length && strings.length > 0 ? strings : undefined;
}
