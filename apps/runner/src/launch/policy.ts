/** How strict launch-token checks are about time; shared by verification and the replay guard. */
export interface LaunchTokenPolicy {
  /** Allowed clock difference between the issuer and the runner (default 30 s). */
  clockToleranceSeconds?: number;
  /** Tokens issued longer ago than this are refused, whatever their `exp` (default 10 minutes). */
  maxAgeSeconds?: number;
}

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
export const DEFAULT_MAX_AGE_SECONDS = 600;

export function resolvePolicy(policy: LaunchTokenPolicy): Required<LaunchTokenPolicy> {
  return {
    clockToleranceSeconds: policy.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
    maxAgeSeconds: policy.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS,
  };
}
