import type { Questionnaire } from '@eq/schema';
import { todayIso } from '../dates.ts';
import { type ContextOptions, pathContext } from '../navigation/context.ts';
import { computePath, type Path } from '../navigation/path.ts';
import type { ResponseState } from '../state.ts';
import type { RenderContext } from '../text/render.ts';

export type SummaryOptions = ContextOptions;

/**
 * The respondent's path and a context to render against it: only answers on the path count,
 * and section statuses are those the path found, so texts read exactly as the pages did.
 */
export function summaryContext(
  q: Questionnaire,
  state: ResponseState,
  options: SummaryOptions,
): { path: Path; ctx: RenderContext } {
  const today = options.today ?? todayIso();
  const path = computePath(q, state, { today });
  return { path, ctx: pathContext(q, state, path, { lang: options.lang, today }) };
}
