import { Questionnaire } from '@eq/schema';
import { CHECKS } from './all-checks.ts';
import { checkContext } from './context.ts';
import { shapeFault } from './input-shape.ts';
import { error, type Problem, pointer } from './problem.ts';
import { schemaProblems } from './schema-problems.ts';

/** Deeper than any sensible questionnaire, shallow enough for the schema parser's recursion. */
const MAX_NESTING = 100;
/** About 40 times the values of a 300-page questionnaire. */
const MAX_VALUES = 2_000_000;

export interface CheckResult {
  /** The parsed questionnaire, when it matches the schema (it may still have semantic problems). */
  questionnaire?: Questionnaire;
  problems: Problem[];
}

/**
 * Checks a questionnaire document: first against the schema (reporting only schema problems if it
 * fails), then every semantic check. Errors block publishing; warnings do not. Never throws.
 */
export function checkQuestionnaire(input: unknown): CheckResult {
  const fault = shapeFault(input, MAX_NESTING, MAX_VALUES);
  if (fault) {
    const message =
      fault.reason === 'too-deep'
        ? `nested more than ${MAX_NESTING} levels deep (or in a cycle)`
        : `more than ${MAX_VALUES} values: too large to be a questionnaire`;
    return { problems: [error('schema-invalid', pointer(...fault.path), message)] };
  }
  const parsed = Questionnaire.safeParse(input);
  if (!parsed.success) return { problems: sortProblems(schemaProblems(parsed.error.issues, input)) };
  const ctx = checkContext(parsed.data);
  return { questionnaire: parsed.data, problems: sortProblems(CHECKS.flatMap((check) => check(ctx))) };
}

/** Document order of pointers (numeric segments compared as numbers), duplicates dropped. */
function sortProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.code}\u0000${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => comparePointers(a.path, b.path));
}

function comparePointers(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [s, t] = [x[i] ?? '', y[i] ?? ''];
    if (s === t) continue;
    const [m, n] = [Number(s), Number(t)];
    if (s !== '' && t !== '' && Number.isInteger(m) && Number.isInteger(n)) return m - n;
    return s < t ? -1 : 1;
  }
  return x.length - y.length;
}
