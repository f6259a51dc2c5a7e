import type { Expression } from '@eq/schema';
import { operandKind } from '../operands.ts';

type Node = Record<string, unknown>;

/** The operator of an expression node (its single key), or undefined for literals and literal arrays. */
export function operatorOf(expression: Expression): string | undefined {
  if (expression === null || typeof expression !== 'object' || Array.isArray(expression)) return undefined;
  return Object.keys(expression)[0];
}

/** The operands of a node with their JSON pointers. */
export function operands(expression: Expression, at: string): [Expression, string][] {
  if (Array.isArray(expression)) return expression.map((e, i) => [e, `${at}/${i}`]);
  const op = operatorOf(expression);
  if (op === undefined) return [];
  const value = (expression as Node)[op];
  switch (operandKind(op)) {
    case 'one':
      return op === 'date' && value === 'today' ? [] : [[value as Expression, `${at}/${op}`]];
    case 'list':
    case 'pair':
      return Array.isArray(value) ? value.map((e, i) => [e as Expression, `${at}/${op}/${i}`]) : [];
    default:
      return [];
  }
}

/** Visits every node of an expression, parents before their operands. */
export function forEachNode(expression: Expression, at: string, visit: (node: Expression, at: string) => void): void {
  const stack: [Expression, string][] = [[expression, at]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    visit(next[0], next[1]);
    stack.push(...operands(next[0], next[1]).reverse());
  }
}
