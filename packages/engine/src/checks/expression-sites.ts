import type { Answer, DetailAnswer, Expression } from '@eq/schema';
import type { PageIndex } from './context.ts';
import type { PageSite } from './page-sites.ts';
import { answerSites, bounds, pageName } from './page-sites.ts';
import { pointer } from './problem.ts';
import { pageScope, type Scope, sectionScope } from './scope.ts';

/**
 * What an expression is for, which decides the type it must have: a condition (true or false),
 * an answer's bound, a question's total, a list item's label, a placeholder's value or a plural count.
 */
export type ExpressionRole = 'condition' | 'bound' | 'total' | 'itemLabel' | 'value' | 'count';

export interface ExpressionSite {
  expression: Expression;
  pointer: string;
  role: ExpressionRole;
  /** Names the site in messages: `the skipWhen of page "age"`. */
  describe: string;
  /** What the expression can see; placeholder definitions have none, being checked where they are used. */
  scope?: Scope;
  /** For a bound, the answer it bounds. */
  answer?: Answer | DetailAnswer;
}

/** Every expression of a questionnaire, with its pointer and what it is for. */
export function expressionSites(ctx: PageIndex): ExpressionSite[] {
  return [...sectionExpressions(ctx), ...ctx.pages.flatMap(pageExpressions), ...placeholderExpressions(ctx)];
}

function sectionExpressions(ctx: PageIndex): ExpressionSite[] {
  return ctx.questionnaire.sections.flatMap((section, s) =>
    section.enabledWhen === undefined
      ? []
      : [
          {
            expression: section.enabledWhen,
            pointer: pointer('sections', s, 'enabledWhen'),
            role: 'condition' as const,
            describe: `the enabledWhen of section "${section.id}"`,
            scope: sectionScope(ctx, s, true),
          },
        ],
  );
}

function pageExpressions(site: PageSite): ExpressionSite[] {
  const out: ExpressionSite[] = [];
  const add = (expression: Expression, at: string, role: ExpressionRole, describe: string, scope: Scope) =>
    out.push({ expression, pointer: `${site.pointer}${at}`, role, describe, scope });
  const { page } = site;
  const name = pageName(site);
  const answered = pageScope(site, 'answered');
  if (!site.role) {
    if (page.skipWhen !== undefined) {
      add(page.skipWhen, '/skipWhen', 'condition', `the skipWhen of ${name}`, pageScope(site, 'skip'));
    }
    page.routing?.forEach((rule, r) => {
      if (rule.when === undefined) return;
      add(rule.when, `/routing/${r}/when`, 'condition', `routing rule ${r + 1} of ${name}`, answered);
    });
    if (page.kind === 'listCollector') {
      // The label is evaluated for each item of the list, once its item page is answered.
      const scope = { ...pageScope(site, 'show'), itemList: page.list };
      add(page.itemLabel, '/itemLabel', 'itemLabel', `the itemLabel of ${name}`, scope);
    }
  }
  for (const question of site.questions) {
    const { variant, when } = question;
    if (variant !== undefined && when !== undefined) {
      add(when, `/variants/${variant}/when`, 'condition', `variant ${variant + 1} of ${name}`, pageScope(site, 'show'));
    }
    question.question.totals?.forEach((rule, t) => {
      const describe = `total rule ${t + 1} of question "${question.question.id}"`;
      out.push({
        expression: rule.total,
        pointer: `${question.pointer}/totals/${t}/total`,
        role: 'total',
        describe,
        scope: answered,
      });
    });
    for (const { answer, pointer: at } of answerSites(question)) {
      for (const [end, bound] of bounds(answer)) {
        const describe = `the ${end} of answer "${answer.id}"`;
        out.push({
          expression: bound.value,
          pointer: `${at}/${end}/value`,
          role: 'bound',
          describe,
          scope: answered,
          answer,
        });
      }
    }
  }
  return out;
}

function placeholderExpressions(ctx: PageIndex): ExpressionSite[] {
  return Object.entries(ctx.questionnaire.placeholders ?? {}).map(([name, placeholder]) => {
    const at = pointer('placeholders', name);
    const describe = `placeholder "${name}"`;
    return 'value' in placeholder
      ? { expression: placeholder.value, pointer: `${at}/value`, role: 'value', describe }
      : { expression: placeholder.plural.count, pointer: `${at}/plural/count`, role: 'count', describe };
  });
}
