import { generateSecret, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLaunchTokenVerifier, type LaunchTokenVerifier } from './launch-token.ts';
import { jwksOf, signToken, type TestKeyPair, testKeyPair } from './test-keys.ts';

const NOW = new Date('2025-06-01T09:00:00Z');
const T = NOW.getTime() / 1000;

const claims = {
  questionnaire: 'census-household',
  version: 2,
  response_id: 'resp-0001',
  respondent_ref: '49900012345',
  metadata: { ru_name: 'Acme Ltd', employees: 12 },
  lang: 'cy',
  iat: T - 5,
  exp: T + 300,
  jti: 'a3b9c1d2-0000-4000-8000-000000000001',
};

let ec: TestKeyPair;
let rsa: TestKeyPair;
let stranger: TestKeyPair;
let verifier: LaunchTokenVerifier;

beforeAll(async () => {
  [ec, rsa, stranger] = await Promise.all([
    testKeyPair('ES256', 'ec-1'),
    testKeyPair('RS256', 'rsa-1'),
    testKeyPair('ES256'),
  ]);
  verifier = createLaunchTokenVerifier({ jwks: jwksOf(ec, rsa) });
});

const failureOf = async (token: unknown, v = verifier) => {
  const result = await v.verify(token, NOW);
  return result.ok ? 'accepted' : result.reason;
};

describe('a launch token', () => {
  it('is accepted when signed with ES256 by a key of the set, with its claims', async () => {
    expect(await verifier.verify(await signToken(ec, 'ES256', claims), NOW)).toEqual({ ok: true, claims });
  });

  it('is accepted when signed with RS256 by a key of the set', async () => {
    expect(await verifier.verify(await signToken(rsa, 'RS256', claims), NOW)).toEqual({ ok: true, claims });
  });

  it('is accepted without a kid when several keys of its type could have signed it', async () => {
    const [first, second] = await Promise.all([testKeyPair('ES256'), testKeyPair('ES256')]);
    const rotating = createLaunchTokenVerifier({ jwks: jwksOf(first, second) });
    expect(await failureOf(await signToken(second, 'ES256', claims), rotating)).toBe('accepted');
    expect(await failureOf(await signToken(stranger, 'ES256', claims), rotating)).toBe('signature');
  });

  it('keeps registered claims and drops unknown ones', async () => {
    const token = await signToken(ec, 'ES256', { ...claims, iss: 'author', aud: 'runner', nbf: T - 5, team: 'x' });
    expect(await verifier.verify(token, NOW)).toEqual({
      ok: true,
      claims: { ...claims, iss: 'author', aud: 'runner', nbf: T - 5 },
    });
  });
});

describe('a launch token that is not signed by a trusted key', () => {
  it('is refused when signed by a key outside the set', async () => {
    expect(await failureOf(await signToken(stranger, 'ES256', claims))).toBe('signature');
    expect(await failureOf(await signToken(stranger, 'ES256', claims, { kid: 'ec-1' }))).toBe('signature');
  });

  it('is refused when its claims were changed after signing', async () => {
    const [header, , signature] = (await signToken(ec, 'ES256', claims)).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, response_id: 'someone-else' })).toString('base64url');
    expect(await failureOf(`${header}.${forged}.${signature}`)).toBe('signature');
  });

  it('is refused when unsigned (alg none)', async () => {
    expect(await failureOf(new UnsecuredJWT(claims).encode())).toBe('signature');
  });

  it('is refused when signed with HS256 using a public key as the secret', async () => {
    for (const pair of [ec, rsa]) {
      const secret = new TextEncoder().encode(JSON.stringify(pair.publicJwk));
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: pair.publicJwk.kid })
        .sign(secret);
      expect(await failureOf(token)).toBe('signature');
    }
  });

  it('is refused when signed with an algorithm other than ES256 and RS256, even by a key of the set', async () => {
    const pss = await testKeyPair('PS256', 'pss-1');
    const withPss = createLaunchTokenVerifier({ jwks: jwksOf(ec, pss) });
    expect(await failureOf(await signToken(pss, 'PS256', claims), withPss)).toBe('signature');
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(await generateSecret('HS512'));
    expect(await failureOf(hs512)).toBe('signature');
  });
});

