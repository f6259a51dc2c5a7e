import { error, type Problem, pointer } from './problem.ts';

/** The parts of a zod issue the messages use. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  errors?: SchemaIssue[][];
  issues?: SchemaIssue[];
  keys?: string[];
  expected?: string;
  note?: string;
  discriminator?: string;
}

type Path = (string | number)[];

/** Turns zod issues into `schema-invalid` problems with readable messages and pointers into the input. */
export function schemaProblems(issues: readonly SchemaIssue[], input: unknown): Problem[] {
  return issues.flatMap((issue) => fromIssue(issue, [], input));
}

function fromIssue(issue: SchemaIssue, base: Path, input: unknown): Problem[] {
  const path = [...base, ...issue.path.map(segment)];
  if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
    const branch = closestBranch(issue.errors, valueAt(input, path));
    if (branch) return branch.flatMap((inner) => fromIssue(inner, path, input));
  }
  if (issue.code === 'unrecognized_keys' && path.join('/') === 'flow' && issue.keys?.includes('requiredSections')) {
    return [error('required-sections-not-hub', '/flow', 'requiredSections only applies to a hub flow')];
  }
  return [error('schema-invalid', pointer(...path), `${context(input, path)}${describe(issue, path, input)}`)];
}

/** Issues saying a value is not of the expected kind (or, when there is no value, that it is missing). */
const MISMATCHES = ['invalid_type', 'invalid_value', 'invalid_union'];

function describe(issue: SchemaIssue, path: Path, input: unknown): string {
  const value = valueAt(input, path);
  if (value === undefined && path.length > 0 && MISMATCHES.includes(issue.code)) return `missing "${path.at(-1)}"`;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, got ${kindOf(value)}`;
    case 'unrecognized_keys': {
      const keys = issue.keys ?? [];
      return `unknown ${keys.length === 1 ? 'property' : 'properties'} ${keys.map(quote).join(', ')}`;
    }
    case 'invalid_key':
      return `invalid key ${quote(String(path.at(-1) ?? ''))}: ${(issue.issues ?? []).map((i) => i.message).join('; ')}`;
    case 'invalid_union':
      if (issue.discriminator !== undefined) {
        const allowed = issue.message.replace(/^Invalid discriminator value\. Expected /, '');
        return `${quote(String(value))} is not one of ${allowed}`;
      }
      return unionMessage(issue.errors ?? [], value);
    default:
      return issue.message;
  }
}

/**
 * The branch of a union the input was most likely meant to be: the one with fewest mismatches at
 * the top (wrong type, unknown or missing keys), when exactly one has the fewest and its type fits.
 */
function closestBranch(branches: SchemaIssue[][], value: unknown): SchemaIssue[] | undefined {
  const scored = branches.map((issues) => ({ issues, score: topMismatches(issues, value) }));
  const best = Math.min(...scored.map((s) => s.score));
  const candidates = scored.filter((s) => s.score === best);
  const [first] = candidates;
  if (!first || (best > 0 && candidates.length > 1)) return undefined;
  const wrongType = first.issues.some((i) => i.path.length === 0 && i.code === 'invalid_type');
  return wrongType ? undefined : candidates.sort((a, b) => a.issues.length - b.issues.length)[0]?.issues;
}

function topMismatches(issues: SchemaIssue[], value: unknown): number {
  return issues.filter((i) => {
    if (i.path.length === 0) return i.code === 'unrecognized_keys' || MISMATCHES.includes(i.code);
    return i.path.length === 1 && valueAt(value, [segment(i.path[0])]) === undefined;
  }).length;
}

function unionMessage(branches: SchemaIssue[][], value: unknown): string {
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1) return `no allowed form has the key ${quote(keys[0] ?? '')}`;
    return keys.length === 0
      ? 'an empty object is not allowed here'
      : `no allowed form has the keys ${keys.map(quote).join(', ')}`;
  }
  const expected = new Set(
    branches
      .flat()
      .flatMap((i) => (i.path.length === 0 && i.code === 'invalid_type' && i.expected ? [i.expected] : [])),
  );
  return expected.size > 0 ? `expected ${[...expected].join(' or ')}, got ${kindOf(value)}` : 'not an allowed value';
}

const CONTAINERS: Record<string, string> = {
  sections: 'section',
  pages: 'page',
  itemPage: 'page',
  removePage: 'page',
  question: 'question',
  answers: 'answer',
  detailAnswer: 'answer',
};

/** Names the innermost section, page, question or answer holding the path: `page "age": `. */
function context(input: unknown, path: Path): string {
  let value = input;
  let kind: string | undefined;
  let found = '';
  for (const seg of path) {
    if (typeof seg === 'string') kind = CONTAINERS[seg];
    value = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[seg] : undefined;
    if (kind && isObject(value) && typeof value.id === 'string') found = `${kind} ${quote(value.id)}: `;
  }
  return found;
}

function valueAt(input: unknown, path: Path): unknown {
  let value = input;
  for (const seg of path) {
    if (!isObject(value) && !Array.isArray(value)) return undefined;
    if (!Object.hasOwn(value, seg)) return undefined;
    value = (value as Record<string, unknown>)[seg];
  }
  return value;
}

function segment(key: PropertyKey | undefined): string | number {
  return typeof key === 'number' ? key : String(key);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
