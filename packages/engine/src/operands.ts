import { BINARY_OPERATORS, type BinaryOperator } from '@eq/schema';

/** How an operator holds expressions: one, a list of them, or a pair to compare. */
export type OperandKind = 'one' | 'list' | 'pair';

/**
 * The operators whose operands are expressions, by how they hold them; every other operator
 * names an id or a keyword. (`date` holds one unless it is "today".)
 */
const OPERAND_KINDS: ReadonlyMap<string, OperandKind> = new Map<string, OperandKind>([
  ...(['date', 'age', 'count', 'not', 'answered', 'unanswered'] as const).map((op) => [op, 'one'] as const),
  ...(['sum', 'concat', 'first', 'and', 'or'] as const).map((op) => [op, 'list'] as const),
  ...BINARY_OPERATORS.map((op) => [op, 'pair'] as const),
]);

export function operandKind(op: string): OperandKind | undefined {
  return OPERAND_KINDS.get(op);
}

export function isBinaryOperator(op: string): op is BinaryOperator {
  return OPERAND_KINDS.get(op) === 'pair';
}
