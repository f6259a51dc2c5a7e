import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A bundled example questionnaire: its file name (without `.json`) and its definition as JSON. */
export interface Example {
  name: string;
  definition: Record<string, unknown>;
}

/** The example questionnaires of @eq/schema (`packages/schema/examples/*.json`), by file name. */
export function bundledExamples(): Example[] {
  const dir = dirname(createRequire(import.meta.url).resolve('@eq/schema/examples/README.md'));
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file.slice(0, -'.json'.length),
      definition: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>,
    }));
}
