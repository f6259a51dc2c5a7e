/**
 * A place in a respondent's journey. `item` is the list item of a repeating section or of a
 * list collector's item page; `to` is the other item on a relationships page.
 */
export type Location =
  | { kind: 'page'; section: string; page: string; item?: string; to?: string }
  | { kind: 'sectionSummary'; section: string; item?: string }
  | { kind: 'hub' }
  | { kind: 'summary' };

/** A stable string for a location: `page`, `page@item`, `page@item>to`, `section:id@item`, `hub`, `summary`. */
export function locationKey(location: Location): string {
  switch (location.kind) {
    case 'page':
      return pageKey(location.page, location.item, location.to);
    case 'sectionSummary':
      return `section:${location.section}${location.item ? `@${location.item}` : ''}`;
    case 'hub':
      return 'hub';
    case 'summary':
      return 'summary';
  }
}

/** The key of a page location; `to` is only written after an item. */
export function pageKey(page: string, item?: string, to?: string): string {
  if (!item) return page;
  return to ? `${page}@${item}>${to}` : `${page}@${item}`;
}

export function sameLocation(a: Location, b: Location): boolean {
  return locationKey(a) === locationKey(b);
}
