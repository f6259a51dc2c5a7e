import type { Expression, ItemRef } from '@eq/schema';
import type { CheckContext } from './context.ts';
import { forEachNode, operatorOf } from './expression-nodes.ts';
import { pageName } from './page-sites.ts';
import { type Check, error, type Problem, warning } from './problem.ts';
import { checkReads, type ExpressionRead } from './reads.ts';
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
    summedAnswer: ({ site, answerId, pointer }) =>
      earlyAnswer(ctx, answerId, pageScope(site, 'show'), `${pageName(site)} adds up answer "${answerId}"`, pointer),
  });

/** Reports what an expression reads too early. */
function earlyReads(ctx: CheckContext, { expression, scope, describe, report }: ExpressionRead): Problem[] {
  const problems: Problem[] = [];
  forEachNode(expression, '', (node, at) => {
    const op = operatorOf(node);
    if (op === undefined) return;
    const value = (node as Record<string, unknown>)[op];
    const where = report(at);
    switch (op) {
      case 'answer':
        problems.push(...earlyAnswer(ctx, String(value), scope, `${describe} reads answer "${String(value)}"`, where));
        break;
      case 'itemLabel':
      case 'itemLabels':
        for (const list of op === 'itemLabels' ? [String(value)] : labelledLists(ctx, value as ItemRef, scope)) {
          const label = ctx.compiled.lists.get(list)?.collector.itemLabel;
          for (const id of label === undefined ? [] : answersRead(label)) {
            const what = `${describe} reads answer "${id}" through the item labels of list "${list}"`;
            problems.push(...earlyAnswer(ctx, id, scope, what, where));
          }
        }
        break;
      case 'calculated': {
        const page = ctx.pageById.get(String(value))?.page;
        for (const id of page?.kind === 'calculatedSummary' ? page.answers : []) {
          const what = `${describe} reads answer "${id}" through calculated summary "${String(value)}"`;
          problems.push(...earlyAnswer(ctx, id, scope, what, where));
        }
        break;
      }
      case 'sectionStatus': {
        const target = ctx.compiled.sections.get(String(value));
        if (!target || target.index < scope.openSections) break;
        const severity = ctx.questionnaire.flow.type === 'hub' && target.index !== scope.sectionIndex ? warning : error;
        const message = `${describe} reads the status of section "${String(value)}", which cannot be complete by then`;
        problems.push(severity(CODE, where, message));
        break;
      }
    }
  });
  return problems;
}

function earlyAnswer(ctx: CheckContext, id: string, scope: Scope, what: string, at: string): Problem[] {
  const info = ctx.compiled.answers.get(id);
  const page = info ? ctx.pageById.get(info.pageId) : undefined;
  if (!page || page.position < scope.collectedBefore) return [];
  const crossSection = scope.sectionIndex !== undefined && page.sectionIndex !== scope.sectionIndex;
  const severity = ctx.questionnaire.flow.type === 'hub' && crossSection ? warning : error;
  return [severity(CODE, at, `${what}, asked on ${pageName(page)}, which cannot have been collected by then`)];
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
