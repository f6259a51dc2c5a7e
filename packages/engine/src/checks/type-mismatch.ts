import type { Answer, DetailAnswer, Expression } from '@eq/schema';
import type { CheckContext } from './context.ts';
import { operands, operatorOf } from './expression-nodes.ts';
import type { ExpressionSite } from './expression-sites.ts';
import { type Check, error, type Problem } from './problem.ts';
import {
  answerValueType,
  comparable,
  dateLike,
  joinTypes,
  literalType,
  metadataValueType,
  orderable,
  typeName,
  type ValueType,
} from './value-types.ts';

const CODE = 'type-mismatch';

/** Infers a type for every expression node and reports operators given operands they cannot use. */
export const typeMismatch: Check = (ctx) =>
  ctx.expressions.flatMap((site) => {
    const problems: Problem[] = [];
    const type = inferType(ctx, site, problems);
    const expected = expectedType(site);
    if (expected && !expected.accepts(type)) {
      problems.push(error(CODE, site.pointer, `${site.describe} must be ${expected.name}, not ${typeName(type)}`));
    }
    return problems;
  });

function expectedType(site: ExpressionSite): { name: string; accepts: (t: ValueType) => boolean } | undefined {
  switch (site.role) {
    case 'condition':
      return { name: 'true or false', accepts: is('boolean') };
    case 'total':
    case 'count':
      return { name: 'a number', accepts: is('number') };
    case 'bound':
      return site.answer ? boundType(site.answer) : undefined;
    default:
      return undefined;
  }
}

/** What validation can apply as a bound (answers/bounds.ts): a year answer takes a year or the year of a date. */
function boundType(answer: Answer | DetailAnswer): { name: string; accepts: (t: ValueType) => boolean } | undefined {
  if (answer.type === 'year') return { name: 'a year or a date', accepts: is('number', 'date', 'dateText') };
  const type = answerValueType(answer);
  if (type === 'date') return { name: 'a date', accepts: is('date', 'dateText') };
  if (type === 'number') return { name: 'a number', accepts: is('number') };
  return undefined;
}

function inferType(ctx: CheckContext, site: ExpressionSite, problems: Problem[]): ValueType {
  const report = (at: string, message: string) => problems.push(error(CODE, at, `${site.describe}: ${message}`));

  const infer = (node: Expression, at: string): ValueType => {
    const literal = literalType(node);
    if (literal) return literal;
    const op = operatorOf(node) ?? '';
    const value = (node as Record<string, unknown>)[op];
    // Leaves first: they are most nodes, and need none of the operand work below.
    const leaf = leafType(ctx, op, node, value);
    if (leaf) return leaf;
    const args = operands(node, at);
    const types = args.map(([arg, argAt]) => infer(arg, argAt));
    const [a = 'unknown', b = 'unknown'] = types;
    const label = (i: number) => describeOperand(args[i]?.[0] ?? null, types[i] ?? 'unknown');
    const requireEach = (accepts: (t: ValueType) => boolean, need: string) =>
      types.forEach((t, i) => {
        if (!accepts(t)) report(args[i]?.[1] ?? at, `${op} needs ${need}, but got ${label(i)}`);
      });
    switch (op) {
      case 'date':
        requireEach(dateLike, 'a date');
        return 'date';
      case 'age':
        requireEach(dateLike, 'a date');
        return 'number';
      case 'count':
        requireEach(is('array'), 'a list');
        return 'number';
      case 'sum':
        requireEach(is('number', 'array'), 'numbers');
        return 'number';
      case 'concat':
        return 'string';
      case 'first': {
        // After a mismatch (reported once) the type is unknown, so uses of it raise nothing more.
        let common: ValueType = 'unknown';
        for (const [i, t] of types.entries()) {
          const joined = joinTypes(common, t);
          if (joined === undefined) {
            report(
              args[i]?.[1] ?? at,
              `first needs operands of one type, but got ${label(i)} after ${typeName(common)}`,
            );
            return 'unknown';
          }
          common = joined;
        }
        return common;
      }
      case 'and':
      case 'or':
      case 'not':
        requireEach(is('boolean'), 'conditions (true or false)');
        return 'boolean';
      case '==':
      case '!=':
        if (!comparable(a, b)) report(at, `compares ${label(0)} with ${label(1)}, which can never be equal`);
        return 'boolean';
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (!orderable(a, b)) report(at, `${op} cannot order ${label(0)} and ${label(1)}`);
        return 'boolean';
      case 'in':
        if (a === 'array') report(at, `in needs a single value on the left, but got ${label(0)}`);
        if (!is('array')(b)) report(at, `in needs a list on the right, but got ${label(1)}`);
        else if (Array.isArray(args[1]?.[0]) && !args[1][0].every((v) => comparable(a, literalType(v) ?? 'unknown'))) {
          report(at, `in looks for ${label(0)} in a list of values of another type`);
        }
        return 'boolean';
      case 'any-in':
      case 'all-in':
        requireEach(is('array'), 'lists on both sides');
        return 'boolean';
      default:
        return 'unknown';
    }
  };
  return infer(site.expression, site.pointer);
}

/** The type of a node whose operands are ids or keywords, not expressions; undefined for other nodes. */
function leafType(ctx: CheckContext, op: string, node: Expression, value: unknown): ValueType | undefined {
  switch (op) {
    case 'answer':
      return answerRefType(ctx, node as { answer: string; item?: string });
    case 'metadata':
      return metadataValueType(ctx.compiled.metadata.get(String(value)));
    case 'listCount':
    case 'calculated':
      return 'number';
    case 'itemLabel':
    case 'sectionStatus':
      return 'string';
    case 'itemLabels':
      return 'array';
    case 'isPrimary':
    case 'answered':
    case 'unanswered':
      return 'boolean';
    default:
      return undefined;
  }
}

function is(...types: ValueType[]): (t: ValueType) => boolean {
  return (t) => t === 'unknown' || types.includes(t);
}

function answerRefType(ctx: CheckContext, ref: { answer: string; item?: string }): ValueType {
  const info = ctx.compiled.answers.get(ref.answer);
  if (!info) return 'unknown';
  return info.list && ref.item === 'all' ? 'array' : answerValueType(info.answer);
}

function describeOperand(node: Expression, type: ValueType): string {
  const op = operatorOf(node);
  const typed = `(${typeName(type)})`;
  if (op === undefined) return `${literalText(node)} ${typed}`;
  const value = (node as Record<string, unknown>)[op];
  if (op === 'answer' || op === 'metadata' || op === 'listCount' || op === 'calculated' || op === 'sectionStatus') {
    return `${op} "${String(value)}" ${typed}`;
  }
  return `the ${op} ${typed}`;
}

function literalText(node: Expression): string {
  const text = JSON.stringify(node);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
