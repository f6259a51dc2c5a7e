import { createHash } from 'node:crypto';
import type { LaunchClaims } from '@eq/schema';
import { type LaunchTokenPolicy, resolvePolicy } from './policy.ts';

/**
 * The store key that marks a token as used (`ResponseStore.claimOnce`). The jti is hashed so
 * an issuer's ids, whatever their characters or length, make short, safe keys.
 */
export function replayKey(claims: Pick<LaunchClaims, 'jti'>): string {
  return `launch-jti:${createHash('sha256').update(claims.jti).digest('base64url')}`;
}

/**
 * How long to remember a used token: for as long as verification could still accept it, that is
 * until the earlier of `exp` and `iat` + max age, plus the clock tolerance. At least 1 s, as a
 * store cannot keep a key for 0 s.
 */
export function replayTtlSeconds(
  claims: Pick<LaunchClaims, 'exp' | 'iat'>,
  now: Date,
  policy: LaunchTokenPolicy = {},
): number {
  const { clockToleranceSeconds, maxAgeSeconds } = resolvePolicy(policy);
  const acceptedUntil = Math.min(claims.exp, claims.iat + maxAgeSeconds) + clockToleranceSeconds;
  return Math.max(1, Math.ceil(acceptedUntil - now.getTime() / 1000));
}
