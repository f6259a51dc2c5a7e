import { type AnswerValue, type Location, listItems, normaliseState, type ResponseState, savePage } from '@eq/engine';
import type { Questionnaire } from '@eq/schema';

/** Stands in for the id of an item added while saving, until the runner's own id for it is known. */
const NEW_ITEM = 'NEWITEMxSTANDIN';

export interface ExpectedSave {
  /** As the runner must have stored it: JSON, normalised. */
  state: ResponseState;
  next: Location;
}

/**
 * What the engine makes of a post: the state and the next location `savePage` gives, with the
 * runner's id for an item the save added (read from the state the runner stored after it).
 */
export function expectedSave(
  q: Questionnaire,
  before: ResponseState,
  location: Location,
  values: Record<string, AnswerValue | undefined>,
  options: { today: string; stored: ResponseState },
): ExpectedSave {
  const saved = savePage(q, before, location, values, { today: options.today, newItemId: () => NEW_ITEM });
  const item = addedItem(before, options.stored);
  return { state: normaliseState(withItemId(saved.state, item)), next: withItemId(saved.next, item) };
}

/** The item the runner added while saving a page (a save adds one at most), if any. */
function addedItem(before: ResponseState, after: ResponseState): string | undefined {
  for (const list of Object.keys(after.lists)) {
    const known = new Set(listItems(before, list));
    const added = listItems(after, list).find((item) => !known.has(item));
    if (added !== undefined) return added;
  }
  return undefined;
}

/** A copy through JSON, as stored, with the stand-in id replaced by the runner's. */
function withItemId<T>(value: T, item: string | undefined): T {
  const json = JSON.stringify(value);
  return JSON.parse(item === undefined ? json : json.replaceAll(NEW_ITEM, item)) as T;
}
