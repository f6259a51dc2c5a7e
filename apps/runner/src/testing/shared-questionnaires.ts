import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Questionnaire } from '@eq/schema';
import { bundledQuestionnaireDirs } from '../questionnaires/folder-source.ts';

export interface SharedQuestionnaire {
  /** `fixtures/<file>` or `examples/<file>`. */
  name: string;
  q: Questionnaire;
}

/** Every fixture and example of @eq/schema, read from disk (not from a runner, which leaves out any that fail its checks). */
export function sharedQuestionnaires(): SharedQuestionnaire[] {
  return bundledQuestionnaireDirs({ fixtures: true }).flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => ({
        name: `${basename(dir)}/${file}`,
        q: Questionnaire.parse(JSON.parse(readFileSync(join(dir, file), 'utf8'))),
      })),
  );
}
