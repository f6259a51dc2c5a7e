import type { Questionnaire } from '@eq/schema';
import { type Location, locationKey } from '../location.ts';
import type { ResponseState } from '../state.ts';
import type { NavigationOptions } from './path.ts';
import { blockerOf, finalPosition, type IndexedPath, indexPath, isCompleteAt, locationAt } from './path-index.ts';
import { subPageOf, validSubPageCollector } from './sub-pages.ts';

export interface MoveOptions extends NavigationOptions {
  /** Where to go back to once the current page is saved, e.g. the summary after a "change" link. */
  returnTo?: Location;
}

/**
 * Where the respondent goes after `current`: the next location on the path. Item and remove
 * pages lead back to their list collector. In the hub flow a finished section leads to the hub,
 * or to the next required section while one is incomplete. A location off the path (stale URL,
 * back button) leads to the first incomplete location.
 */
export function nextLocation(
  q: Questionnaire,
  state: ResponseState,
  current: Location,
  options: MoveOptions = {},
): Location {
  return nextOn(indexPath(q, state, options), current, options.returnTo);
}

export function nextOn(ip: IndexedPath, current: Location, returnTo?: Location): Location {
  const onPath = ip.position.get(locationKey(current));
  const at = onPath ?? subPageOf(ip, current)?.collectorAt;
  if (at === undefined) return firstIncompleteOn(ip);
  const back = returnTo === undefined ? undefined : ip.position.get(locationKey(returnTo));
  if (back !== undefined) return locationAt(ip, blockerOf(ip, back) ?? back);
  if (onPath === undefined) return locationAt(ip, at);
  const final = finalPosition(ip);
  if (at >= final) return locationAt(ip, final);
  if (ip.hub && ip.sectionOf[at + 1] !== ip.sectionOf[at]) return locationAt(ip, blockerOf(ip, final) ?? final);
  return locationAt(ip, at + 1);
}

/**
 * Where a back link leads: the previous location on the path; undefined at the very start.
 * Item and remove pages lead back to their collector. In the hub flow the first location of a
 * section leads to the hub, or to the previous required section while the hub is not yet open.
 */
export function previousLocation(
  q: Questionnaire,
  state: ResponseState,
  current: Location,
  options: NavigationOptions = {},
): Location | undefined {
  const ip = indexPath(q, state, options);
  const at = ip.position.get(locationKey(current));
  if (at === undefined) {
    const collectorAt = subPageOf(ip, current)?.collectorAt;
    return collectorAt === undefined ? undefined : locationAt(ip, collectorAt);
  }
  if (!ip.hub) return at === 0 ? undefined : locationAt(ip, at - 1);
  if (at === finalPosition(ip)) return undefined;
  if (at > 0 && ip.sectionOf[at - 1] === ip.sectionOf[at]) return locationAt(ip, at - 1);
  if (ip.firstRequiredIncomplete === undefined) return locationAt(ip, finalPosition(ip));
  const chained = ip.required.indexOf(at);
  const previous = chained > 0 ? ip.required[chained - 1] : undefined;
  return previous === undefined ? undefined : locationAt(ip, previous);
}

/**
 * The first location still to be completed, else the summary (linear flow) or the hub. In the
 * hub flow only the required sections are gone through in order; the rest are chosen at the hub.
 */
export function firstIncompleteLocation(
  q: Questionnaire,
  state: ResponseState,
  options: NavigationOptions = {},
): Location {
  return firstIncompleteOn(indexPath(q, state, options));
}

export function firstIncompleteOn(ip: IndexedPath): Location {
  const final = finalPosition(ip);
  return locationAt(ip, blockerOf(ip, final) ?? final);
}

/**
 * Whether the respondent may open a location: it is on the path and nothing before it is left
 * to do (no skipping ahead by URL), or it is a valid item or remove page of a collector they may
 * open. A section summary also needs its section completed.
 */
export function canVisit(
  q: Questionnaire,
  state: ResponseState,
  location: Location,
  options: NavigationOptions = {},
): boolean {
  return canVisitOn(indexPath(q, state, options), location);
}

export function canVisitOn(ip: IndexedPath, location: Location): boolean {
  const at = ip.position.get(locationKey(location));
  if (at === undefined) {
    const collectorAt = validSubPageCollector(ip, location);
    return collectorAt !== undefined && blockerOf(ip, collectorAt) === undefined;
  }
  const summaryReady = location.kind !== 'sectionSummary' || isCompleteAt(ip, at);
  return summaryReady && blockerOf(ip, at) === undefined;
}

/** Whether a location is on the path or is a valid item or remove page of a collector on it. */
export function existsOn(ip: IndexedPath, location: Location): boolean {
  return ip.position.has(locationKey(location)) || validSubPageCollector(ip, location) !== undefined;
}
