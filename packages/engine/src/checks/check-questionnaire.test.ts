import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answer, questionnaireJson, questionPage, radio, section } from '../testing/build.ts';
import { checkQuestionnaire } from './check-questionnaire.ts';
import { householdSurvey } from './test-household.ts';

function expectWellFormed(input: unknown): void {
  const { problems } = checkQuestionnaire(input);
  for (const p of problems) {
    expect(p.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(['error', 'warning']).toContain(p.severity);
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.path === '' || p.path.startsWith('/')).toBe(true);
  }
}

describe('checkQuestionnaire', () => {
  it('returns the parsed questionnaire and no problems for a correct questionnaire', () => {
    const input = householdSurvey();
    const result = checkQuestionnaire(input);
    expect(result.problems).toEqual([]);
    expect(result.questionnaire?.id).toBe('household');
  });

  it('reports only schema problems when the schema fails, with readable messages', () => {
    const input = questionnaireJson({
      pages: [{ ...questionPage('p', [answer('a')]), kind: 'quiz' }],
      title: undefined,
      flow: { type: 'linear', requiredSections: ['s'] },
    });
    const result = checkQuestionnaire(input);
    expect(result.questionnaire).toBeUndefined();
    expect(result.problems).toEqual([
      {
        code: 'required-sections-not-hub',
        severity: 'error',
        path: '/flow',
        message: 'requiredSections only applies to a hub flow',
      },
      {
        code: 'schema-invalid',
        severity: 'error',
        path: '/sections/0/pages/0/kind',
        message:
          "page \"p\": \"quiz\" is not one of 'question' | 'content' | 'listCollector' | 'primaryPerson' | 'relationships' | 'calculatedSummary' | 'confirmation'",
      },
      { code: 'schema-invalid', severity: 'error', path: '/title', message: 'missing "title"' },
    ]);
  });

  it('follows the branch of a union the input was meant to be', () => {
    const skipWhen = { and: [{ '==': [{ answer: 'a' }, 1, 2] }, { answer: 'Not An Id' }, { foo: 1 }] };
    const input = questionnaireJson({ pages: [questionPage('p', [answer('a')], { skipWhen })] });
    const at = '/sections/0/pages/0/skipWhen/and';
    expect(checkQuestionnaire(input).problems.map((p) => [p.path, p.message])).toEqual([
      [`${at}/0/==`, 'page "p": Too big: expected array to have <=2 items'],
      [`${at}/1/answer`, 'page "p": use 1-80 lowercase letters, digits, "-" or "_", starting with a letter or digit'],
      [`${at}/2`, 'page "p": no allowed form has the key "foo"'],
    ]);
  });

  it('lists semantic problems in document order', () => {
    const pages = Array.from({ length: 12 }, (_, i) =>
      questionPage(`p${i}`, [radio(`a${i}`, ['x'])], { skipWhen: { '==': [{ answer: `a${i}` }, 'y'] } }),
    );
    const paths = checkQuestionnaire(questionnaireJson({ pages })).problems.map((p) => p.path);
    expect(paths.slice(0, 3)).toEqual([
      '/sections/0/pages/0/skipWhen/==/0',
      '/sections/0/pages/0/skipWhen/==/1',
      '/sections/0/pages/1/skipWhen/==/0',
    ]);
    expect(paths.at(-1)).toBe('/sections/0/pages/11/skipWhen/==/1');
  });

  it('never throws on junk', () => {
    const deepObject = Array.from({ length: 10_000 }).reduce<unknown>((inner) => ({ not: inner }), true);
    const deepArray = Array.from({ length: 10_000 }).reduce<unknown>((inner) => [inner], 1);
    const cyclic: Record<string, unknown> = { ...householdSurvey() };
    cyclic.sections = [cyclic];
    const hostile = questionnaireJson({
      sections: [section('__proto__', [questionPage('constructor', [answer('toString')])])],
      title: '\u0000{__proto__}'.repeat(1000),
      placeholders: { __proto__: { value: 1 }, constructor: { value: 2 } },
      ['__proto__']: { polluted: true },
    });
    for (const input of [
      undefined,
      null,
      0,
      '',
      'x'.repeat(1_000_000),
      [],
      [[]],
      {},
      deepObject,
      deepArray,
      cyclic,
      hostile,
    ]) {
      expectWellFormed(input);
    }
    expect(checkQuestionnaire(deepObject).problems[0]?.message).toBe(
      'nested more than 100 levels deep (or in a cycle)',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => expectWellFormed(input)),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON in place of any part of a correct questionnaire', () => {
    const paths = leafPaths(householdSurvey());
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const input = householdSurvey();
        setAt(input, path, value);
        expectWellFormed(input);
      }),
      { numRuns: 300 },
    );
  });
});

function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([key, child]) => leafPaths(child, [...path, key]))].filter((p) => p.length > 0);
}

function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let target: unknown = root;
  for (const key of path.slice(0, -1)) target = (target as Record<string | number, unknown>)[key];
  (target as Record<string | number, unknown>)[path.at(-1) ?? ''] = value;
}
