import { randomBytes, randomUUID } from 'node:crypto';
import { type DevLaunchClaims, signDevLaunchToken } from '@eq/dev-keys';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** Test support: everything a production runner requires, with keys made for one test run. */
export interface ProductionSetup {
  /** NODE_ENV=production with REDIS_URL, the keys, LAUNCH_JWKS and the author API. */
  env: Record<string, string>;
  /** The launch-signing private key (what the issuing system holds): sign tokens with `signLaunchToken`. */
  launchKey: JWK;
}

export interface ProductionSetupOptions {
  redisUrl: string;
  authorApiUrl: string;
  authorApiToken: string;
  /** A key prefix of this run's own, so runs sharing a Redis never meet (default `test:<uuid>:`). */
  keyPrefix?: string;
}

export async function productionSetup(options: ProductionSetupOptions): Promise<ProductionSetup> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const key = () => randomBytes(32).toString('base64url');
  return {
    env: {
      NODE_ENV: 'production',
      REDIS_URL: options.redisUrl,
      REDIS_KEY_PREFIX: options.keyPrefix ?? `test:${randomUUID()}:`,
      SESSION_KEY: key(),
      ANSWER_KEY: key(),
      ACCESS_CODE_KEY: key(),
      LAUNCH_JWKS: JSON.stringify({ keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] }),
      AUTHOR_API_URL: options.authorApiUrl,
      AUTHOR_API_TOKEN: options.authorApiToken,
    },
    launchKey: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
  };
}

/** A launch token for the setup's runners, as the issuing system would sign it. */
export function signLaunchToken(setup: Pick<ProductionSetup, 'launchKey'>, claims: DevLaunchClaims): Promise<string> {
  return signDevLaunchToken(setup.launchKey, claims);
}
