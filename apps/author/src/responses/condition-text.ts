import type { Expression } from '@eq/schema';

/**
 * A condition (or any expression) as readable text for a codebook, e.g.
 * `answer 'has-job' == "yes" and not (number of items in 'people' < 2)`. Literals are written as
 * JSON, so text values are quoted and lists are bracketed.
 */
export function conditionText(expression: Expression): string {
  if (expression === null || typeof expression !== 'object') return JSON.stringify(expression);
  if (Array.isArray(expression)) return JSON.stringify(expression);
  const node = expression as Record<string, unknown>;
  const [operator] = Object.keys(node);
  const arg = operator === undefined ? undefined : node[operator];
  const pair = arg as [Expression, Expression];
  const list = arg as Expression[];
  switch (operator) {
    case 'answer':
      return answerRef(node as { answer: string; item?: string });
    case 'metadata':
      return `metadata '${String(arg)}'`;
    case 'listCount':
      return `number of items in '${String(arg)}'`;
    case 'itemLabel':
      return `name of the ${itemName(String(arg))}`;
    case 'itemLabels':
      return `names of the items in '${String(arg)}'`;
    case 'isPrimary':
      return `the ${itemName(String(arg))} is the respondent`;
    case 'calculated':
      return `total of '${String(arg)}'`;
    case 'sectionStatus':
      return `status of section '${String(arg)}'`;
    case 'date': {
      const base = arg === 'today' ? 'today' : conditionText(arg as Expression);
      const offset = (node as { offset?: Record<string, number> }).offset;
      const shift = offset
        ? Object.entries(offset)
            .map(([unit, n]) => `${n < 0 ? '-' : '+'} ${Math.abs(n)} ${unit}`)
            .join(' ')
        : '';
      return shift ? `${base} ${shift}` : base;
    }
    case 'age':
      return `age from ${conditionText(arg as Expression)}`;
    case 'count':
      return `count of ${conditionText(arg as Expression)}`;
    case 'sum':
      return `sum of (${list.map(conditionText).join(', ')})`;
    case 'concat':
      return `(${list.map(conditionText).join(' followed by ')})`;
    case 'first':
      return `first answered of (${list.map(conditionText).join(', ')})`;
    case 'and':
      return list.map(joined).join(' and ');
    case 'or':
      return list.map(joined).join(' or ');
    case 'not':
      return `not ${grouped(arg as Expression)}`;
    case 'answered':
      return `${answerRef(arg as { answer: string; item?: string })} is answered`;
    case 'unanswered':
      return `${answerRef(arg as { answer: string; item?: string })} is not answered`;
    case 'in':
      return `${conditionText(pair[0])} is one of ${conditionText(pair[1])}`;
    case 'any-in':
      return `${conditionText(pair[0])} includes any of ${conditionText(pair[1])}`;
    case 'all-in':
      return `${conditionText(pair[0])} includes all of ${conditionText(pair[1])}`;
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return `${conditionText(pair[0])} ${operator} ${conditionText(pair[1])}`;
    default:
      return JSON.stringify(expression);
  }
}

/** An operand of `and` or `or`: comparisons bind tighter, other logic goes in brackets. */
function joined(expression: Expression): string {
  const text = conditionText(expression);
  return ['and', 'or', 'not'].some((op) => isOperator(expression, op)) ? `(${text})` : text;
}

function isOperator(expression: Expression, operator: string): boolean {
  return (
    expression !== null &&
    typeof expression === 'object' &&
    !Array.isArray(expression) &&
    Object.keys(expression)[0] === operator
  );
}

/** The operand of `not`: anything but a plain value in brackets. */
function grouped(expression: Expression): string {
  const text = conditionText(expression);
  const compound =
    expression !== null && typeof expression === 'object' && !Array.isArray(expression) && !isSimple(expression);
  return compound ? `(${text})` : text;
}

function isSimple(expression: object): boolean {
  const [operator] = Object.keys(expression);
  return ['answer', 'metadata', 'listCount', 'isPrimary', 'answered', 'unanswered', 'calculated'].includes(
    operator ?? '',
  );
}

function answerRef(ref: { answer: string; item?: string }): string {
  return ref.item && ref.item !== 'current'
    ? `answer '${ref.answer}' of the ${itemName(ref.item)}`
    : `answer '${ref.answer}'`;
}

function itemName(item: string): string {
  switch (item) {
    case 'to':
      return 'other person of the pair';
    case 'primary':
      return 'respondent';
    case 'all':
      return 'every item';
    default:
      return 'current item';
  }
}
