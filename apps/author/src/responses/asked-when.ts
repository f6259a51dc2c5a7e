import type { CompiledQuestionnaire } from '@eq/engine';
import type { Expression, Section } from '@eq/schema';
import { conditionText } from './condition-text.ts';

/** Conditions by their JSON text, so that the same condition met on two routes is one. */
type Conditions = Map<string, Expression>;

/**
 * When each page of a questionnaire is asked, as readable text: the conditions that hold on every
 * route to it. That is its section's `enabledWhen`, its own skip condition (negated), and whatever
 * routing rules and skip conditions of earlier pages of its section every route to it passes
 * through (a rule's condition, or the negation of the earlier rules it fell past). Conditions
 * that only some routes need are left out, so the text is exact for routing that branches and
 * joins again (the census ethnic group questions) and never claims more than every route needs.
 * "always" when nothing is needed.
 */
export function askedWhen(compiled: CompiledQuestionnaire): Map<string, string> {
  const out = new Map<string, string>();
  for (const { section } of compiled.sections.values()) {
    const asked = sectionConditions(section);
    for (const [pageId, conditions] of asked) {
      const all = section.enabledWhen === undefined ? [...conditions] : [section.enabledWhen, ...conditions];
      out.set(pageId, all.length === 0 ? 'always' : `when ${pruned(all).map(conditionText).join(' and ')}`);
    }
  }
  // A list collector's item page is asked where its collector is.
  for (const info of compiled.pages.values()) {
    if (info.role) out.set(info.id, out.get(info.page.id) ?? 'always');
  }
  return out;
}

function sectionConditions(section: Section): Map<string, Expression[]> {
  const pages = section.pages;
  const index = new Map(pages.map((page, i) => [page.id, i]));
  const reach: (Conditions | undefined)[] = pages.map(() => undefined);
  reach[0] = new Map();
  const join = (target: number, conditions: Conditions) => {
    if (target >= pages.length) return;
    const before = reach[target];
    reach[target] = before === undefined ? new Map(conditions) : intersect(before, conditions);
  };
  const out = new Map<string, Expression[]>();
  pages.forEach((page, i) => {
    const reached = reach[i];
    if (reached === undefined) return;
    const asked = page.skipWhen === undefined ? reached : withAll(reached, [negate(page.skipWhen)]);
    out.set(page.id, [...asked.values()]);
    if (page.skipWhen !== undefined) join(i + 1, withAll(reached, [page.skipWhen]));
    const passed: Expression[] = [];
    let fallsThrough = true;
    for (const rule of page.routing ?? []) {
      const edge = withAll(asked, [...passed.map(negate), ...(rule.when === undefined ? [] : [rule.when])]);
      const target = 'page' in rule.goTo ? index.get(rule.goTo.page) : undefined;
      if (target !== undefined && target > i) join(target, edge);
      if (rule.when === undefined) {
        fallsThrough = false;
        break;
      }
      passed.push(rule.when);
    }
    if (fallsThrough) join(i + 1, withAll(asked, passed.map(negate)));
  });
  return out;
}

function withAll(conditions: Conditions, more: Expression[]): Conditions {
  const out = new Map(conditions);
  for (const condition of more) out.set(JSON.stringify(condition), condition);
  return out;
}

function intersect(a: Conditions, b: Conditions): Conditions {
  return new Map([...a].filter(([key]) => b.has(key)));
}

function negate(condition: Expression): Expression {
  if (isNode(condition, 'not')) return (condition as { not: Expression }).not;
  if (isNode(condition, '==')) return { '!=': (condition as { '==': [Expression, Expression] })['=='] };
  if (isNode(condition, '!=')) return { '==': (condition as { '!=': [Expression, Expression] })['!='] };
  return { not: condition };
}

/**
 * Drops `x != a` beside `x == b` (a different literal): the equality says it already, as when
 * the census asks the mixed ethnic backgrounds after the rule for "white" did not apply.
 */
function pruned(conditions: Expression[]): Expression[] {
  const equal = new Map<string, unknown>();
  for (const c of conditions) {
    if (isNode(c, '==')) {
      const [left, right] = (c as { '==': [Expression, Expression] })['=='];
      equal.set(JSON.stringify(left), right);
    }
  }
  return conditions.filter((c) => {
    if (!isNode(c, '!=')) return true;
    const [left, right] = (c as { '!=': [Expression, Expression] })['!='];
    const known = equal.get(JSON.stringify(left));
    return known === undefined || typeof known === 'object' || known === right;
  });
}

function isNode(expression: Expression, operator: string): boolean {
  return (
    expression !== null &&
    typeof expression === 'object' &&
    !Array.isArray(expression) &&
    Object.keys(expression)[0] === operator
  );
}
