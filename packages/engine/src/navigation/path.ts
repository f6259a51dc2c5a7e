import type { Questionnaire } from '@eq/schema';
import type { SectionStatus } from '../evaluate.ts';
import type { Location } from '../location.ts';
import type { ResponseState } from '../state.ts';
import { indexPath } from './path-index.ts';

export interface NavigationOptions {
  /** Today's date, YYYY-MM-DD, for date conditions; defaults to today in UTC. */
  today?: string;
}

/** One enabled section, or one repeat of a repeating section, on the respondent's path. */
export interface SectionProgress {
  section: string;
  item?: string;
  locations: readonly Location[];
  status: SectionStatus;
}

/** Shared by every caller asking about the same state: read it, never change it. */
export interface Path {
  /** The respondent's route in order; the last is the summary (linear flow) or the hub (hub flow). */
  locations: readonly Location[];
  /** One entry per enabled section, and per item for repeating sections, in order. */
  sections: readonly SectionProgress[];
  /** The `pageKey()`s of the page locations on the path. */
  onPath: ReadonlySet<string>;
}

/**
 * The respondent's path through a questionnaire given their answers so far: enabled sections in
 * order (repeating sections once per list item), each walked from its first page through skip
 * conditions and routing. Conditions only see answers on the path before them.
 *
 * A path is worked out once per state object (for a questionnaire and day) and then reused, and
 * the path of a state a save made is worked out from the walk of the state saved, each section's
 * walk reused while what it read is the same object. So states, and everything in them, must be
 * treated as immutable: the engine never changes one (saving returns a new state sharing what did
 * not change), and a caller that changed a state in place would be given the path of its old contents.
 */
export function computePath(questionnaire: Questionnaire, state: ResponseState, options: NavigationOptions = {}): Path {
  return indexPath(questionnaire, state, options).path;
}
