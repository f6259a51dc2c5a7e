import { randomUUID } from 'node:crypto';
import { jwksOf, signToken, type TestKeyPair, testKeyPair } from '../launch/test-keys.ts';

export interface Launcher {
  /** The public key as LAUNCH_JWKS. */
  jwks: string;
  keys: TestKeyPair;
  /**
   * A launch token signed with the key: issued now, valid for 5 minutes, a new jti, unless the
   * claims say otherwise.
   */
  token(claims: Record<string, unknown>): Promise<string>;
}

/** A launch-signing key generated for the test, as the author app or a survey system holds one. */
export async function launcher(): Promise<Launcher> {
  const keys = await testKeyPair('ES256', 'test-launch-key');
  return {
    jwks: jwksOf(keys),
    keys,
    token(claims) {
      const iat = Math.floor(Date.now() / 1000);
      return signToken(keys, 'ES256', { iat, exp: iat + 300, jti: randomUUID(), ...claims });
    },
  };
}

/** The URL that launches a token. */
export function launchUrl(token: string): string {
  return `/session?token=${encodeURIComponent(token)}`;
}
