import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Question } from './question.ts';
import { Questionnaire } from './questionnaire.ts';

const packageRoot = new URL('../', import.meta.url);

interface JsonFile {
  folder: string;
  file: string;
  json: unknown;
}

function jsonDocuments(folder: string): JsonFile[] {
  const dir = new URL(`${folder}/`, packageRoot);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ folder, file, json: JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as unknown }));
}

const fixtures = jsonDocuments('fixtures');
const documents = [...fixtures, ...jsonDocuments('examples')];
const jsonSchema = JSON.parse(readFileSync(new URL('questionnaire.schema.json', packageRoot), 'utf8')) as object;
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(jsonSchema);

const BILINGUAL = new Set(['welsh', 'plural-forms']);

/** Every question of a questionnaire, including variants and list collector sub-pages. */
function questions(q: Questionnaire): Question[] {
  return q.sections.flatMap((section) =>
    section.pages.flatMap((page) => {
      if (page.kind === 'content' || page.kind === 'calculatedSummary') return [];
      const own = [page.question, ...(page.variants ?? []).map((v) => v.question)];
      if (page.kind !== 'listCollector') return own;
      const subPages = [page.itemPage, page.removePage];
      return [...own, ...subPages.flatMap((sub) => [sub.question, ...(sub.variants ?? []).map((v) => v.question)])];
    }),
  );
}

describe.each(documents)('$folder/$file', ({ json }) => {
  it('parses with the zod schema', () => {
    const result = Questionnaire.safeParse(json);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('validates against questionnaire.schema.json', () => {
    validate(json);
    expect(validate.errors ?? []).toEqual([]);
  });
});

describe.each(fixtures)('fixture $file', ({ file, json }) => {
  const name = file.replace(/\.json$/, '');
  // Parsed inside each test so that an invalid fixture fails its tests rather than the whole file.
  const parse = () => Questionnaire.parse(json);

  it('is named after its file and points at the JSON Schema', () => {
    const q = parse();
    expect(q.id).toBe(name);
    expect(q.$schema).toBe('../questionnaire.schema.json');
  });

  it('is written in English, and in Welsh only where it tests Welsh', () => {
    expect(parse().languages).toEqual(BILINGUAL.has(name) ? ['en', 'cy'] : ['en']);
  });

  it('gives each answer its own qCode', () => {
    // Variants repeat their answers, so a qCode may appear more than once but only for one answer id.
    const owners = new Map<string, string>();
    const answers = questions(parse()).flatMap((question) =>
      question.answers.flatMap((answer) => [
        answer,
        ...('options' in answer ? answer.options.flatMap((o) => (o.detailAnswer ? [o.detailAnswer] : [])) : []),
      ]),
    );
    for (const { qCode, id } of answers) {
      expect(owners.get(qCode) ?? id, `qCode ${qCode}`).toBe(id);
      owners.set(qCode, id);
    }
    expect(owners.size).toBeGreaterThan(0);
  });
});

describe('fixtures/README.md', () => {
  const readme = readFileSync(new URL('fixtures/README.md', packageRoot), 'utf8');
  const listed = [...readme.matchAll(/^\|\s*`([a-z0-9-]+\.json)`\s*\|/gm)].map((m) => m[1]);

  it('lists every fixture once, and no fixture that does not exist', () => {
    expect([...listed].sort()).toEqual(fixtures.map((f) => f.file));
  });
});
