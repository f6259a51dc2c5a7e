import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { expect, it } from 'vitest';
import { RedisStore } from './redis-store.ts';
import { describeWithRedis, openTestRedisStore } from './redis-testing.ts';
import { describeResponseStoreContract } from './response-store.contract.ts';

describeWithRedis('RedisStore', (redisUrl) => {
  describeResponseStoreContract('RedisStore', async () => {
    const { store, dispose } = openTestRedisStore(redisUrl);
    return { store, elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), dispose };
  });

  it('keeps every key under its prefix: records as hashes of revision and value, queues without expiry', async () => {
    const prefix = `test:${randomUUID()}:`;
    const store = new RedisStore(new Redis(redisUrl), { keyPrefix: prefix });
    const admin = new Redis(redisUrl);
    try {
      await store.write('response:r1', 'sealed', 0, 60);
      await store.claimOnce('jti:abc', 60);
      await store.enqueue('outbox', 's1', 'payload', 0);
      await store.claimDue('outbox', 0, 1, 1000);
      const keys = (await admin.keys(`${prefix}*`)).map((key) => key.slice(prefix.length)).sort();
      expect(keys).toEqual([
        'once:jti:abc',
        'queue:{outbox}:attempts',
        'queue:{outbox}:due',
        'queue:{outbox}:payloads',
        'rec:response:r1',
      ]);
      expect(await admin.hgetall(`${prefix}rec:response:r1`)).toEqual({ rev: '1', value: 'sealed' });
      expect(await admin.pttl(`${prefix}rec:response:r1`)).toBeGreaterThan(59_000);
      expect(await admin.pttl(`${prefix}once:jti:abc`)).toBeGreaterThan(59_000);
      expect(await admin.pttl(`${prefix}queue:{outbox}:due`)).toBe(-1);
    } finally {
      await store.close();
      const keys = await admin.keys(`${prefix}*`);
      if (keys.length > 0) await admin.del(...keys);
      await admin.quit();
    }
  });

  it('reports Redis unreachable on ping within its timeout', async () => {
    const client = new Redis('redis://127.0.0.1:1');
    client.on('error', () => {});
    const store = new RedisStore(client, { pingTimeoutMs: 200 });
    await expect(store.ping()).rejects.toThrow(/redis/);
    await store.close();
  });

  it('reports Redis unreachable at once while reconnecting, instead of waiting for the connection', async () => {
    const client = new Redis('redis://127.0.0.1:1');
    const reconnecting = new Promise<void>((resolve) => client.once('reconnecting', () => resolve()));
    client.on('error', () => {});
    const store = new RedisStore(client, { pingTimeoutMs: 60_000 });
    await reconnecting;
    await expect(store.ping()).rejects.toThrow('redis is reconnecting');
    await store.close();
  });
});
