import type { Knex } from 'knex';
import { notFound } from '../http/errors.ts';
import type { Actor } from '../surveys/survey-repository.ts';
import { createQuestionnaire, findQuestionnaire, type SavedQuestionnaire } from './questionnaire-repository.ts';

/** The longest id the schema allows. */
const MAX_ID = 80;
const COPY_SUFFIX = /-copy(-\d+)?$/;

/**
 * The id of a copy: `<id>-copy`, else `<id>-copy-2`, `-copy-3`… (the first no questionnaire uses),
 * shortened to stay a valid id. A copy of a copy counts on from its original's id.
 */
export function copyId(id: string, taken: ReadonlySet<string>): string {
  const stem = id.replace(COPY_SUFFIX, '');
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const candidate = `${stem.slice(0, MAX_ID - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Copies a questionnaire's current definition, under a new definition id, into its own survey or
 * another, as a new questionnaire at revision 1 (without publishing settings or history).
 */
export async function duplicateQuestionnaire(
  db: Knex,
  input: { id: string; surveyId?: string | undefined },
  actor?: Actor,
): Promise<SavedQuestionnaire & { surveyId: string; definition: unknown }> {
  const source = await findQuestionnaire(db, input.id);
  if (!source) throw notFound('questionnaire');
  const original = source.definition as Record<string, unknown>;
  const id = copyId(String(original.id), await idsLike(db, String(original.id)));
  const definition = { ...original, id };
  const created = await createQuestionnaire(db, { surveyId: input.surveyId ?? source.survey_id, definition }, actor, {
    duplicatedFrom: input.id,
  });
  return { ...created, definition };
}

/** Definition ids in use that could clash with a copy's (they share the first characters). */
async function idsLike(db: Knex, id: string): Promise<Set<string>> {
  const prefix = id.replace(COPY_SUFFIX, '').slice(0, MAX_ID - '-copy-9999'.length);
  const rows = await db('questionnaires')
    .whereRaw("starts_with(definition->>'id', ?)", [prefix])
    .distinct<{ id: string }[]>(db.raw("definition->>'id' as id"));
  return new Set(rows.map((row) => row.id));
}
