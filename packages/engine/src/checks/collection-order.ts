import type { Expression, ItemRef } from '@eq/schema';
import type { CheckContext } from './context.ts';
import { forEachNode, operatorOf } from './expression-nodes.ts';
import { type PageSite, pageName } from './page-sites.ts';
import { type Check, error, type Problem, warning } from './problem.ts';
import { checkReads, type ExpressionRead, reportAt } from './reads.ts';
import { pageScope, type Scope } from './scope.ts';

const CODE = 'answer-not-yet-collected';

/**
 * A condition, bound, total or piped text reads an answer no path can have collected by then:
 * one asked on a later page, or on the same page when the page is not yet answered (skipWhen,
 * variants, texts). Section statuses are read too early from the same or a later section. In a
 * hub, sections are answered in any order, so reads across sections are only warnings there.
 */
export const answerNotYetCollected: Check = (ctx) =>
  checkReads(ctx, {
    expression: (read) => earlyReads(ctx, read),
    summedAnswer: ({ site, answerId, pointer }) => {
      const scope = pageScope(site, 'show');
      const page = askedTooLate(ctx, answerId, scope);
      return page ? [early(ctx, page, scope, `${pageName(site)} adds up answer "${answerId}"`, pointer)] : [];
    },
  });

/** Reports what an expression reads too early. Messages are built only for a problem: most nodes have none. */
function earlyReads(ctx: CheckContext, read: ExpressionRead): Problem[] {
  const { expression, scope, describe } = read;
  const problems: Problem[] = [];
  forEachNode(expression, '', (node, at) => {
    const op = operatorOf(node);
    if (op === undefined) return;
    const value = (node as Record<string, unknown>)[op];
    switch (op) {
      case 'answer': {
        const page = askedTooLate(ctx, String(value), scope);
        if (page)
          problems.push(early(ctx, page, scope, `${describe} reads answer "${String(value)}"`, reportAt(read, at)));
        break;
      }
      case 'itemLabel':
      case 'itemLabels':
        for (const list of op === 'itemLabels' ? [String(value)] : labelledLists(ctx, value as ItemRef, scope)) {
          const label = ctx.compiled.lists.get(list)?.collector.itemLabel;
          for (const id of label === undefined ? [] : answersRead(label)) {
            const page = askedTooLate(ctx, id, scope);
            if (!page) continue;
            const what = `${describe} reads answer "${id}" through the item labels of list "${list}"`;
            problems.push(early(ctx, page, scope, what, reportAt(read, at)));
          }
        }
        break;
      case 'calculated': {
        const summary = ctx.pageById.get(String(value))?.page;
        for (const id of summary?.kind === 'calculatedSummary' ? summary.answers : []) {
          const page = askedTooLate(ctx, id, scope);
          if (!page) continue;
          const what = `${describe} reads answer "${id}" through calculated summary "${String(value)}"`;
          problems.push(early(ctx, page, scope, what, reportAt(read, at)));
        }
        break;
      }
      case 'sectionStatus': {
        const target = ctx.compiled.sections.get(String(value));
        if (!target || target.index < scope.openSections) break;
        const severity = ctx.questionnaire.flow.type === 'hub' && target.index !== scope.sectionIndex ? warning : error;
        const message = `${describe} reads the status of section "${String(value)}", which cannot be complete by then`;
        problems.push(severity(CODE, reportAt(read, at), message));
        break;
      }
    }
  });
  return problems;
}

/** The page asking an answer, when no path can have collected it by the time `scope` reads it. */
function askedTooLate(ctx: CheckContext, id: string, scope: Scope): PageSite | undefined {
  const info = ctx.compiled.answers.get(id);
  const page = info ? ctx.pageById.get(info.pageId) : undefined;
  return page && page.position >= scope.collectedBefore ? page : undefined;
}

function early(ctx: CheckContext, page: PageSite, scope: Scope, what: string, at: string): Problem {
  const crossSection = scope.sectionIndex !== undefined && page.sectionIndex !== scope.sectionIndex;
  const severity = ctx.questionnaire.flow.type === 'hub' && crossSection ? warning : error;
  return severity(CODE, at, `${what}, asked on ${pageName(page)}, which cannot have been collected by then`);
}

/** The lists whose item label an itemLabel node can show. */
function labelledLists(ctx: CheckContext, ref: ItemRef, scope: Scope): string[] {
  if (scope.itemList) return [scope.itemList];
  if (ref !== 'primary') return [];
  return [...ctx.compiled.lists].flatMap(([name, info]) => (info.primary ? [name] : []));
}

function answersRead(expression: Expression): string[] {
  const ids: string[] = [];
  forEachNode(expression, '', (node) => {
    if (operatorOf(node) === 'answer') ids.push(String((node as { answer: string }).answer));
  });
  return ids;
}
