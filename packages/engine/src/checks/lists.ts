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
      const first = collectors.get(page.list);
      if (first === undefined) collectors.set(page.list, page.id);
      else
        problems.push(
          error(
            'list-collector-duplicate',
            `${site.pointer}/list`,
            `list "${page.list}" is already collected by page "${first}"`,
          ),
        );
    }
    if (page.kind === 'primaryPerson') {
      const first = primaries.get(page.list);
      if (first === undefined) primaries.set(page.list, page.id);
      else
        problems.push(
          error(
            'duplicate-primary-person',
            `${site.pointer}/list`,
            `list "${page.list}" already has a primary person page, "${first}"`,
          ),
        );
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
