import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { questionnaireJsonSchema } from './json-schema.ts';
import { Questionnaire } from './questionnaire.ts';

const checkedIn = JSON.parse(readFileSync(new URL('../questionnaire.schema.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validate = ajv.compile(checkedIn);

/** A small valid questionnaire; each invalid case below breaks one thing in a copy of it. */
const valid = {
  formatVersion: 1,
  id: 'tiny',
  title: 'Tiny survey',
  languages: ['en'],
  flow: { type: 'linear' },
  sections: [
    {
      id: 'about-you',
      title: 'About you',
      pages: [
        {
          id: 'age',
          kind: 'question',
          question: {
            id: 'age-question',
            title: 'What is your age?',
            answers: [{ id: 'age-answer', type: 'number', label: 'Age', qCode: '1', mandatory: true }],
          },
        },
      ],
    },
  ],
};

type Path = (string | number)[];
const answerPath: Path = ['sections', 0, 'pages', 0, 'question', 'answers', 0];
const pointer = (path: Path) => path.map((p) => `/${p}`).join('');

/** A copy of the valid questionnaire with the value at `path` replaced, or removed when `value` is undefined. */
function changed(path: Path, value: unknown): unknown {
  const doc = structuredClone(valid);
  let node = doc as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] ?? '';
  if (value === undefined) delete node[last];
  else node[last] = value;
  return doc;
}

describe('questionnaire.schema.json', () => {
  it('is the schema generated from the zod schema (run `pnpm build` after changing the format)', () => {
    expect(checkedIn).toEqual(questionnaireJsonSchema());
  });

  it('is a valid draft 2020-12 JSON Schema', () => {
    expect(checkedIn.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.validateSchema(checkedIn)).toBe(true);
  });

  it('accepts the same small questionnaire as the zod schema', () => {
    expect(Questionnaire.safeParse(valid).success).toBe(true);
    expect(validate(valid)).toBe(true);
  });
});

describe.each([
  {
    problem: 'an unknown property on an answer',
    doc: changed([...answerPath, 'colour'], 'red'),
    zod: { path: answerPath, code: 'unrecognized_keys' },
    ajv: { path: pointer(answerPath), keyword: 'additionalProperties', params: { additionalProperty: 'colour' } },
  },
  {
    problem: 'an unknown property on the questionnaire',
    doc: changed(['author'], 'someone'),
    zod: { path: [], code: 'unrecognized_keys' },
    ajv: { path: '', keyword: 'additionalProperties', params: { additionalProperty: 'author' } },
  },
  {
    problem: 'a page id with spaces and capitals',
    doc: changed(['sections', 0, 'pages', 0, 'id'], 'Your Age'),
    zod: { path: ['sections', 0, 'pages', 0, 'id'], code: 'invalid_format' },
    ajv: { path: '/sections/0/pages/0/id', keyword: 'pattern', params: {} },
  },
  {
    problem: 'an answer without a qCode',
    doc: changed([...answerPath, 'qCode'], undefined),
    zod: { path: [...answerPath, 'qCode'], code: 'invalid_type' },
    ajv: { path: pointer(answerPath), keyword: 'required', params: { missingProperty: 'qCode' } },
  },
  {
    problem: 'an answer type that does not exist',
    doc: changed([...answerPath, 'type'], 'slider'),
    zod: { path: [...answerPath, 'type'], code: 'invalid_union' },
    ajv: { path: pointer([...answerPath, 'type']), keyword: 'const', params: {} },
  },
])('a questionnaire with $problem', ({ doc, zod, ajv: expected }) => {
  it('is refused by the zod schema, which points at the problem', () => {
    const issues = Questionnaire.safeParse(doc).error?.issues ?? [];
    expect(issues.map((i) => ({ path: i.path, code: i.code }))).toContainEqual(zod);
  });

  it('is refused by the JSON Schema, which points at the problem', () => {
    expect(validate(doc)).toBe(false);
    const errors = (validate.errors ?? []).map((e) => ({ path: e.instancePath, keyword: e.keyword, params: e.params }));
    expect(errors).toContainEqual({ ...expected, params: expect.objectContaining(expected.params) });
  });
});
