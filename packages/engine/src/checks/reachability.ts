import type { Page } from '@eq/schema';
import { type Check, error, pointer } from './problem.ts';

/**
 * Every page must be reachable from its section's first page. A page leads to its routing
 * targets, and to the next page unless a routing rule always applies; a page with a skipWhen also
 * leads to the next page, since skipping it moves on to the next one.
 */
export const unreachablePages: Check = (ctx) =>
  ctx.questionnaire.sections.flatMap((section, s) => {
    const index = new Map<string, number>();
    section.pages.forEach((page, i) => {
      if (!index.has(page.id)) index.set(page.id, i);
    });
    const reached = new Set<number>([0]);
    const queue = [0];
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const page = section.pages[i];
      if (!page) continue;
      for (const next of successors(page, i, index)) {
        if (next < section.pages.length && !reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    return section.pages.flatMap((page, i) => {
      if (reached.has(i)) return [];
      const message = `page "${page.id}" can never be reached from the start of section "${section.id}"`;
      return [error('unreachable-page', pointer('sections', s, 'pages', i), message)];
    });
  });

function successors(page: Page, i: number, index: Map<string, number>): number[] {
  const rules = page.routing ?? [];
  // Rules after the first unconditional one never apply.
  const always = rules.findIndex((rule) => rule.when === undefined);
  const applicable = always === -1 ? rules : rules.slice(0, always + 1);
  const targets = applicable.flatMap((rule) => {
    const target = 'page' in rule.goTo ? index.get(rule.goTo.page) : undefined;
    return target === undefined ? [] : [target];
  });
  return always === -1 || page.skipWhen !== undefined ? [...targets, i + 1] : targets;
}
