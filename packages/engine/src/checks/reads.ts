import type { Expression } from '@eq/schema';
import type { CheckContext } from './context.ts';
import type { PageSite } from './page-sites.ts';
import { placeholderEvaluations } from './placeholder-uses.ts';
import type { Problem } from './problem.ts';
import type { Scope } from './scope.ts';

/** An expression evaluated where it can see `scope`. */
export interface ExpressionRead {
  expression: Expression;
  scope: Scope;
  /** Names the reader in messages: `the skipWhen of page "age"`. */
  describe: string;
  /** The expression's pointer; for a placeholder's expression, the pointer of the text showing it. */
  pointer: string;
  /**
   * Whether a node is reported at its own pointer (the expression's plus the node's within it),
   * rather than at `pointer`: a placeholder's expression is evaluated where its text is shown.
   */
  atNodes: boolean;
}

/** Where to report a node of a read, from its pointer within the expression. */
export function reportAt(read: ExpressionRead, at: string): string {
  return read.atNodes ? `${read.pointer}${at}` : read.pointer;
}

/** An answer that a calculated summary page adds up. */
export interface SummedAnswer {
  site: PageSite;
  answerId: string;
  pointer: string;
}

/** What a check looks for at each kind of place that reads answers. */
export interface ReadCheck {
  expression(read: ExpressionRead): Problem[];
  summedAnswer(read: SummedAnswer): Problem[];
}

/**
 * Runs a check at every place that reads answers: each expression that has a scope, each
 * placeholder where a text uses it, and each answer a calculated summary adds up.
 */
export function checkReads(ctx: CheckContext, check: ReadCheck): Problem[] {
  return [
    ...ctx.expressions.flatMap(({ expression, scope, describe, pointer }) =>
      scope ? check.expression({ expression, scope, describe, pointer, atNodes: true }) : [],
    ),
    ...placeholderEvaluations(ctx).flatMap(({ expression, scope, name, pointer }) =>
      check.expression({
        expression,
        scope,
        describe: `placeholder {${name}} on ${scope.where}`,
        pointer,
        atNodes: false,
      }),
    ),
    ...ctx.pages.flatMap((site) =>
      site.role || site.page.kind !== 'calculatedSummary'
        ? []
        : site.page.answers.flatMap((answerId, i) =>
            check.summedAnswer({ site, answerId, pointer: `${site.pointer}/answers/${i}` }),
          ),
    ),
  ];
}
