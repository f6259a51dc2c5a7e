import type { Questionnaire } from '@eq/schema';
import { compile } from '../compile.ts';
import { todayIso } from '../dates.ts';
import type { SectionStatus } from '../evaluate.ts';
import type { Location } from '../location.ts';
import type { ResponseState } from '../state.ts';
import type { RenderContext } from '../text/render.ts';
import { combinedStatus } from './completion.ts';
import { computePath, type Path } from './path.ts';

export interface ContextOptions {
  /** The respondent's language, for texts and messages. */
  lang: string;
  /** Today's date, YYYY-MM-DD, for date conditions; defaults to today in UTC. */
  today?: string;
}

/**
 * What a location's conditions, bounds, validation and texts are evaluated against: its list item
 * (and the other item of a pair), the list they belong to, the respondent's path (so answers off
 * it count as unanswered) and the status of each section on it. Runners build every page's
 * context with this, so pages read exactly as the path, summaries and submission do.
 */
export function locationContext(
  q: Questionnaire,
  state: ResponseState,
  location: Location,
  options: ContextOptions,
): RenderContext {
  const today = options.today ?? todayIso();
  const path = computePath(q, state, { today });
  const compiled = compile(q);
  const base = pathContext(q, state, path, { lang: options.lang, today });
  if (location.kind !== 'page' && location.kind !== 'sectionSummary') return base;
  const list =
    location.kind === 'page'
      ? compiled.pages.get(location.page)?.list
      : compiled.sections.get(location.section)?.section.repeat?.list;
  return contextAt(base, location.item, location.kind === 'page' ? location.to : undefined, list);
}

/** The context of a whole path, outside any list item. */
export function pathContext(
  q: Questionnaire,
  state: ResponseState,
  path: Path,
  options: Required<ContextOptions>,
): RenderContext {
  return {
    compiled: compile(q),
    state,
    today: options.today,
    onPath: path.onPath,
    sectionStatus: statusesOn(path),
    lang: options.lang,
    item: undefined,
    to: undefined,
    list: undefined,
  };
}

type StatusOf = (section: string, item?: string) => SectionStatus;

/** The statuses of each path's sections, looked up by every context of it: a runner request makes several. */
const statuses = new WeakMap<Path, StatusOf>();

function statusesOn(path: Path): StatusOf {
  const known = statuses.get(path);
  if (known) return known;
  const repeats = new Map<string, SectionStatus>();
  const sections = new Map<string, SectionStatus[]>();
  for (const entry of path.sections) {
    if (entry.item !== undefined) repeats.set(`${entry.section}@${entry.item}`, entry.status);
    sections.set(entry.section, [...(sections.get(entry.section) ?? []), entry.status]);
  }
  const status: StatusOf = (section, item) =>
    item === undefined
      ? combinedStatus(sections.get(section) ?? [])
      : (repeats.get(`${section}@${item}`) ?? 'notStarted');
  statuses.set(path, status);
  return status;
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
