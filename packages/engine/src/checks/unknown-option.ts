import type { Expression } from '@eq/schema';
import type { CheckContext } from './context.ts';
import { forEachNode, operatorOf } from './expression-nodes.ts';
import { type Check, type Problem, warning } from './problem.ts';

const COMPARISONS = new Set(['==', '!=', 'in', 'any-in', 'all-in']);
const SECTION_STATUSES = ['notStarted', 'inProgress', 'completed'];

/**
 * A radio, checkbox or dropdown answer (or a section status) compared with a literal that is not
 * one of its values: the comparison can never match, usually because of a typo or a renamed option.
 */
export const unknownOptions: Check = (ctx) =>
  ctx.expressions.flatMap((site) => {
    const problems: Problem[] = [];
    forEachNode(site.expression, site.pointer, (node, at) => {
      const op = operatorOf(node);
      if (op === undefined || !COMPARISONS.has(op)) return;
      const pair = (node as Record<string, unknown>)[op];
      if (!Array.isArray(pair)) return;
      pair.forEach((side: Expression, i) => {
        const other = pair[1 - i] as Expression;
        const source = optionSource(ctx, side);
        if (!source) return;
        for (const [value, valueAt] of literalStrings(other, `${at}/${op}/${1 - i}`)) {
          if (source.values.includes(value)) continue;
          const message = `${site.describe} compares ${source.name} with "${value}", which is not one of its values (${list(source.values)})`;
          problems.push(warning('unknown-option', valueAt, message));
        }
      });
    });
    return problems;
  });

function optionSource(ctx: CheckContext, node: Expression): { name: string; values: string[] } | undefined {
  const op = operatorOf(node);
  const id = op === undefined ? '' : String((node as Record<string, unknown>)[op]);
  if (op === 'sectionStatus') return { name: `the status of section "${id}"`, values: SECTION_STATUSES };
  if (op !== 'answer') return undefined;
  const answer = ctx.compiled.answers.get(id)?.answer;
  if (answer?.type !== 'radio' && answer?.type !== 'checkbox' && answer?.type !== 'dropdown') return undefined;
  return { name: `answer "${id}"`, values: answer.options.map((o) => o.value) };
}

function literalStrings(node: Expression, at: string): [string, string][] {
  if (typeof node === 'string') return [[node, at]];
  if (!Array.isArray(node)) return [];
  return node.flatMap((v, i): [string, string][] => (typeof v === 'string' ? [[v, `${at}/${i}`]] : []));
}

function list(values: string[]): string {
  const shown = values.slice(0, 10).join(', ');
  return values.length > 10 ? `${shown}, …` : shown;
}
