import { LaunchClaims } from '@eq/schema';
import { createLocalJWKSet, errors, type JWTPayload, type JWTVerifyOptions, jwtVerify } from 'jose';
import { parseLaunchJwks } from './launch-jwks.ts';
import { type LaunchTokenPolicy, resolvePolicy } from './policy.ts';

export type LaunchTokenFailureReason = 'malformed' | 'signature' | 'expired' | 'not-yet-valid' | 'too-old' | 'claims';

export type LaunchTokenResult =
  | { ok: true; claims: LaunchClaims }
  /** `detail` says what was wrong for the logs; it never repeats the token or its claim values. */
  | { ok: false; reason: LaunchTokenFailureReason; detail: string };

export interface LaunchTokenVerifierOptions extends LaunchTokenPolicy {
  /** `LAUNCH_JWKS`: a JSON Web Key Set of public ES256 or RS256 keys. */
  jwks: string;
}

export interface LaunchTokenVerifier {
  /** Never throws; `now` is for tests. */
  verify(token: unknown, now?: Date): Promise<LaunchTokenResult>;
}

/** Longer than any real launch token; refused before any parsing. */
const MAX_TOKEN_LENGTH = 16_384;
const ALGORITHMS = ['ES256', 'RS256'];

const failure = (reason: LaunchTokenFailureReason, detail: string): LaunchTokenResult => ({
  ok: false,
  reason,
  detail,
});

/** Maps jose's errors to the reasons the launch page explains. */
function classify(error: unknown): LaunchTokenResult {
  if (!(error instanceof errors.JOSEError)) return failure('malformed', 'the token could not be read');
  if (error instanceof errors.JWTExpired) {
    return failure(error.claim === 'iat' ? 'too-old' : 'expired', error.message);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const early = (error.claim === 'nbf' || error.claim === 'iat') && error.reason === 'check_failed';
    return failure(early ? 'not-yet-valid' : 'claims', error.message);
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid)
    return failure('malformed', error.message);
  // Algorithm not allowed, no (or no valid) key, signature mismatch: not signed by a trusted key.
  return failure('signature', error.message);
}

/**
 * Several keys can match a token without a `kid` (two keys of one type during a rotation):
 * jose then reports them all, and the token is valid if any of them verifies it.
 */
async function verifyWithAnyKey(
  token: string,
  keys: ReturnType<typeof createLocalJWKSet>,
  options: JWTVerifyOptions,
): Promise<JWTPayload> {
  try {
    return (await jwtVerify(token, keys, options)).payload;
  } catch (error) {
    if (!(error instanceof errors.JWKSMultipleMatchingKeys)) throw error;
    let lastError: unknown = error;
    for await (const key of error) {
      try {
        return (await jwtVerify(token, key, options)).payload;
      } catch (keyError) {
        lastError = keyError;
        if (!(keyError instanceof errors.JWSSignatureVerificationFailed)) break;
      }
    }
    throw lastError;
  }
}

/**
 * Verifies launch tokens: signed with ES256 or RS256 by a key of `LAUNCH_JWKS`, within their
 * time limits, issued no longer ago than the max age, with claims of the right types. Throws at
 * creation when `jwks` is unusable (configuration is checked at start-up). The replay guard is
 * the caller's: `ResponseStore.claimOnce(replayKey(claims), replayTtlSeconds(claims, now))`.
 */
export function createLaunchTokenVerifier(options: LaunchTokenVerifierOptions): LaunchTokenVerifier {
  const keys = createLocalJWKSet(parseLaunchJwks(options.jwks));
  const { clockToleranceSeconds, maxAgeSeconds } = resolvePolicy(options);
  return {
    async verify(token, now = new Date()) {
      if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
        return failure('malformed', 'not a token');
      }
      let payload: JWTPayload;
      try {
        payload = await verifyWithAnyKey(token, keys, {
          algorithms: ALGORITHMS,
          clockTolerance: clockToleranceSeconds,
          maxTokenAge: maxAgeSeconds,
          requiredClaims: ['exp', 'iat', 'jti'],
          currentDate: now,
        });
      } catch (error) {
        return classify(error);
      }
      const claims = LaunchClaims.safeParse(payload);
      if (!claims.success) {
        return failure('claims', claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      }
      return { ok: true, claims: claims.data };
    },
  };
}
