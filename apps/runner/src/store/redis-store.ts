import type { Redis } from 'ioredis';
import { CLAIM_DUE, COMPARE_AND_SET, ENQUEUE } from './redis-scripts.ts';
import type { QueuedItem, ResponseStore, Versioned } from './response-store.ts';
import { ttlMilliseconds } from './ttl.ts';

export interface RedisStoreOptions {
  /** Put before every key, so several deployments can share one Redis. */
  keyPrefix?: string;
  /** How long `ping` waits for an answer before reporting Redis unreachable. */
  pingTimeoutMs?: number;
}

const STATUSES_WORTH_WAITING_FOR = new Set(['ready', 'wait', 'connecting', 'connect']);

/** The store's Lua scripts, added to the client by `defineCommand` (run by EVALSHA, loaded on first use). */
interface ScriptedRedis extends Redis {
  eqCompareAndSet(key: string, revision: number, value: string | Uint8Array, ttlMs: number): Promise<number | null>;
  eqEnqueue(due: string, payloads: string, id: string, payload: string, dueAt: number): Promise<number>;
  eqClaimDue(
    due: string,
    payloads: string,
    attempts: string,
    now: number,
    limit: number,
    leaseUntil: number,
  ): Promise<(string | number)[]>;
}

/**
 * The production store: any runner instance can serve any request. Records are hashes
 * `{rev, value}` written by a compare-and-set script; the queue is a sorted set of due times with
 * hashes of payloads and attempt counts. See README.md for the key layout.
 */
export class RedisStore implements ResponseStore {
  private readonly client: ScriptedRedis;
  private readonly prefix: string;
  private readonly pingTimeoutMs: number;

  /** Takes ownership of `client`: `close()` quits it. */
  constructor(client: Redis, options: RedisStoreOptions = {}) {
    client.defineCommand('eqCompareAndSet', { numberOfKeys: 1, lua: COMPARE_AND_SET });
    client.defineCommand('eqEnqueue', { numberOfKeys: 2, lua: ENQUEUE });
    client.defineCommand('eqClaimDue', { numberOfKeys: 3, lua: CLAIM_DUE });
    // defineCommand adds the methods at run time; ScriptedRedis names them for the type checker.
    this.client = client as ScriptedRedis;
    this.prefix = options.keyPrefix ?? 'eq:';
    this.pingTimeoutMs = options.pingTimeoutMs ?? 2000;
  }

  /** The value as Redis sent it: a view of the connection's read buffer, not decoded to text. */
  async read(key: string): Promise<Versioned | undefined> {
    const [revision, value] = await this.client.hmgetBuffer(this.recordKey(key), 'rev', 'value');
    if (revision == null || value == null) return undefined;
    return { value, revision: Number(revision.toString('latin1')) };
  }

  async write(
    key: string,
    value: string | Uint8Array,
    revision: number,
    ttlSeconds: number,
  ): Promise<number | undefined> {
    const next = await this.client.eqCompareAndSet(this.recordKey(key), revision, value, ttlMilliseconds(ttlSeconds));
    return next ?? undefined;
  }

  async claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
    const reply = await this.client.set(`${this.prefix}once:${key}`, '1', 'PX', ttlMilliseconds(ttlSeconds), 'NX');
    return reply === 'OK';
  }

  async enqueue(queue: string, id: string, payload: string, dueAt: number): Promise<void> {
    const keys = this.queueKeys(queue);
    await this.client.eqEnqueue(keys.due, keys.payloads, id, payload, dueAt);
  }

  async claimDue(queue: string, now: number, limit: number, leaseMs: number): Promise<QueuedItem[]> {
    const count = Math.floor(limit);
    if (!(count >= 1) || !Number.isFinite(now)) return [];
    const keys = this.queueKeys(queue);
    const flat = await this.client.eqClaimDue(keys.due, keys.payloads, keys.attempts, now, count, now + leaseMs);
    const items: QueuedItem[] = [];
    for (let i = 0; i + 2 < flat.length; i += 3) {
      items.push({ id: String(flat[i]), payload: String(flat[i + 1]), attempts: Number(flat[i + 2]) });
    }
    return items;
  }

  async acknowledge(queue: string, id: string): Promise<void> {
    const keys = this.queueKeys(queue);
    await this.client.multi().zrem(keys.due, id).hdel(keys.payloads, id).hdel(keys.attempts, id).exec();
  }

  async reschedule(queue: string, id: string, dueAt: number): Promise<void> {
    // XX: an item acknowledged meanwhile (by another instance) must not come back.
    await this.client.zadd(this.queueKeys(queue).due, 'XX', dueAt, id);
  }

  async queueLength(queue: string): Promise<number> {
    return this.client.zcard(this.queueKeys(queue).due);
  }

  async ping(): Promise<void> {
    // After losing its connection, ioredis queues commands until it reconnects: readiness must not
    // wait for that. A first connection still in progress gets until the timeout.
    if (!STATUSES_WORTH_WAITING_FOR.has(this.client.status)) throw new Error(`redis is ${this.client.status}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('redis did not answer ping in time')), this.pingTimeoutMs);
    });
    try {
      await Promise.race([this.client.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.client.status === 'end') return;
    // QUIT waits for the replies still due; without a connection it would wait for a reconnection.
    if (this.client.status !== 'ready') return this.client.disconnect();
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  private recordKey(key: string): string {
    return `${this.prefix}rec:${key}`;
  }

  /** One hash tag per queue, so a Redis Cluster keeps a queue's keys in one slot for its scripts. */
  private queueKeys(queue: string): { due: string; payloads: string; attempts: string } {
    const base = `${this.prefix}queue:{${queue}}`;
    return { due: `${base}:due`, payloads: `${base}:payloads`, attempts: `${base}:attempts` };
  }
}
