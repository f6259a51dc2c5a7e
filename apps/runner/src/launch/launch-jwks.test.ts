import { generateKeyPairSync } from 'node:crypto';
import { exportJWK, generateKeyPair, generateSecret } from 'jose';
import { describe, expect, it } from 'vitest';
import { parseLaunchJwks } from './launch-jwks.ts';
import { createLaunchTokenVerifier } from './launch-token.ts';

async function publicAndPrivate(alg: string, options: { crv?: string } = {}) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, ...options });
  return { publicJwk: await exportJWK(publicKey), privateJwk: await exportJWK(privateKey) };
}

const set = (...keys: object[]) => JSON.stringify({ keys });

describe('parseLaunchJwks', () => {
  it('accepts public EC P-256 and RSA keys, with or without alg, kid and use', async () => {
    const ec = await publicAndPrivate('ES256');
    const rsa = await publicAndPrivate('RS256');
    const text = set({ ...ec.publicJwk, alg: 'ES256', kid: 'a', use: 'sig' }, rsa.publicJwk);
    expect(parseLaunchJwks(text)).toEqual(JSON.parse(text));
  });

  it('refuses text that is not JSON or not a key set', () => {
    expect(() => parseLaunchJwks('not json')).toThrow(/LAUNCH_JWKS is not JSON/);
    expect(() => parseLaunchJwks('{"keys": []}')).toThrow(/at least one key/);
    expect(() => parseLaunchJwks('[]')).toThrow(/LAUNCH_JWKS is not usable/);
  });

  it('refuses a private key, naming the problem', async () => {
    const ec = await publicAndPrivate('ES256');
    expect(() => parseLaunchJwks(set(ec.privateJwk))).toThrow(/public keys only/);
  });

  it('refuses a shared secret (oct) key', async () => {
    const secret = await exportJWK(await generateSecret('HS256', { extractable: true }));
    expect(() => parseLaunchJwks(set(secret))).toThrow(/only EC P-256 \(ES256\) and RSA \(RS256\)/);
  });

  it('refuses other curves, short RSA keys, keys for other algorithms and encryption keys', async () => {
    const p384 = await publicAndPrivate('ES384');
    expect(() => parseLaunchJwks(set(p384.publicJwk))).toThrow(/P-256/);
    const short = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    expect(() => parseLaunchJwks(set(short))).toThrow(/2048 bits/);
    const rsa = await publicAndPrivate('RS256');
    expect(() => parseLaunchJwks(set({ ...rsa.publicJwk, alg: 'RS512' }))).toThrow(/RS256/);
    expect(() => parseLaunchJwks(set({ ...rsa.publicJwk, use: 'enc' }))).toThrow(/"use"/);
    const ed = await publicAndPrivate('EdDSA', { crv: 'Ed25519' });
    expect(() => parseLaunchJwks(set(ed.publicJwk))).toThrow(/only EC P-256/);
  });

  it('makes creating a verifier with an unusable set fail at start-up', () => {
    expect(() => createLaunchTokenVerifier({ jwks: '' })).toThrow(/LAUNCH_JWKS/);
  });
});
