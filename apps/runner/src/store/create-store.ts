import { Redis } from 'ioredis';
import { MemoryStore } from './memory-store.ts';
import { RedisStore } from './redis-store.ts';

export interface StoreOptions {
  /** Redis when given (production, several instances); otherwise the in-process memory store. */
  redisUrl?: string;
  /** Put before every Redis key (default `eq:`). */
  keyPrefix?: string;
  /**
   * Told about connection errors (ioredis reconnects by itself); wire it to the logger, or
   * ioredis prints its own warning to stderr.
   */
  onError?: (error: Error) => void;
}

/** The store the configuration asks for. Callers log which one it is (`instanceof MemoryStore`). */
export function createStore(options: StoreOptions = {}): RedisStore | MemoryStore {
  if (!options.redisUrl) return new MemoryStore();
  // Auto-pipelining batches the commands of concurrent requests into one round trip.
  const client = new Redis(options.redisUrl, { enableAutoPipelining: true });
  if (options.onError) client.on('error', options.onError);
  return new RedisStore(client, options.keyPrefix === undefined ? {} : { keyPrefix: options.keyPrefix });
}
