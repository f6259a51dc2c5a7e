import type { Questionnaire } from '@eq/schema';
import { compile } from '../compile.ts';
import { todayIso } from '../dates.ts';
import type { SectionStatus } from '../evaluate.ts';
import type { Location } from '../location.ts';
import type { ResponseState } from '../state.ts';
import type { RenderContext } from '../text/render.ts';
import { statusIn } from './completion.ts';
import type { Path } from './path.ts';
import { indexPath } from './path-index.ts';

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
  const { compiled, path } = indexPath(q, state, { today });
  let item: string | undefined;
  let to: string | undefined;
  let list: string | undefined;
  if (location.kind === 'page') {
    ({ item, to } = location);
    list = compiled.pages.get(location.page)?.list;
  } else if (location.kind === 'sectionSummary') {
    item = location.item;
    list = compiled.sections.get(location.section)?.section.repeat?.list;
  }
  // Built in one go, as `contextAt(pathContext(...), item, to, list)` would build it: a request makes several.
  return {
    compiled,
    state,
    today,
    onPath: path.onPath,
    sectionStatus: statusesOn(path),
    lang: options.lang,
    item,
    to,
    list,
  };
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

/** The statuses of a path's sections, as its contexts' conditions see them. */
function statusesOn(path: Path): (section: string, item?: string) => SectionStatus {
  return (section, item) => statusIn(path.sections, section, item);
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
