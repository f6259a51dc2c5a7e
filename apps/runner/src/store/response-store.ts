/**
 * Where runners keep everything about respondents between requests: Redis in production (any
 * instance can serve any request), an in-process memory store for a single development
 * instance. Records are opaque bytes (the responses layer encrypts before writing), so a
 * store never sees answers. Both implementations pass the contract tests in
 * `response-store.contract.ts`.
 */
export interface Versioned {
  /**
   * The bytes written (a string is written as its UTF-8). Read only: it may be a view of a larger
   * buffer (Redis's reply), so a caller keeping it past the request copies it.
   */
  value: Buffer;
  /** Increases on every write; 0 means "does not exist" in `write`. */
  revision: number;
}

export interface QueuedItem {
  id: string;
  payload: string;
  /** How many times the item was claimed before (0 on the first claim). */
  attempts: number;
}

export interface ResponseStore {
  /** The record and its revision, or undefined when absent or expired. */
  read(key: string): Promise<Versioned | undefined>;
  /**
   * Writes only if the record is still at `revision` (0: only if absent), sets its time to live,
   * and returns the new revision; undefined when another writer got there first (compare-and-set).
   */
  write(key: string, value: string | Uint8Array, revision: number, ttlSeconds: number): Promise<number | undefined>;
  /** True the first time a key is claimed within its time to live (launch-token replay guard). */
  claimOnce(key: string, ttlSeconds: number): Promise<boolean>;

  /** Durable queue (the submission outbox). Adding an id that is already queued changes nothing. */
  enqueue(queue: string, id: string, payload: string, dueAt: number): Promise<void>;
  /**
   * Claims up to `limit` items due at `now`, hiding them from other claimers for `leaseMs`; an
   * item neither acknowledged nor rescheduled by then is claimed again (a crashed instance).
   */
  claimDue(queue: string, now: number, limit: number, leaseMs: number): Promise<QueuedItem[]>;
  /** Removes a delivered item. */
  acknowledge(queue: string, id: string): Promise<void>;
  /** Makes a claimed item due again at `dueAt`. */
  reschedule(queue: string, id: string, dueAt: number): Promise<void>;
  /** Number of items in a queue (due or not), for readiness and metrics. */
  queueLength(queue: string): Promise<number>;

  /** Resolves when the store is reachable; rejects otherwise (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
