import type { CalculatedSummaryPage, Questionnaire } from '@eq/schema';
import type { AnswerInfo } from '../compile.ts';
import { answerValue, calculatedTotal } from '../evaluate.ts';
import { type Location, pageKey } from '../location.ts';
import type { PageLocation } from '../navigation/completion.ts';
import { contextAt } from '../navigation/context.ts';
import type { Path } from '../navigation/path.ts';
import type { ResponseState } from '../state.ts';
import { formatAnswerValue } from '../text/answer-value.ts';
import { formatNumber } from '../text/numbers.ts';
import { type RenderContext, renderText } from '../text/render.ts';
import { summaryAnswer } from './answers.ts';
import { type SummaryOptions, summaryContext } from './context.ts';
import type { SummaryAnswer } from './model.ts';

export interface CalculatedSummary {
  title: string;
  /** The answers added up that are on the respondent's path, each linking to its page. */
  answers: SummaryAnswer[];
  total: string;
  totalLabel?: string;
}

/**
 * What a calculated summary page shows: the answers it adds up that are on the path (an
 * answer on a skipped page is left out, as it is from the total) and the total, formatted as
 * its answers are. A location that is not a calculated summary page gives an empty summary.
 */
export function calculatedSummary(
  q: Questionnaire,
  state: ResponseState,
  location: Location,
  options: SummaryOptions,
): CalculatedSummary {
  const { path, ctx } = summaryContext(q, state, options);
  const info = location.kind === 'page' ? ctx.compiled.pages.get(location.page) : undefined;
  if (location.kind !== 'page' || info?.page.kind !== 'calculatedSummary' || info.role) {
    return { title: '', answers: [], total: '' };
  }
  const page = info.page;
  const item = location.item;
  const at: RenderContext = item === undefined ? ctx : contextAt(ctx, item, undefined, info.list);
  const answers: SummaryAnswer[] = [];
  for (const id of page.answers) {
    const answer = ctx.compiled.answers.get(id);
    const change = answer && answerLocation(answer, item);
    if (!answer || !change || !isShown(answer, change, path, at)) continue;
    answers.push(summaryAnswer(answer.answer, at, change));
  }
  return {
    title: renderText(page.title, at),
    answers,
    total: formattedTotal(page, at),
    ...(page.totalLabel === undefined ? {} : { totalLabel: renderText(page.totalLabel, at) }),
  };
}

/** The total in the format of the answers it adds up (currency, unit), else as a number. */
export function formattedTotal(page: CalculatedSummaryPage, ctx: RenderContext): string {
  const total = calculatedTotal(page.id, ctx) ?? 0;
  const first = page.answers.map((id) => ctx.compiled.answers.get(id)).find((info) => info !== undefined);
  return first ? formatAnswerValue(ctx.compiled, first.answer, total, ctx.lang) : formatNumber(total, ctx.lang);
}

function answerLocation(answer: AnswerInfo, item: string | undefined): PageLocation {
  const at = answer.list !== undefined && item !== undefined ? { item } : {};
  return { kind: 'page', section: answer.section.id, page: answer.pageId, ...at };
}

/** On the path, and for a detail answer only while its option is chosen. */
function isShown(answer: AnswerInfo, change: PageLocation, path: Path, ctx: RenderContext): boolean {
  if (answer.parent) return answerValue({ answer: answer.answer.id }, ctx) !== undefined;
  return path.onPath.has(pageKey(change.page, change.item));
}
