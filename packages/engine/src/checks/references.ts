import type { CheckContext } from './context.ts';
import { forEachNode, operatorOf } from './expression-nodes.ts';
import { type PageSite, pageName } from './page-sites.ts';
import { type Check, error, type Problem, pointer } from './problem.ts';

/** Every id an expression names must exist: answers, metadata, lists, sections and calculated summaries. */
export const unknownExpressionReferences: Check = (ctx) =>
  ctx.expressions.flatMap((site) => {
    const problems: Problem[] = [];
    forEachNode(site.expression, site.pointer, (node, at) => {
      const op = operatorOf(node);
      if (op === undefined) return;
      const id = String((node as Record<string, unknown>)[op]);
      const missing = (code: string, what: string) =>
        problems.push(error(code, `${at}/${op}`, `${site.describe} reads ${what} "${id}", which does not exist`));
      switch (op) {
        case 'answer':
          if (!ctx.compiled.answers.has(id)) missing('unknown-answer', 'answer');
          break;
        case 'metadata':
          if (!ctx.compiled.metadata.has(id)) missing('unknown-metadata', 'metadata');
          break;
        case 'listCount':
        case 'itemLabels':
          if (!ctx.compiled.lists.has(id)) missing('unknown-list', 'list');
          break;
        case 'sectionStatus':
          if (!ctx.compiled.sections.has(id)) missing('unknown-section', 'section');
          break;
        case 'calculated':
          if (ctx.pageById.get(id)?.page.kind !== 'calculatedSummary')
            missing('unknown-calculated', 'calculated summary');
          break;
      }
    });
    return problems;
  });

/** Ids named outside expressions: routing targets, lists, answers to add up, exclusive answers, required sections. */
export const unknownStructureReferences: Check = (ctx) => [
  ...ctx.pages.flatMap((site) => pageReferences(ctx, site)),
  ...ctx.questionnaire.sections.flatMap((section, s) => {
    const list = section.repeat?.list;
    if (list === undefined || ctx.compiled.lists.has(list)) return [];
    const message = `section "${section.id}" repeats for each item of list "${list}", which no list collector collects`;
    return [error('unknown-list', pointer('sections', s, 'repeat', 'list'), message)];
  }),
  ...(ctx.questionnaire.flow.type === 'hub' ? (ctx.questionnaire.flow.requiredSections ?? []) : []).flatMap((id, i) =>
    ctx.compiled.sections.has(id)
      ? []
      : [error('unknown-section', pointer('flow', 'requiredSections', i), `required section "${id}" does not exist`)],
  ),
];

function pageReferences(ctx: CheckContext, site: PageSite): Problem[] {
  const problems: Problem[] = [];
  const at = site.pointer;
  const name = pageName(site);
  const page = site.page;
  const knownAnswer = (id: string, where: string, what: string) => {
    if (!ctx.compiled.answers.has(id))
      problems.push(error('unknown-answer', where, `${what} answer "${id}", which does not exist`));
  };
  if (!site.role) {
    page.routing?.forEach((rule, r) => {
      if ('page' in rule.goTo) {
        const message = targetProblem(ctx, rule.goTo.page);
        if (message)
          problems.push(
            error(
              'unknown-page',
              `${at}/routing/${r}/goTo/page`,
              `routing rule ${r + 1} of ${name} goes to ${message}`,
            ),
          );
      }
    });
    if (page.kind === 'confirmation') {
      const message = targetProblem(ctx, page.rejectGoTo);
      if (message)
        problems.push(error('unknown-page', `${at}/rejectGoTo`, `${name} goes back to ${message} when not confirmed`));
    }
    if ((page.kind === 'relationships' || page.kind === 'primaryPerson') && !ctx.compiled.lists.has(page.list)) {
      problems.push(
        error('unknown-list', `${at}/list`, `${name} is for list "${page.list}", which no list collector collects`),
      );
    }
    if (page.kind === 'calculatedSummary') {
      page.answers.forEach((id, i) => {
        knownAnswer(id, `${at}/answers/${i}`, `${name} adds up`);
      });
    }
  }
  for (const question of site.questions) {
    const q = question.question;
    q.totals?.forEach((rule, t) => {
      rule.answers?.forEach((id, i) => {
        knownAnswer(
          id,
          `${question.pointer}/totals/${t}/answers/${i}`,
          `total rule ${t + 1} of question "${q.id}" adds up`,
        );
      });
    });
    if (q.exclusiveAnswer !== undefined) {
      knownAnswer(q.exclusiveAnswer, `${question.pointer}/exclusiveAnswer`, `question "${q.id}" has as exclusive`);
    }
  }
  return problems;
}

/** Why a page id cannot be routed to, if it cannot. */
function targetProblem(ctx: CheckContext, id: string): string | undefined {
  const target = ctx.pageById.get(id);
  if (!target) return `page "${id}", which does not exist`;
  if (target.role)
    return `"${id}", the ${target.role} page of list collector "${target.page.id}", which is not routed to directly`;
  return undefined;
}
