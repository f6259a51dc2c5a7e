import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createStore } from './create-store.ts';
import { MemoryStore } from './memory-store.ts';
import { RedisStore } from './redis-store.ts';
import { describeWithRedis } from './redis-testing.ts';

describe('createStore', () => {
  it('gives the in-process memory store when no Redis URL is configured', async () => {
    const store = createStore({});
    expect(store).toBeInstanceOf(MemoryStore);
    await store.close();
  });
});

describeWithRedis('createStore with a Redis URL', (redisUrl) => {
  it('gives a Redis store that writes under the configured key prefix', async () => {
    const prefix = `test:${randomUUID()}:`;
    const errors: Error[] = [];
    const store = createStore({ redisUrl, keyPrefix: prefix, onError: (error) => errors.push(error) });
    const admin = new Redis(redisUrl);
    try {
      expect(store).toBeInstanceOf(RedisStore);
      await store.write('r', 'v', 0, 60);
      await store.ping();
      expect(await admin.exists(`${prefix}rec:r`)).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await store.close();
      await admin.del(`${prefix}rec:r`);
      await admin.quit();
    }
  });
});
