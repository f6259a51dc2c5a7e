/**
 * Development only: a launch-signing key pair generated on the first start into the data folder,
 * so `npm start` works with no set-up: the author app signs launch tokens with the private key and
 * the runner trusts the public half. In production the runner's public keys come from
 * `LAUNCH_JWKS`, the author's private key from `LAUNCH_SIGNING_KEY`.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { LaunchClaims } from '@eq/schema';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { z } from 'zod';
import { createFileOnce, readIfExists } from './create-once.ts';

export interface DevLaunchKeys {
  /** The public key as a JSON Web Key Set: what `LAUNCH_JWKS` would hold. */
  jwks: string;
  /** The private key (with `kid`): what `LAUNCH_SIGNING_KEY` would hold. */
  privateJwk: JWK;
}

export const LAUNCH_KEYS_FILE = 'launch-keys.json';
const DEFAULT_LIFETIME_SECONDS = 300;

const EcJwk = z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() });
const KeyFile = z.object({
  privateJwk: EcJwk.extend({ d: z.string(), kid: z.string() }),
  jwks: z.object({ keys: z.array(EcJwk).min(1) }),
});

async function readKeyFile(file: string): Promise<DevLaunchKeys | undefined> {
  const text = await readIfExists(file);
  if (text === undefined) return undefined;
  let keys: z.infer<typeof KeyFile>;
  try {
    keys = KeyFile.parse(JSON.parse(text));
  } catch {
    throw new Error(`${file} is not a launch key file: delete it to generate new development keys`);
  }
  return { jwks: JSON.stringify(keys.jwks), privateJwk: keys.privateJwk };
}

async function generateKeyFile(): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
  return JSON.stringify({ privateJwk, jwks: { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] } }, null, 2);
}

/**
 * The development launch keys in `<dataDir>/launch-keys.json`, generated the first time. Two
 * processes starting together (the author app and the runner) end up with the same keys.
 */
export async function ensureDevLaunchKeys(dataDir: string): Promise<DevLaunchKeys> {
  const file = join(dataDir, LAUNCH_KEYS_FILE);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  await createFileOnce(file, await generateKeyFile());
  const created = await readKeyFile(file);
  if (!created) throw new Error(`${file} vanished while it was being created`);
  return created;
}

/** Claims for a development token: `iat` defaults to now, `exp` to 5 minutes later, `jti` to a new UUID. */
export type DevLaunchClaims = Omit<LaunchClaims, 'exp' | 'iat' | 'jti'> &
  Partial<Pick<LaunchClaims, 'exp' | 'iat' | 'jti'>>;

/** A launch token signed with the development key, as the author app would issue one. */
export async function signDevLaunchToken(privateJwk: JWK, claims: DevLaunchClaims, now = new Date()): Promise<string> {
  const iat = claims.iat ?? Math.floor(now.getTime() / 1000);
  const payload = {
    ...claims,
    iat,
    exp: claims.exp ?? iat + DEFAULT_LIFETIME_SECONDS,
    jti: claims.jti ?? randomUUID(),
  };
  const key = await importJWK(privateJwk, 'ES256');
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid, typ: 'JWT' }).sign(key);
}
