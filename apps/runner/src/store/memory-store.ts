import type { QueuedItem, ResponseStore, Versioned } from './response-store.ts';
import { ttlMilliseconds } from './ttl.ts';

export interface MemoryStoreOptions {
  /** Milliseconds since the epoch; tests pass a fake clock to expire records without waiting. */
  now?: () => number;
  /** How often expired records are swept out (they are also dropped when read). */
  sweepIntervalMs?: number;
}

interface Expiring {
  expiresAt: number;
}

interface MemoryRecord extends Expiring {
  value: Buffer;
  revision: number;
}

interface MemoryQueued {
  payload: string;
  dueAt: number;
  attempts: number;
}

const DEFAULT_SWEEP_INTERVAL_MS = 60_000;

/**
 * The store for a single development instance: everything lives in this process, so it is lost
 * on restart and not shared with other instances. Behaves as the Redis store does (same contract
 * tests); operations are synchronous inside their promises, so each is atomic as a Lua script is.
 */
export class MemoryStore implements ResponseStore {
  private readonly records = new Map<string, MemoryRecord>();
  private readonly claims = new Map<string, Expiring>();
  private readonly queues = new Map<string, Map<string, MemoryQueued>>();
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(() => this.sweep(), options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  // Values are copied in and out, as they are on their way to and from Redis: a caller changing
  // its buffer afterwards changes nothing stored.
  async read(key: string): Promise<Versioned | undefined> {
    const record = this.live(this.records, key);
    return record && { value: Buffer.from(record.value), revision: record.revision };
  }

  async write(
    key: string,
    value: string | Uint8Array,
    revision: number,
    ttlSeconds: number,
  ): Promise<number | undefined> {
    const current = this.live(this.records, key)?.revision ?? 0;
    if (current !== revision) return undefined;
    const next = current + 1;
    this.records.set(key, { value: Buffer.from(value), revision: next, expiresAt: this.expiry(ttlSeconds) });
    return next;
  }

  async claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.live(this.claims, key)) return false;
    this.claims.set(key, { expiresAt: this.expiry(ttlSeconds) });
    return true;
  }

  async enqueue(queue: string, id: string, payload: string, dueAt: number): Promise<void> {
    const items = this.queue(queue);
    if (!items.has(id)) items.set(id, { payload, dueAt, attempts: 0 });
  }

  async claimDue(queue: string, now: number, limit: number, leaseMs: number): Promise<QueuedItem[]> {
    const items = this.queues.get(queue);
    if (!items || limit < 1) return [];
    // Due time then id: the order of a Redis sorted set, so both stores claim the same items.
    const due = [...items]
      .filter(([, item]) => item.dueAt <= now)
      .sort(([a, x], [b, y]) => x.dueAt - y.dueAt || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, Math.floor(limit));
    return due.map(([id, item]) => {
      const claimed = { id, payload: item.payload, attempts: item.attempts };
      item.attempts += 1;
      item.dueAt = now + leaseMs;
      return claimed;
    });
  }

  async acknowledge(queue: string, id: string): Promise<void> {
    const items = this.queues.get(queue);
    items?.delete(id);
    if (items?.size === 0) this.queues.delete(queue);
  }

  async reschedule(queue: string, id: string, dueAt: number): Promise<void> {
    const item = this.queues.get(queue)?.get(id);
    if (item) item.dueAt = dueAt;
  }

  async queueLength(queue: string): Promise<number> {
    return this.queues.get(queue)?.size ?? 0;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('the memory store is closed');
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
  }

  /** Records and claims held, expired ones not yet swept included (for tests and metrics). */
  get size(): number {
    return this.records.size + this.claims.size;
  }

  /** Drops every expired record and claim. */
  sweep(): void {
    const now = this.now();
    for (const map of [this.records, this.claims] as Map<string, Expiring>[]) {
      for (const [key, entry] of map) if (entry.expiresAt <= now) map.delete(key);
    }
  }

  private live<T extends Expiring>(map: Map<string, T>, key: string): T | undefined {
    const entry = map.get(key);
    if (entry === undefined || entry.expiresAt > this.now()) return entry;
    map.delete(key);
    return undefined;
  }

  private expiry(ttlSeconds: number): number {
    return this.now() + ttlMilliseconds(ttlSeconds);
  }

  private queue(name: string): Map<string, MemoryQueued> {
    const items = this.queues.get(name) ?? new Map<string, MemoryQueued>();
    this.queues.set(name, items);
    return items;
  }
}
