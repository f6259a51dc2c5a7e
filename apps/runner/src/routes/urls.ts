import type { CompiledQuestionnaire, Location } from '@eq/engine';

/**
 * One URL per location. Pages: `/questionnaire/<page>`; a page of a list item (repeating section,
 * list item page or remove page): `/questionnaire/<list>/<item>/<page>`; a relationship pair:
 * `/questionnaire/<list>/<item>/<page>/<to>`; section summaries: `/questionnaire/sections/<section>`
 * (`/<item>` for a repeat); the check-your-answers page `/questionnaire/summary`; the hub
 * `/questionnaire/`. Page and list ids "summary" and "sections" are reserved by the static checks.
 */
export function locationUrl(compiled: CompiledQuestionnaire, location: Location): string {
  switch (location.kind) {
    case 'hub':
      return '/questionnaire/';
    case 'summary':
      return '/questionnaire/summary';
    case 'sectionSummary':
      return `/questionnaire/sections/${location.section}${location.item ? `/${location.item}` : ''}`;
    case 'page': {
      if (location.item === undefined) return `/questionnaire/${location.page}`;
      const list = compiled.pages.get(location.page)?.list ?? 'items';
      const base = `/questionnaire/${list}/${location.item}/${location.page}`;
      return location.to === undefined ? base : `${base}/${location.to}`;
    }
  }
}

/**
 * The questionnaire's introduction (when it has one): where a respondent starts, and where the
 * Previous link of the first page leads. "introduction" is a reserved page id.
 */
export const INTRODUCTION_URL = '/questionnaire/introduction';

/** The location a questionnaire URL path (after `/questionnaire`) names, or undefined if none. */
export function locationFromPath(compiled: CompiledQuestionnaire, path: string): Location | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length === 0) return compiled.questionnaire.flow.type === 'hub' ? { kind: 'hub' } : undefined;
  if (parts.length === 1 && parts[0] === 'summary') return { kind: 'summary' };
  if (parts[0] === 'sections' && (parts.length === 2 || parts.length === 3)) {
    const section = parts[1] as string;
    if (!compiled.sections.has(section)) return undefined;
    return { kind: 'sectionSummary', section, ...(parts[2] === undefined ? {} : { item: parts[2] }) };
  }
  const pageId = parts.length === 1 ? parts[0] : parts[2];
  const info = pageId === undefined ? undefined : compiled.pages.get(pageId);
  if (!info) return undefined;
  const section = info.section.id;
  if (parts.length === 1) return { kind: 'page', section, page: info.id };
  const [list, item, , to] = parts;
  if (parts.length > 4 || list !== info.list || item === undefined) return undefined;
  return { kind: 'page', section, page: info.id, item, ...(to === undefined ? {} : { to }) };
}
