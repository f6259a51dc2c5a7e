import type { Page, Section } from '@eq/schema';
import { type EvalContext, holds } from '../evaluate.ts';
import { type Location, pageKey } from '../location.ts';
import { isInList, itemsIn, listIn } from '../state-reads.ts';
import type { PageLocation } from './completion.ts';

/** How a walk through a section ended: normally, or by a rule that ends the questionnaire. */
export type WalkEnd = 'section' | 'questionnaire';

/** The locations of one walk, with their keys in the same order. */
export interface Walked {
  locations: Location[];
  keys: string[];
  /** Told of each page the walk comes to (its index in the section), before anything there is read. */
  step?: (index: number) => void;
}

/**
 * Appends the locations of one section (one repeat of it when `ctx.item` is set) to `out`,
 * following skip conditions and routing. A page's keys join `onPath` as soon as the page is
 * reached, so its own routing sees its answers while later answers never steer the walk.
 * `from` goes on with a walk that came to that page: `out` and `onPath` hold what it had found.
 */
export function walkSection(section: Section, ctx: EvalContext, onPath: Set<string>, out: Walked, from = 0): WalkEnd {
  const pages = section.pages;
  let index = from;
  while (index < pages.length) {
    const page = pages[index];
    if (!page) break;
    out.step?.(index);
    if (page.skipWhen !== undefined && holds(page.skipWhen, ctx)) {
      index += 1;
      continue;
    }
    for (const location of pageLocations(page, section.id, ctx)) {
      const key = pageKey(location.page, location.item, location.to);
      out.locations.push(location);
      out.keys.push(key);
      onPath.add(key);
    }
    const rule = page.routing?.find((r) => holds(r.when, ctx));
    if (rule && 'end' in rule.goTo) return rule.goTo.end;
    const target = rule && 'page' in rule.goTo ? laterPageIndex(section, rule.goTo.page, index, ctx) : undefined;
    index = target ?? index + 1;
  }
  return 'section';
}

/** Routing only ever moves forward within a section, so a walk always ends. */
function laterPageIndex(section: Section, pageId: string, from: number, ctx: EvalContext): number | undefined {
  const info = ctx.compiled.pages.get(pageId);
  return info && !info.role && info.section === section && info.index > from ? info.index : undefined;
}

function pageLocations(page: Page, section: string, ctx: EvalContext): PageLocation[] {
  const item = ctx.item;
  switch (page.kind) {
    // List operations inside a repeating section are refused by the static checks.
    case 'listCollector':
      return item === undefined ? [pageAt(section, page.id)] : [];
    case 'primaryPerson': {
      if (item !== undefined) return [];
      const collector = ctx.compiled.lists.get(page.list)?.collector;
      const primary = listIn(ctx.state, page.list, ctx.reads)?.primary;
      const hasPrimary = collector !== undefined && isInList(ctx.state, page.list, primary, ctx.reads);
      return hasPrimary
        ? [pageAt(section, page.id), pageAt(section, collector.itemPage.id, primary)]
        : [pageAt(section, page.id)];
    }
    case 'relationships': {
      if (item !== undefined) return [];
      const items = itemsIn(ctx.state, page.list, ctx.reads);
      const pairs: PageLocation[] = [];
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) pairs.push(pageAt(section, page.id, items[i], items[j]));
      }
      return pairs;
    }
    default:
      return [pageAt(section, page.id, item)];
  }
}

/** A page location without undefined properties, so it equals one written by hand. */
function pageAt(section: string, page: string, item?: string, to?: string): PageLocation {
  if (item === undefined) return { kind: 'page', section, page };
  return to === undefined ? { kind: 'page', section, page, item } : { kind: 'page', section, page, item, to };
}
