import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, it } from 'vitest';
import { RedisStore } from './redis-store.ts';

/** The Redis the tests run against (e.g. `redis://127.0.0.1:6390`); CI starts one for the suite. */
const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

/**
 * Describes tests that need a real Redis. Without TEST_REDIS_URL they cannot run, and a failing
 * test says so: a silent skip would let CI pass without ever testing the production store.
 */
export function describeWithRedis(name: string, body: (redisUrl: string) => void): void {
  const url = TEST_REDIS_URL;
  if (url) {
    describe(name, () => body(url));
    return;
  }
  describe(name, () => {
    it('needs a Redis: set TEST_REDIS_URL, e.g. redis://127.0.0.1:6390', () => {
      throw new Error('TEST_REDIS_URL is not set, so the Redis store was not tested');
    });
  });
}

/** A RedisStore with a key prefix of its own, so tests never see each other's keys. */
export function openTestRedisStore(redisUrl: string): { store: RedisStore; dispose(): Promise<void> } {
  const prefix = `test:${randomUUID()}:`;
  const store = new RedisStore(new Redis(redisUrl), { keyPrefix: prefix });
  return {
    store,
    async dispose() {
      await store.close();
      const admin = new Redis(redisUrl);
      try {
        const keys = await admin.keys(`${prefix}*`);
        if (keys.length > 0) await admin.del(...keys);
      } finally {
        await admin.quit();
      }
    },
  };
}
