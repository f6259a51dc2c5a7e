import type { Questionnaire } from '@eq/schema';
import { compile } from '../compile.ts';
import { todayIso } from '../dates.ts';
import type { SectionStatus } from '../evaluate.ts';
import { combinedStatus } from '../navigation/completion.ts';
import { computePath, type Path } from '../navigation/path.ts';
import type { ResponseState } from '../state.ts';
import type { RenderContext } from '../text/render.ts';

export interface SummaryOptions {
  lang: string;
  /** Today's date, YYYY-MM-DD, for date conditions; defaults to today in UTC. */
  today?: string;
}

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
  const repeats = new Map<string, SectionStatus>();
  const sections = new Map<string, SectionStatus[]>();
  for (const entry of path.sections) {
    if (entry.item !== undefined) repeats.set(`${entry.section}@${entry.item}`, entry.status);
    sections.set(entry.section, [...(sections.get(entry.section) ?? []), entry.status]);
  }
  const ctx = contextAt(
    {
      compiled: compile(q),
      state,
      today,
      onPath: path.onPath,
      sectionStatus: (section, item) =>
        item === undefined
          ? combinedStatus(sections.get(section) ?? [])
          : (repeats.get(`${section}@${item}`) ?? 'notStarted'),
      lang: options.lang,
    },
    undefined,
    undefined,
    undefined,
  );
  return { path, ctx };
}

/**
 * The context at a list item (and pair). Every context is built with the same properties in the
 * same order, so the evaluator's property reads stay fast over thousands of items.
 */
export function contextAt(
  ctx: RenderContext,
  item: string | undefined,
  to: string | undefined,
  list: string | undefined,
): RenderContext {
  return {
    compiled: ctx.compiled,
    state: ctx.state,
    today: ctx.today,
    onPath: ctx.onPath,
    sectionStatus: ctx.sectionStatus,
    lang: ctx.lang,
    item,
    to,
    list,
  };
}
