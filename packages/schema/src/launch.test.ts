import { describe, expect, it } from 'vitest';
import { LaunchClaims } from './launch.ts';

const valid = {
  questionnaire: 'census-household',
  version: 3,
  response_id: 'resp_0001-abc',
  respondent_ref: '49900012345',
  metadata: { ru_name: 'Acme Ltd', employees: 12, first_return: false },
  lang: 'cy',
  preview: false,
  exp: 1767225600,
  iat: 1767225000,
  jti: 'b2c1d7e0-5d5a-4b8e-9a51-1f0c2a9e3d44',
};

const issuePaths = (claims: unknown) =>
  (LaunchClaims.safeParse(claims).error?.issues ?? []).map((i) => i.path.join('/'));

function without(key: keyof typeof valid): Record<string, unknown> {
  const { [key]: _removed, ...rest } = valid;
  return rest;
}

describe('LaunchClaims', () => {
  it('accepts a complete set of claims', () => {
    expect(LaunchClaims.parse(valid)).toEqual(valid);
  });

  it('accepts the minimum: questionnaire, response id, exp, iat and jti', () => {
    const minimal = { questionnaire: 'q', response_id: 'r', exp: 2, iat: 1, jti: 'j' };
    expect(LaunchClaims.parse(minimal)).toEqual(minimal);
  });

  it.each(['questionnaire', 'response_id', 'exp', 'iat', 'jti'] as const)('refuses claims without %s', (key) => {
    expect(issuePaths(without(key))).toEqual([key]);
  });

  it('keeps the registered JWT claims iss, sub, aud and nbf, and drops other unknown claims', () => {
    const extra = { ...valid, iss: 'author', sub: 'someone', aud: ['runner'], nbf: 1767225000, department: 'x' };
    expect(LaunchClaims.parse(extra)).toEqual({
      ...valid,
      iss: 'author',
      sub: 'someone',
      aud: ['runner'],
      nbf: 1767225000,
    });
  });

  it('is strict about types', () => {
    expect(issuePaths({ ...valid, version: '3' })).toEqual(['version']);
    expect(issuePaths({ ...valid, exp: '1767225600' })).toEqual(['exp']);
    expect(issuePaths({ ...valid, preview: 'true' })).toEqual(['preview']);
    expect(issuePaths({ ...valid, metadata: { ru_name: ['Acme'] } })).toEqual(['metadata/ru_name']);
    expect(issuePaths({ ...valid, metadata: { nested: { a: 1 } } })).toEqual(['metadata/nested']);
    expect(issuePaths({ ...valid, iss: 7 })).toEqual(['iss']);
  });

  it('refuses a version that is not a positive whole number', () => {
    expect(issuePaths({ ...valid, version: 0 })).toEqual(['version']);
    expect(issuePaths({ ...valid, version: 1.5 })).toEqual(['version']);
  });

  it('refuses a questionnaire that is not a slug and a response id that is not URL-safe', () => {
    expect(issuePaths({ ...valid, questionnaire: 'Census Household' })).toEqual(['questionnaire']);
    expect(issuePaths({ ...valid, response_id: '../../etc' })).toEqual(['response_id']);
    expect(issuePaths({ ...valid, response_id: '' })).toEqual(['response_id']);
    expect(issuePaths({ ...valid, response_id: 'a'.repeat(101) })).toEqual(['response_id']);
  });

  it('refuses over-long references and jtis, and an unknown language code', () => {
    expect(issuePaths({ ...valid, respondent_ref: 'r'.repeat(201) })).toEqual(['respondent_ref']);
    expect(issuePaths({ ...valid, jti: '' })).toEqual(['jti']);
    expect(issuePaths({ ...valid, jti: 'j'.repeat(201) })).toEqual(['jti']);
    expect(issuePaths({ ...valid, lang: 'Welsh' })).toEqual(['lang']);
  });

  it('refuses claims that are not an object', () => {
    for (const claims of [null, 'token', 42, [valid]]) expect(LaunchClaims.safeParse(claims).success).toBe(false);
  });
});
