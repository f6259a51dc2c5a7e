import type { Questionnaire } from '@eq/schema';
import { contextAt } from '../navigation/context.ts';
import type { ResponseState } from '../state.ts';
import { renderText } from '../text/render.ts';
import { type SummaryOptions, summaryContext } from './context.ts';
import { groupOf } from './groups.ts';
import type { SummaryGroup, SummarySection } from './model.ts';

export interface BuildSummaryOptions extends SummaryOptions {
  /** Only this section. */
  section?: string;
  /** Only this repeat of a repeating section. */
  item?: string;
}

/**
 * The respondent's answers as the summary pages show them: each enabled section on the path
 * (each repeat of a repeating section), in path order, with a group per location on the path.
 * Answers off the path never show, and every text is piped as the respondent saw it.
 */
export function buildSummary(q: Questionnaire, state: ResponseState, options: BuildSummaryOptions): SummarySection[] {
  const { path, ctx } = summaryContext(q, state, options);
  const out: SummarySection[] = [];
  for (const entry of path.sections) {
    if (options.section !== undefined && entry.section !== options.section) continue;
    if (options.item !== undefined && entry.item !== options.item) continue;
    const section = ctx.compiled.sections.get(entry.section)?.section;
    if (!section) continue;
    const list = section.repeat?.list;
    const at = entry.item === undefined ? ctx : contextAt(ctx, entry.item, undefined, list);
    const groups: SummaryGroup[] = [];
    for (const location of entry.locations) {
      const group = location.kind === 'page' ? groupOf(location, at) : undefined;
      if (group) groups.push(group);
    }
    out.push({
      section: entry.section,
      ...(entry.item === undefined ? {} : { item: entry.item }),
      title: renderText(section.repeat?.title ?? section.title, at),
      groups,
    });
  }
  return out;
}
