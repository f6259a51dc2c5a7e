/**
 * A time to live in whole milliseconds, at least 1: both stores take fractions of a second (tests
 * use short real TTLs), and a zero, negative or nonsense TTL expires at once rather than never.
 */
export function ttlMilliseconds(ttlSeconds: number): number {
  return Number.isFinite(ttlSeconds) ? Math.max(1, Math.round(ttlSeconds * 1000)) : 1;
}
