import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDevLaunchKeys, signDevLaunchToken } from './launch-keys.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'eq-dev-keys-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('ensureDevLaunchKeys', () => {
  it('generates a key pair into launch-keys.json, readable only by its owner', async () => {
    const keys = await ensureDevLaunchKeys(join(dataDir, 'nested'));
    const file = join(dataDir, 'nested', 'launch-keys.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      privateJwk: keys.privateJwk,
      jwks: JSON.parse(keys.jwks),
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('gives public keys only in the key set', async () => {
    const { jwks, privateJwk } = await ensureDevLaunchKeys(dataDir);
    const [publicJwk] = JSON.parse(jwks).keys;
    expect(publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: privateJwk.kid });
    expect(publicJwk).not.toHaveProperty('d');
    expect(privateJwk).toHaveProperty('d');
  });

  it('returns the same keys on every later start', async () => {
    const first = await ensureDevLaunchKeys(dataDir);
    expect(await ensureDevLaunchKeys(dataDir)).toEqual(first);
  });

  it('gives processes starting together the same keys', async () => {
    const all = await Promise.all(Array.from({ length: 5 }, () => ensureDevLaunchKeys(dataDir)));
    expect(new Set(all.map((keys) => keys.privateJwk.kid)).size).toBe(1);
  });

  it('refuses a damaged key file, saying how to recover', async () => {
    await writeFile(join(dataDir, 'launch-keys.json'), '{"privateJwk":');
    await expect(ensureDevLaunchKeys(dataDir)).rejects.toThrow(/delete it to generate new development keys/);
  });
});

describe('signDevLaunchToken', () => {
  it('mints an ES256 token that verifies against the development key set', async () => {
    const { jwks, privateJwk } = await ensureDevLaunchKeys(dataDir);
    const now = new Date('2025-06-01T09:00:00Z');
    const token = await signDevLaunchToken(privateJwk, { questionnaire: 'demo', response_id: 'dev-1' }, now);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(JSON.parse(jwks)), {
      algorithms: ['ES256'],
      currentDate: now,
    });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: privateJwk.kid, typ: 'JWT' });
    expect(payload).toMatchObject({ questionnaire: 'demo', response_id: 'dev-1', iat: 1748768400, exp: 1748768700 });
  });

  it('gives every token its own jti unless one is given', async () => {
    const { privateJwk } = await ensureDevLaunchKeys(dataDir);
    const claims = { questionnaire: 'demo', response_id: 'dev-1' };
    const [one, two] = await Promise.all([
      signDevLaunchToken(privateJwk, claims),
      signDevLaunchToken(privateJwk, claims),
    ]);
    expect(decodeJwt(one).jti).not.toBe(decodeJwt(two).jti);
    expect(decodeJwt(await signDevLaunchToken(privateJwk, { ...claims, jti: 'fixed' })).jti).toBe('fixed');
  });
});
