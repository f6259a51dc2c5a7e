/** Key pairs and token signing for the launch tests: generated per run, never stored. */
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

export interface TestKeyPair {
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function testKeyPair(alg: 'ES256' | 'RS256' | 'PS256', kid?: string): Promise<TestKeyPair> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), ...(kid ? { kid } : {}) } };
}

export const jwksOf = (...pairs: TestKeyPair[]) => JSON.stringify({ keys: pairs.map((pair) => pair.publicJwk) });

export function signToken(
  pair: TestKeyPair,
  alg: string,
  /** Any object: tests sign claims of the wrong types on purpose. */
  claims: object,
  header: Record<string, unknown> = {},
): Promise<string> {
  return new SignJWT(claims as JWTPayload)
    .setProtectedHeader({ alg, ...(pair.publicJwk.kid ? { kid: pair.publicJwk.kid } : {}), ...header })
    .sign(pair.privateKey);
}
