import { pageName } from './page-sites.ts';
import { type Check, error, type Problem, pointer, warning } from './problem.ts';

/**
 * How lists are laid out: one collector per list; a primary person page in its collector's section,
 * before the collector; no list pages inside a repeating section (a list within a list item); and a
 * repeating section after the collector that fills its list.
 */
export const listLayout: Check = (ctx) => {
  const problems: Problem[] = [];
  const collectors = new Map<string, string>();
  const primaries = new Map<string, string>();
  for (const site of ctx.pages) {
    const page = site.page;
    if (site.role) continue;
    if (
      site.section.repeat &&
      (page.kind === 'listCollector' || page.kind === 'primaryPerson' || page.kind === 'relationships')
    ) {
      const message = `${pageName(site)} is a ${page.kind} page inside section "${site.section.id}", which repeats for each item of list "${site.section.repeat.list}"`;
      problems.push(error('nested-list', site.pointer, message));
    }
    if (page.kind === 'listCollector') {
      const first = claim(collectors, page.list, page.id);
      const duplicate = `list "${page.list}" is already collected by page "${first}"`;
      if (first) problems.push(error('list-collector-duplicate', `${site.pointer}/list`, duplicate));
    }
    if (page.kind === 'primaryPerson') {
      const first = claim(primaries, page.list, page.id);
      const duplicate = `list "${page.list}" already has a primary person page, "${first}"`;
      if (first) problems.push(error('duplicate-primary-person', `${site.pointer}/list`, duplicate));
      const collector = ctx.compiled.lists.get(page.list)?.collector;
      const at = collector ? ctx.pageById.get(collector.id) : undefined;
      if (at && (at.sectionIndex !== site.sectionIndex || at.position < site.position)) {
        const message = `${pageName(site)} must come before page "${at.id}", the collector of list "${page.list}", in the same section`;
        problems.push(error('primary-without-collector', `${site.pointer}/list`, message));
      }
    }
  }
  ctx.questionnaire.sections.forEach((section, s) => {
    const list = section.repeat?.list;
    const collector = list === undefined ? undefined : ctx.compiled.lists.get(list)?.collector;
    const at = collector ? ctx.pageById.get(collector.id) : undefined;
    if (at && at.sectionIndex > s) {
      const message = `section "${section.id}" repeats for each item of list "${list}", which is collected later, on page "${at.id}"`;
      problems.push(warning('repeat-before-collector', pointer('sections', s, 'repeat', 'list'), message));
    }
  });
  return problems;
};

/** The page that took a list first, or undefined when this page is the first (and now takes it). */
function claim(taken: Map<string, string>, list: string, page: string): string | undefined {
  const first = taken.get(list);
  if (first === undefined) taken.set(list, page);
  return first;
}
