import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../testing/app.ts';
import { createLaunchSigner } from './launch-signer.ts';
import { publicJwks, runnerLaunchTokenVerifier } from './runner-code.ts';

const content = { questionnaire: 'census', response_id: 'response-1', metadata: { address: '1 High Street' } };
const NOW = new Date('2031-03-01T09:00:00Z');

describe('signing launch tokens', () => {
  it('signs tokens the runner accepts with the public half of the key (ES256)', async () => {
    const signer = createLaunchSigner(TEST_KEYS.launchSigningKey);
    const { token, expiresAt } = await signer.sign({ ...content, version: 3, lang: 'cy' }, 300, NOW);
    expect(expiresAt.toISOString()).toBe('2031-03-01T09:05:00.000Z');
    const verifier = await runnerLaunchTokenVerifier(publicJwks(JSON.parse(TEST_KEYS.launchSigningKey)));
    const verified = await verifier.verify(token, new Date(NOW.getTime() + 60_000));
    expect(verified).toEqual({
      ok: true,
      claims: expect.objectContaining({
        ...content,
        version: 3,
        lang: 'cy',
        iat: NOW.getTime() / 1000,
        exp: NOW.getTime() / 1000 + 300,
        jti: expect.any(String),
      }),
    });
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString());
    expect(header).toEqual({ alg: 'ES256', kid: 'test-launch-key', typ: 'JWT' });
  });

  it('gives every token its own jti, so the runner’s replay guard tells them apart', async () => {
    const signer = createLaunchSigner(TEST_KEYS.launchSigningKey);
    const jtis = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { token } = await signer.sign(content, 300, NOW);
      jtis.add(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).jti);
    }
    expect(jtis.size).toBe(5);
  });

  it('signs with RS256 for an RSA key, naming it by its thumbprint when it has no kid', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    const jwk = (await exportJWK(privateKey)) as Record<string, unknown>;
    const { token } = await createLaunchSigner(JSON.stringify(jwk)).sign(content, 120, NOW);
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString());
    expect(header.alg).toBe('RS256');
    expect(header.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const verifier = await runnerLaunchTokenVerifier(publicJwks({ ...jwk, kid: header.kid }));
    expect((await verifier.verify(token, NOW)).ok).toBe(true);
  });

  it('signs tokens a runner trusting another key refuses', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const other = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'test-launch-key' }] });
    const { token } = await createLaunchSigner(TEST_KEYS.launchSigningKey).sign(content, 300, NOW);
    const verified = await (await runnerLaunchTokenVerifier(other)).verify(token, NOW);
    expect(verified).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('refuses at once a key that is not a private ES256 or RS256 JSON Web Key', () => {
    expect(() => createLaunchSigner('not json')).toThrow(/not JSON/);
    const { d: _d, ...publicOnly } = JSON.parse(TEST_KEYS.launchSigningKey);
    expect(() => createLaunchSigner(JSON.stringify(publicOnly))).toThrow(/private EC P-256/);
    expect(() => createLaunchSigner(JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }))).toThrow(/private EC P-256/);
    const p384 = { ...JSON.parse(TEST_KEYS.launchSigningKey), crv: 'P-384' };
    expect(() => createLaunchSigner(JSON.stringify(p384))).toThrow(/private EC P-256/);
  });
});
