export interface BackoffOptions {
  /** The first delay (default 5 s); each attempt doubles it. */
  baseMs?: number;
  /** The longest delay (default 1 h). */
  maxMs?: number;
  /** A number in [0, 1) (tests pass a fixed one). */
  random?: () => number;
}

/**
 * Delay before the next try, after `attempts` failed ones (0 after the first): exponential, capped,
 * with "equal jitter" (between half and all of the step), so instances retrying after an outage
 * spread out instead of all hitting the author app again at the same moment.
 */
export function exponentialBackoff(options: BackoffOptions = {}): (attempts: number) => number {
  const baseMs = options.baseMs ?? 5_000;
  const maxMs = options.maxMs ?? 3_600_000;
  const random = options.random ?? Math.random;
  return (attempts) => {
    const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempts, 52)));
    return Math.round(step / 2 + (random() * step) / 2);
  };
}
