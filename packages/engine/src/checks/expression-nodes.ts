import type { Expression } from '@eq/schema';
import { operandKind } from '../operands.ts';

type Node = Record<string, unknown>;

/** The operator of an expression node (its single key), or undefined for literals and literal arrays. */
export function operatorOf(expression: Expression): string | undefined {
  if (expression === null || typeof expression !== 'object' || Array.isArray(expression)) return undefined;
  // The first own key, without building the array of all of them: this runs for every node.
  for (const key in expression) if (Object.hasOwn(expression, key)) return key;
  return undefined;
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
  const nodes: Expression[] = [expression];
  const pointers: string[] = [at];
  while (nodes.length > 0) {
    const node = nodes.pop() as Expression;
    const here = pointers.pop() as string;
    visit(node, here);
    // Literals have no operands: most nodes are, so they skip building an empty list.
    if (node === null || typeof node !== 'object') continue;
    const children = operands(node, here);
    for (let i = children.length - 1; i >= 0; i--) {
      const [child, pointer] = children[i] as [Expression, string];
      nodes.push(child);
      pointers.push(pointer);
    }
  }
}
