import type { ListCollectorPage } from '@eq/schema';
import type { PageInfo } from '../compile.ts';
import { type Location, pageKey } from '../location.ts';
import { listItems, own } from '../state.ts';
import type { IndexedPath } from './path-index.ts';

export interface SubPage {
  info: PageInfo;
  collector: ListCollectorPage;
  /** The collector page's position on the path, when it is on it. */
  collectorAt: number | undefined;
}

/**
 * A location on a list collector's item or remove page that is not itself on the path: the
 * respondent adds, changes or removes items from the collector, so that is where they belong.
 */
export function subPageOf(ip: IndexedPath, location: Location): SubPage | undefined {
  if (location.kind !== 'page') return undefined;
  const info = ip.compiled.pages.get(location.page);
  if (!info?.role || info.page.kind !== 'listCollector') return undefined;
  return { info, collector: info.page, collectorAt: ip.position.get(pageKey(info.page.id)) };
}

/**
 * The collector's position on the path when a sub-page location names something that exists:
 * adding (item page without an item, while the list is below its maximum), changing an existing
 * item, or removing an existing item other than the respondent's own (which the primary person
 * question removes).
 */
export function validSubPageCollector(ip: IndexedPath, location: Location): number | undefined {
  const sub = subPageOf(ip, location);
  if (!sub || location.kind !== 'page' || location.to !== undefined) return undefined;
  const { collector, info } = sub;
  const items = listItems(ip.state, collector.list);
  const item = location.item;
  const valid =
    info.role === 'item'
      ? item === undefined
        ? items.length < (collector.maxItems ?? Number.POSITIVE_INFINITY)
        : items.includes(item)
      : item !== undefined && items.includes(item) && item !== own(ip.state.lists, collector.list)?.primary;
  return valid ? sub.collectorAt : undefined;
}
