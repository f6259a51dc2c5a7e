import { randomUUID } from 'node:crypto';
import type { LaunchClaims } from '@eq/schema';
import { type CryptoKey, calculateJwkThumbprint, importJWK, type JWK, SignJWT } from 'jose';
import { z } from 'zod';

/** What the caller chooses; `iat`, `exp` and `jti` are the signer's. */
export type LaunchTokenContent = Omit<LaunchClaims, 'exp' | 'iat' | 'jti'>;

export interface SignedLaunchToken {
  token: string;
  expiresAt: Date;
}

export interface LaunchSigner {
  sign(content: LaunchTokenContent, lifetimeSeconds: number, now: Date): Promise<SignedLaunchToken>;
}

// Only what runners accept (ES256 on P-256, RS256): see the runner's launch-jwks.ts.
const PrivateJwk = z.discriminatedUnion('kty', [
  z.looseObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string(),
    y: z.string(),
    d: z.string(),
    alg: z.literal('ES256').optional(),
    kid: z.string().optional(),
  }),
  z.looseObject({
    kty: z.literal('RSA'),
    n: z.string(),
    e: z.string(),
    d: z.string(),
    alg: z.literal('RS256').optional(),
    kid: z.string().optional(),
  }),
]);

type PrivateJwk = JWK & z.infer<typeof PrivateJwk>;

/** The private key of LAUNCH_SIGNING_KEY's text, or what is wrong with it (checked with the configuration at start-up). */
export function parseSigningKey(text: string): { jwk: PrivateJwk } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'is not JSON: give a private JSON Web Key' };
  }
  const parsed = PrivateJwk.safeParse(json);
  if (!parsed.success) return { problem: 'must be a private EC P-256 (ES256) or RSA (RS256) JSON Web Key' };
  return { jwk: parsed.data as PrivateJwk };
}

/**
 * Signs launch tokens with the private JSON Web Key of LAUNCH_SIGNING_KEY: ES256 for an EC P-256
 * key, RS256 for an RSA key. The header names the key (`kid`): its own, or else its RFC 7638
 * thumbprint, which is also the kid the development keys give the public half runners trust.
 * Throws at once when the key is unusable, so a misconfigured app fails at start-up.
 */
export function createLaunchSigner(privateJwkText: string): LaunchSigner {
  const parsed = parseSigningKey(privateJwkText);
  if ('problem' in parsed) throw new Error(`LAUNCH_SIGNING_KEY ${parsed.problem}`);
  const { jwk } = parsed;
  const alg = jwk.kty === 'EC' ? 'ES256' : 'RS256';
  // Imported once, on first use (importing is asynchronous).
  let ready: Promise<{ key: CryptoKey | Uint8Array; kid: string }> | undefined;
  const prepare = async () => ({
    key: await importJWK(jwk, alg),
    kid: jwk.kid ?? (await calculateJwkThumbprint(jwk)),
  });

  return {
    async sign(content, lifetimeSeconds, now) {
      ready ??= prepare();
      const { key, kid } = await ready;
      const iat = Math.floor(now.getTime() / 1000);
      const exp = iat + lifetimeSeconds;
      const claims: LaunchClaims = { ...content, iat, exp, jti: randomUUID() };
      const token = await new SignJWT(claims).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);
      return { token, expiresAt: new Date(exp * 1000) };
    },
  };
}
