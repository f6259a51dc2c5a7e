import type { ConfirmationPage, Questionnaire, RelationshipsPage } from '@eq/schema';
import { type Location, locationKey, pageKey } from '../location.ts';
import { isRecord, own, type ResponseState } from '../state.ts';
import type { AnswerValue } from '../values.ts';
import { markCompleted, unmarkCompleted } from './edits.ts';
import { existsOn, firstIncompleteOn, nextOn } from './navigation.ts';
import {
  clear,
  completeHere,
  locate,
  type PageSave,
  proceed,
  type SaveOptions,
  type SaveResult,
  store,
} from './page-save.ts';
import { type IndexedPath, indexPath, locationAt, savedFrom } from './path-index.ts';
import { saveCollector, saveItem, savePrimaryPerson, saveRemoval } from './save-lists.ts';
import { pageAnswerIds } from './store.ts';

/**
 * Applies a validated POST of one page (typed values by answer id, detail answers included;
 * undefined clears) and says where the respondent goes next. A location that is neither on the
 * path nor a valid item or remove page changes nothing and leads to the first incomplete location.
 */
export function savePage(
  q: Questionnaire,
  state: ResponseState,
  location: Location,
  values: Record<string, AnswerValue | undefined>,
  options: SaveOptions,
): SaveResult {
  const ip = indexPath(q, state, options);
  const result = saveOn(q, ip, location, values, options);
  // Where the save leads may not have needed the new state's path (adding a list item leads to
  // the item page): it is worked out from this one when first asked for.
  if (result.state !== state) savedFrom(result.state, ip);
  return result;
}

function saveOn(
  q: Questionnaire,
  ip: IndexedPath,
  location: Location,
  values: Record<string, AnswerValue | undefined>,
  options: SaveOptions,
): SaveResult {
  const { state } = ip;
  if (!existsOn(ip, location)) return { state, next: firstIncompleteOn(ip) };
  if (location.kind !== 'page') return { state, next: nextOn(ip, location, options.returnTo) };
  const info = ip.compiled.pages.get(location.page);
  if (!info) return { state, next: firstIncompleteOn(ip) };
  const at = ip.position.get(locationKey(location));
  const here = at === undefined ? location : locationAt(ip, at);
  const save: PageSave = {
    q,
    compiled: ip.compiled,
    state,
    location: here.kind === 'page' ? here : location,
    info,
    onPath: at !== undefined,
    values,
    options,
    path: ip,
  };
  const page = info.page;
  if (info.role && page.kind === 'listCollector') {
    return info.role === 'item' ? saveItem(save, page) : saveRemoval(save, page);
  }
  switch (page.kind) {
    case 'question':
      return proceed(save, completeHere(save, store(save)));
    case 'content':
    case 'calculatedSummary':
      return proceed(save, completeHere(save, state));
    case 'confirmation':
      return saveConfirmation(save, page);
    case 'listCollector':
      return saveCollector(save, page);
    case 'primaryPerson':
      return savePrimaryPerson(save, page);
    case 'relationships':
      return saveRelationship(save, page);
  }
}

/** Not confirmed: the answer is withdrawn and the respondent goes back to the page to correct. */
function saveConfirmation(save: PageSave, page: ConfirmationPage): SaveResult {
  const id = page.question.answers[0]?.id;
  if (id !== undefined && own(save.values, id) === page.confirmValue) {
    return proceed(save, completeHere(save, store(save)));
  }
  const { section, item } = save.location;
  const state = unmarkCompleted(clear(save), pageKey(page.id, item));
  const back: Location = { kind: 'page', section, page: page.rejectGoTo, ...(item === undefined ? {} : { item }) };
  return { state, next: locate(save, state, back) };
}

/** A relationship answer is kept on the first item of the pair, as a value for the other one. */
function saveRelationship(save: PageSave, page: RelationshipsPage): SaveResult {
  const { item, to } = save.location;
  if (item === undefined || to === undefined) return proceed(save, save.state);
  let values = own(save.state.itemAnswers, item) ?? {};
  for (const id of pageAnswerIds(save.info)) {
    const stored = own(values, id);
    const pairs = Object.entries(isRecord(stored) ? stored : {}).filter(([other]) => other !== to);
    const value = own(save.values, id);
    if (value !== undefined) pairs.push([to, value]);
    values = { ...values, [id]: Object.fromEntries(pairs) };
  }
  const state = { ...save.state, itemAnswers: { ...save.state.itemAnswers, [item]: values } };
  return proceed(save, markCompleted(state, pageKey(page.id, item, to), save.path.walk.completed));
}
