import { existsSync, readFileSync } from 'node:fs';
import { Questionnaire } from '../packages/schema/src/index.ts';

const SCHEMA_PACKAGE = new URL('../packages/schema/', import.meta.url);

/** A bundled questionnaire by id: an example (`census-household`) or else a fixture (`routing-and`). */
export function bundledQuestionnaire(id: string): Questionnaire {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(id)) throw new Error(`not a questionnaire id: ${id}`);
  const file = ['examples', 'fixtures']
    .map((folder) => new URL(`${folder}/${id}.json`, SCHEMA_PACKAGE))
    .find((url) => existsSync(url));
  if (!file) throw new Error(`no bundled questionnaire ${id} in packages/schema/examples or fixtures`);
  return Questionnaire.parse(JSON.parse(readFileSync(file, 'utf8')));
}