describe('a launch token out of its time', () => {
  it('is refused once expired, beyond the clock tolerance', async () => {
    expect(await failureOf(await signToken(ec, 'ES256', { ...claims, exp: T - 31 }))).toBe('expired');
    expect(await failureOf(await signToken(ec, 'ES256', { ...claims, exp: T - 20 }))).toBe('accepted');
  });

  it('is refused when issued in the future or not valid yet', async () => {
    expect(await failureOf(await signToken(ec, 'ES256', { ...claims, iat: T + 120, exp: T + 600 }))).toBe(
      'not-yet-valid',
    );
    expect(await failureOf(await signToken(ec, 'ES256', { ...claims, nbf: T + 120 }))).toBe('not-yet-valid');
  });

  it('is refused when issued longer ago than the max age, even before it expires', async () => {
    const old = await signToken(ec, 'ES256', { ...claims, iat: T - 700, exp: T + 3600 });
    expect(await failureOf(old)).toBe('too-old');
    const patient = createLaunchTokenVerifier({ jwks: jwksOf(ec), maxAgeSeconds: 900 });
    expect(await failureOf(old, patient)).toBe('accepted');
  });

  it('uses the given clock tolerance', async () => {
    const strict = createLaunchTokenVerifier({ jwks: jwksOf(ec), clockToleranceSeconds: 0 });
    expect(await failureOf(await signToken(ec, 'ES256', { ...claims, exp: T - 1 }), strict)).toBe('expired');
  });
});

describe('a launch token with bad claims', () => {
  it.each(['questionnaire', 'response_id', 'exp', 'iat', 'jti'] as const)('is refused without %s', async (missing) => {
    const { [missing]: _removed, ...rest } = claims;
    const result = await verifier.verify(await signToken(ec, 'ES256', rest), NOW);
    expect(result).toMatchObject({ ok: false, reason: 'claims' });
    expect(result.ok ? '' : result.detail).toContain(missing);
  });

  it('is refused when a claim has the wrong type, without repeating the value', async () => {
    const token = await signToken(ec, 'ES256', { ...claims, metadata: { ru_name: { secret: 'TOP-SECRET' } } });
    const result = await verifier.verify(token, NOW);
    expect(result).toMatchObject({ ok: false, reason: 'claims' });
    expect(JSON.stringify(result)).not.toContain('TOP-SECRET');
    expect(await failureOf(await signToken(ec, 'ES256', { ...claims, version: '2' }))).toBe('claims');
    expect(await failureOf(await signToken(ec, 'ES256', { ...claims, response_id: '../admin' }))).toBe('claims');
  });

  it('is refused when exp is not a number', async () => {
    expect(await failureOf(await signToken(ec, 'ES256', { ...claims, exp: 'tomorrow' }))).toBe('claims');
  });
});

describe('garbage instead of a token', () => {
  it.each([
    ['an empty string', ''],
    ['a word', 'hello'],
    ['three empty parts', '..'],
    ['three bad parts', 'a.b.c'],
    ['a header that is not JSON', `${Buffer.from('{').toString('base64url')}.e30.sig`],
    ['markup', '<script>alert(1)</script>'],
    ['a huge string', 'x'.repeat(100_000)],
    ['a number', 42],
    ['an array of tokens', ['a.b.c']],
    ['nothing', undefined],
  ])('refuses %s as malformed or unsigned', async (_name, token) => {
    expect(['malformed', 'signature']).toContain(await failureOf(token));
  });

  it('never throws on random strings', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const pieces = ['.', 'eyJ', 'hbGciOiJFUzI1NiJ9', '=', '%', '\u0000', 'é', '{}', 'e30', '-', '_'];
    for (let run = 0; run < 300; run++) {
      const token = Array.from({ length: random() % 12 }, () => pieces[random() % pieces.length]).join('');
      const result = await verifier.verify(token, NOW);
      expect(result.ok).toBe(false);
    }
  });
});
