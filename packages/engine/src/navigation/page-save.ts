import type { Questionnaire } from '@eq/schema';
import type { CompiledQuestionnaire, PageInfo } from '../compile.ts';
import { type Location, locationKey, pageKey } from '../location.ts';
import type { ResponseState } from '../state.ts';
import type { AnswerValue } from '../values.ts';
import type { PageLocation } from './completion.ts';
import { markCompleted, storePage } from './edits.ts';
import { firstIncompleteOn, type MoveOptions, nextOn } from './navigation.ts';
import { type IndexedPath, indexPath, locationAt } from './path-index.ts';

export interface SaveOptions extends MoveOptions {
  /** A new, unique list item id (the runner's choice: random, so ids reveal nothing). */
  newItemId: () => string;
}

export interface SaveResult {
  state: ResponseState;
  next: Location;
}

/** One validated page POST, as the saver of each page kind needs it. */
export interface PageSave {
  q: Questionnaire;
  compiled: CompiledQuestionnaire;
  state: ResponseState;
  /** The location posted, with the section the path gives it. */
  location: PageLocation;
  info: PageInfo;
  /** Whether the location is itself on the path (rather than an item or remove page). */
  onPath: boolean;
  values: Record<string, AnswerValue | undefined>;
  options: SaveOptions;
  /** The path of `state`: the path of the saved state is worked out from it. */
  path: IndexedPath;
}

/** Stores the page's values, at the posted item unless another is given. */
export function store(save: PageSave, state = save.state, item = save.location.item): ResponseState {
  return storePage(save.compiled, state, save.info, save.values, item);
}

/** Clears every answer of the page. */
export function clear(save: PageSave, state = save.state): ResponseState {
  return storePage(save.compiled, state, save.info, {}, save.location.item);
}

export function completeHere(save: PageSave, state: ResponseState): ResponseState {
  const { page, item, to } = save.location;
  return markCompleted(state, pageKey(page, item, to), save.path.walk.completed);
}

/** The path of a state the save made. */
function pathOf(save: PageSave, state: ResponseState): IndexedPath {
  return indexPath(save.q, state, save.options, save.path);
}

/** The respondent goes on along the path (or back to `returnTo`) from the page just saved. */
export function proceed(save: PageSave, state: ResponseState): SaveResult {
  return { state, next: nextOn(pathOf(save, state), save.location, save.options.returnTo) };
}

/** A location as it stands on the path of `state`, else the first incomplete location. */
export function locate(save: PageSave, state: ResponseState, target: Location): Location {
  const ip = pathOf(save, state);
  const at = ip.position.get(locationKey(target));
  return at === undefined ? firstIncompleteOn(ip) : locationAt(ip, at);
}
