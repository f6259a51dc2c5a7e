import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkQuestionnaire } from './check-questionnaire.ts';

/** The shared fixture and example questionnaires are correct, so the checks must raise nothing on them. */
const folders = ['fixtures', 'examples'].map((name) => new URL(`../../../schema/${name}/`, import.meta.url));
const files = folders.flatMap((folder) =>
  readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => new URL(file, folder)),
);

describe('shared fixtures and examples', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((url) => [url.pathname.split('/').slice(-2).join('/'), url] as const))(
    '%s has no problems',
    (_, url) => {
      expect(checkQuestionnaire(JSON.parse(readFileSync(url, 'utf8'))).problems).toEqual([]);
    },
  );
});
