import type { Questionnaire } from '@eq/schema';
import { compile } from '../compile.ts';
import type { EvalContext, SectionStatus } from '../evaluate.ts';
import type { Location } from '../location.ts';
import type { Path } from '../navigation/path.ts';
import { isItemId, type ResponseState } from '../state.ts';
import type { AnswerValue } from '../values.ts';

/**
 * What a page's conditions, bounds and texts are evaluated against, as a runner would build it
 * for a location: the location's item (and other item of a pair), the list they belong to, the
 * respondent's path and the status of each section on it.
 */
export function pageContext(
  q: Questionnaire,
  state: ResponseState,
  location: Location,
  path: Path,
  today: string,
): EvalContext {
  const compiled = compile(q);
  const statuses = new Map<string, SectionStatus[]>();
  for (const progress of path.sections) {
    const key = progress.item === undefined ? progress.section : `${progress.section}@${progress.item}`;
    statuses.set(key, [progress.status]);
    if (progress.item !== undefined)
      statuses.set(progress.section, [...(statuses.get(progress.section) ?? []), progress.status]);
  }
  const ctx: EvalContext = {
    compiled,
    state,
    today,
    onPath: path.onPath,
    sectionStatus: (section, item) => combined(statuses.get(item === undefined ? section : `${section}@${item}`) ?? []),
  };
  if (location.kind !== 'page' && location.kind !== 'sectionSummary') return ctx;
  const list =
    location.kind === 'page'
      ? compiled.pages.get(location.page)?.list
      : compiled.sections.get(location.section)?.section.repeat?.list;
  return {
    ...ctx,
    item: location.item,
    ...(location.kind === 'page' ? { to: location.to } : {}),
    ...(list === undefined ? {} : { list }),
  };
}

function combined(statuses: readonly SectionStatus[]): SectionStatus {
  if (statuses.length === 0) return 'notStarted';
  if (statuses.every((s) => s === 'completed')) return 'completed';
  return statuses.every((s) => s === 'notStarted') ? 'notStarted' : 'inProgress';
}

/**
 * The context with a question's values (as about to be submitted) in place of the stored ones,
 * so that bounds and totals referring to other answers of the same question see them.
 */
export function withValues(ctx: EvalContext, values: Record<string, AnswerValue | undefined>): EvalContext {
  const answers = { ...ctx.state.answers };
  const itemAnswers = { ...ctx.state.itemAnswers };
  for (const [id, value] of Object.entries(values)) {
    const info = ctx.compiled.answers.get(id);
    if (!info || info.relationship) continue;
    if (!info.list) answers[id] = value;
    else if (isItemId(ctx.item)) itemAnswers[ctx.item] = { ...itemAnswers[ctx.item], [id]: value };
  }
  return { ...ctx, state: { ...ctx.state, answers, itemAnswers } };
}
