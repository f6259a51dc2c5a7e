import type { Questionnaire } from '@eq/schema';
import { compile } from '../compile.ts';
import { todayIso } from '../dates.ts';
import { type EvalContext, holds, type SectionStatus } from '../evaluate.ts';
import type { Location } from '../location.ts';
import { listItems, type ResponseState } from '../state.ts';
import { type CompletionContext, combinedStatus, statusOf } from './completion.ts';
import { walkSection } from './walk.ts';

export interface NavigationOptions {
  /** Today's date, YYYY-MM-DD, for date conditions; defaults to today in UTC. */
  today?: string;
}

/** One enabled section, or one repeat of a repeating section, on the respondent's path. */
export interface SectionProgress {
  section: string;
  item?: string;
  locations: Location[];
  status: SectionStatus;
}

export interface Path {
  /** The respondent's route in order; the last is the summary (linear flow) or the hub (hub flow). */
  locations: Location[];
  /** One entry per enabled section, and per item for repeating sections, in order. */
  sections: SectionProgress[];
  /** The `pageKey()`s of the page locations on the path. */
  onPath: ReadonlySet<string>;
}

/**
 * The respondent's path through a questionnaire given their answers so far: enabled sections in
 * order (repeating sections once per list item), each walked from its first page through skip
 * conditions and routing. Conditions only see answers on the path before them.
 */
export function computePath(questionnaire: Questionnaire, state: ResponseState, options: NavigationOptions = {}): Path {
  const compiled = compile(questionnaire);
  const hub = questionnaire.flow.type === 'hub';
  const completion: CompletionContext = { compiled, state, completed: new Set(state.completed) };
  const onPath = new Set<string>();
  const statuses = new Map<string, SectionStatus[]>();
  const byItem = new Map<string, SectionStatus>();
  const ctx: EvalContext = {
    compiled,
    state,
    today: options.today ?? todayIso(),
    onPath,
    sectionStatus: (section, item) =>
      item === undefined
        ? combinedStatus(statuses.get(section) ?? [])
        : (byItem.get(`${section}@${item}`) ?? 'notStarted'),
  };
  const locations: Location[] = [];
  const sections: SectionProgress[] = [];
  walk: for (const section of questionnaire.sections) {
    if (!holds(section.enabledWhen, ctx)) continue;
    const list = section.repeat?.list;
    const items = list === undefined ? [undefined] : listItems(state, list);
    for (const item of items) {
      const repeat: Location[] = [];
      const end = walkSection(section, item === undefined ? ctx : { ...ctx, item, list }, onPath, repeat);
      if (section.summary) repeat.push(summaryOf(section.id, item));
      const status = statusOf(completion, repeat);
      const repeats = statuses.get(section.id) ?? [];
      repeats.push(status);
      statuses.set(section.id, repeats);
      if (item !== undefined) byItem.set(`${section.id}@${item}`, status);
      sections.push({ section: section.id, ...withItem(item), locations: repeat, status });
      for (const location of repeat) locations.push(location);
      if (end === 'questionnaire' && !hub) break walk;
    }
  }
  locations.push(hub ? { kind: 'hub' } : { kind: 'summary' });
  return { locations, sections, onPath };
}

function summaryOf(section: string, item: string | undefined): Location {
  return { kind: 'sectionSummary', section, ...withItem(item) };
}

function withItem(item: string | undefined): { item?: string } {
  return item === undefined ? {} : { item };
}
