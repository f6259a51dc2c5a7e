import type { CompiledQuestionnaire } from '../compile.ts';
import type { SectionStatus } from '../evaluate.ts';
import { type Location, pageKey } from '../location.ts';
import type { ResponseState } from '../state.ts';
import { listIn, type StateReads } from '../state-reads.ts';
import type { SectionProgress } from './path.ts';
import { storedValue } from './store.ts';

export type PageLocation = Extract<Location, { kind: 'page' }>;

/** What deciding whether a location is complete needs, built once per call. */
export interface CompletionContext {
  compiled: CompiledQuestionnaire;
  state: ResponseState;
  completed: Pick<ReadonlySet<string>, 'has'>;
  /** Told of what is read besides `completed`, as an evaluation's reads are. */
  reads: StateReads | undefined;
}

/**
 * A page location is complete once the respondent confirmed it (its key is completed), except
 * that a confirmation page also needs its confirming answer and a list collector a final "no
 * more" answer with enough items: a confirmed page whose answer was later withdrawn must be
 * visited again. This is the part after the key: whether a confirmed page still stands.
 */
function confirmedStands(c: CompletionContext, location: PageLocation): boolean {
  const info = c.compiled.pages.get(location.page);
  if (!info || info.role) return true;
  const page = info.page;
  if (page.kind === 'confirmation') {
    return storedValue(c.compiled, c.state, page.question.answers[0]?.id, location.item, c.reads) === page.confirmValue;
  }
  if (page.kind === 'listCollector') {
    const driving = storedValue(c.compiled, c.state, page.question.answers[0]?.id, undefined, c.reads);
    const count = listIn(c.state, page.list, c.reads)?.items.length ?? 0;
    return driving !== undefined && driving !== page.addValue && count >= (page.minItems ?? 0);
  }
  return true;
}

/**
 * Whether each location of a run (a section, or one repeat of it) is complete, given their keys,
 * and the run's status from its page locations. A run with nothing to answer counts as completed.
 */
export function runProgress(
  c: CompletionContext,
  locations: readonly Location[],
  keys: readonly string[],
): { done: boolean[]; status: SectionStatus } {
  let started = false;
  let complete = true;
  const done = locations.map((location, i) => {
    if (location.kind !== 'page') return false;
    const confirmed = c.completed.has(keys[i] ?? pageKey(location.page, location.item, location.to));
    if (confirmed) started = true;
    const pageDone = confirmed && confirmedStands(c, location);
    if (!pageDone) complete = false;
    return pageDone;
  });
  return { done, status: complete ? 'completed' : started ? 'inProgress' : 'notStarted' };
}

/**
 * The status of a section among a path's entries (or those walked so far), as conditions see it:
 * with `item`, of its repeat for that item (the last, were an item listed twice), not started
 * when there is none; without, of the section as a whole: not started without entries, else
 * completed or not started when every entry is, else in progress.
 */
export function statusIn(
  entries: readonly SectionProgress[],
  section: string,
  item: string | undefined,
): SectionStatus {
  let combined: SectionStatus | undefined;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as SectionProgress;
    if (entry.section !== section) continue;
    if (item !== undefined) {
      if (entry.item === item) return entry.status;
    } else {
      combined = combined === undefined || combined === entry.status ? entry.status : 'inProgress';
    }
  }
  return combined ?? 'notStarted';
}
