// biome-ignore lint/correctness/noNodejsModules: tests read the shared questionnaires; no engine code and not the testing index imports this file
import { readdirSync, readFileSync } from 'node:fs';
import { Questionnaire } from '@eq/schema';

/** The schema package, which holds the questionnaires shared by every level of tests. */
const schemaPackage = new URL('../../../schema/', import.meta.url);

function read(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, schemaPackage), 'utf8'));
}

/** A named fixture questionnaire (packages/schema/fixtures/<name>.json), parsed. */
export function fixture(name: string): Questionnaire {
  return Questionnaire.parse(read(`fixtures/${name}.json`));
}

/** A named example questionnaire (packages/schema/examples/<name>.json), parsed. */
export function example(name: string): Questionnaire {
  return Questionnaire.parse(read(`examples/${name}.json`));
}

export interface SharedQuestionnaire {
  /** `fixtures/<file>` or `examples/<file>`. */
  name: string;
  /** The file as written. */
  document: unknown;
  q: Questionnaire;
}

/** Every fixture and example, in name order, read afresh so that new files are picked up. */
export function sharedQuestionnaires(): SharedQuestionnaire[] {
  return ['fixtures', 'examples'].flatMap((folder) =>
    readdirSync(new URL(`${folder}/`, schemaPackage))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => {
        const document = read(`${folder}/${file}`);
        return { name: `${folder}/${file}`, document, q: Questionnaire.parse(document) };
      }),
  );
}
