import type { CheckContext } from './context.ts';
import { forEachNode, operatorOf } from './expression-nodes.ts';
import { pageName } from './page-sites.ts';
import { type Check, error, type Problem } from './problem.ts';
import { checkReads, type ExpressionRead, reportAt } from './reads.ts';
import type { Scope } from './scope.ts';

const CODE = 'item-scope';

/**
 * Reads that need a list item where there is none: an answer asked per item of a list read
 * outside that list's items (without `item: "all"` or `"primary"`), `current` outside any item,
 * `to` outside a relationships page, and relationship answers away from their relationships page.
 */
export const itemScope: Check = (ctx) =>
  checkReads(ctx, {
    expression: (read) => scopeProblems(ctx, read),
    summedAnswer: ({ site, answerId, pointer }) => {
      const list = ctx.compiled.answers.get(answerId)?.list;
      if (list === undefined || list === site.itemList) return [];
      const message = `${pageName(site)} adds up answer "${answerId}", which is asked for each item of list "${list}", outside an item of that list`;
      return [error(CODE, pointer, message)];
    },
  });

function scopeProblems(ctx: CheckContext, read: ExpressionRead): Problem[] {
  const { expression, scope, describe } = read;
  const problems: Problem[] = [];
  forEachNode(expression, '', (node, at) => {
    const op = operatorOf(node);
    const value = op === undefined ? undefined : (node as Record<string, unknown>)[op];
    const message =
      op === 'answer'
        ? answerProblem(ctx, node as { answer: string; item?: string }, scope)
        : op === 'itemLabel' || op === 'isPrimary'
          ? itemProblem(op, String(value), scope)
          : undefined;
    if (message) problems.push(error(CODE, reportAt(read, at), `${describe} ${message}`));
  });
  return problems;
}

function answerProblem(ctx: CheckContext, ref: { answer: string; item?: string }, scope: Scope): string | undefined {
  const info = ctx.compiled.answers.get(ref.answer);
  if (!info?.list) return undefined;
  const onPair = scope.pair && scope.itemList === info.list;
  if (info.relationship) {
    return onPair
      ? undefined
      : `reads relationship answer "${ref.answer}", which only has a value on its relationships page for list "${info.list}"`;
  }
  const item = ref.item ?? 'current';
  if (item === 'all' || item === 'primary') return undefined;
  if (item === 'to') {
    return onPair
      ? undefined
      : `reads answer "${ref.answer}" of item "to" outside a relationships page for list "${info.list}"`;
  }
  if (scope.itemList === info.list) return undefined;
  return `reads answer "${ref.answer}", which is asked for each item of list "${info.list}", outside an item of that list: say which item with "item": "all" or "primary"`;
}

function itemProblem(op: string, ref: string, scope: Scope): string | undefined {
  if (ref === 'current' && !scope.itemList) return `uses ${op} "current" outside a list item`;
  if (ref === 'to' && !scope.pair) return `uses ${op} "to" outside a relationships page`;
  return undefined;
}
