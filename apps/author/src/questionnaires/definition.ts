import { checkQuestionnaire, type Problem, pointer } from '@eq/engine';
import { Questionnaire } from '@eq/schema';
import { ApiError } from '../http/errors.ts';
import { isStorableText } from '../surveys/text.ts';

/**
 * `\u0000` or an escaped surrogate, preceded by an even number of backslashes (so the escape is
 * JSON's, not text that happens to read "\u0000"). JSON.stringify writes whole surrogate pairs as
 * they are and escapes only unpaired halves.
 */
const UNSTORABLE_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

export interface CheckedDefinition {
  questionnaire: Questionnaire;
  /** Semantic problems (static checks): allowed in a draft, they block publishing. */
  problems: Problem[];
  /** The definition as JSON text, for the database. */
  json: string;
}

/**
 * Checks a definition before it is saved: structurally invalid documents (the schema refuses them,
 * or Postgres could not store their text) are refused with a 422 listing every problem with its
 * JSON pointer; semantic problems are returned for the draft to carry.
 */
export function checkDefinition(definition: unknown): CheckedDefinition {
  const { questionnaire, problems } = checkQuestionnaire(definition);
  if (!questionnaire) throw invalid(problems);
  const json = JSON.stringify(definition);
  // The JSON text shows any unstorable character as an escape, so only a hit costs a walk.
  const unstorable = UNSTORABLE_ESCAPE.test(json) ? unstorableText(definition) : [];
  if (unstorable.length > 0) throw invalid(unstorable);
  return { questionnaire, problems, json };
}

function invalid(problems: Problem[]): ApiError {
  return new ApiError(
    422,
    'invalid_questionnaire',
    `the definition is not a valid questionnaire (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'})`,
    problems,
  );
}

/**
 * Strings (values and keys) holding NUL or half a surrogate pair. Only called on documents the
 * schema accepted, whose depth the engine has already bounded.
 */
function unstorableText(document: unknown): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      if (!isStorableText(value)) problems.push(unstorable(path));
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, [...path, index]);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (!isStorableText(key)) problems.push(unstorable([...path, key]));
        visit(item, [...path, key]);
      }
    }
  };
  visit(document, []);
  return problems;
}

const unstorable = (path: (string | number)[]): Problem => ({
  code: 'schema-invalid',
  severity: 'error',
  path: pointer(...path),
  message: 'contains a NUL character or half of a surrogate pair, which cannot be stored',
});

/** The questionnaire's title in its first language, for lists. */
export function titleOf(questionnaire: Questionnaire): string {
  const { title, languages } = questionnaire;
  if (typeof title === 'string') return title;
  return title[languages[0] ?? ''] ?? Object.values(title)[0] ?? questionnaire.id;
}

/**
 * A stored definition with its keys in the schema's order (`formatVersion`, `id`, `title`…), as
 * people write it: jsonb keeps keys sorted by length instead. The schema has no defaults or
 * transforms, so its parse changes nothing but the order. A definition the schema no longer
 * accepts is returned as stored.
 */
export function inDocumentOrder(definition: unknown, parsed?: Questionnaire): unknown {
  if (parsed) return parsed;
  const result = Questionnaire.safeParse(definition);
  return result.success ? result.data : definition;
}
