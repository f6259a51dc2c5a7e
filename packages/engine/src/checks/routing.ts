import { pageName } from './page-sites.ts';
import { type Check, error, type Problem } from './problem.ts';

/**
 * Routing only moves forward within a section: a goTo must name a later page of the same section,
 * while a confirmation's rejectGoTo must name an earlier one (going back to correct an answer).
 * Targets that are not pages at all are reported as `unknown-page`.
 */
export const routingTargets: Check = (ctx) =>
  ctx.pages.flatMap((site) => {
    if (site.role) return [];
    const problems: Problem[] = [];
    const name = pageName(site);
    site.page.routing?.forEach((rule, r) => {
      if (!('page' in rule.goTo)) return;
      const target = ctx.pageById.get(rule.goTo.page);
      if (!target || target.role) return;
      const at = `${site.pointer}/routing/${r}/goTo/page`;
      const rule1 = `routing rule ${r + 1} of ${name}`;
      if (target.sectionIndex !== site.sectionIndex) {
        const message = `${rule1} goes to page "${target.id}" in section "${target.section.id}": route to the end of the section instead`;
        problems.push(error('route-outside-section', at, message));
      } else if (target.position <= site.position) {
        const where = target.position === site.position ? 'itself' : `the earlier page "${target.id}"`;
        problems.push(error('routing-cycle', at, `${rule1} goes back to ${where}, which makes a loop`));
      }
    });
    if (site.page.kind === 'confirmation') {
      const target = ctx.pageById.get(site.page.rejectGoTo);
      const earlier = target && target.sectionIndex === site.sectionIndex && target.position < site.position;
      if (target && !target.role && !earlier) {
        const message = `${name} goes back to page "${target.id}" when not confirmed, which is not an earlier page of section "${site.section.id}"`;
        problems.push(error('reject-target-invalid', `${site.pointer}/rejectGoTo`, message));
      }
    }
    return problems;
  });
