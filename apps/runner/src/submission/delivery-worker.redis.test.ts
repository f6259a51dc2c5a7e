import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, expect, it } from 'vitest';
import { sendJson, sleep, until } from '../questionnaires/testing/fake-server.ts';
import { RedisStore } from '../store/redis-store.ts';
import { describeWithRedis } from '../store/redis-testing.ts';
import { Outbox } from './outbox.ts';
import { SECRET_ANSWER, sampleSubmission } from './testing/sample-submission.ts';
import { OUTBOX_KEY, workerHarness } from './testing/worker-harness.ts';

describeWithRedis('delivery through an outbox in Redis', (redisUrl) => {
  const prefix = `test:${randomUUID()}:`;
  let harness: Awaited<ReturnType<typeof workerHarness>> | undefined;
  const opened: RedisStore[] = [];

  /** One runner instance's own connection to the shared Redis. */
  function instanceStore(): RedisStore {
    const store = new RedisStore(new Redis(redisUrl), { keyPrefix: prefix });
    opened.push(store);
    return store;
  }

  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    await Promise.all(opened.splice(0).map((store) => store.close()));
    const admin = new Redis(redisUrl);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  it('two instances deliver every submission exactly once, never the same one at the same time', async () => {
    const inFlight = new Set<string>();
    const deliveries: string[] = [];
    let overlaps = 0;
    harness = await workerHarness(async (request, res) => {
      const id = String(request.headers['idempotency-key']);
      if (inFlight.has(id)) overlaps += 1;
      inFlight.add(id);
      await sleep(15);
      inFlight.delete(id);
      deliveries.push(id);
      sendJson(res, 201, {});
    }, instanceStore());
    const other = new Outbox({ store: instanceStore(), serverKey: OUTBOX_KEY, now: () => harness?.clock.time ?? 0 });
    const submissions = Array.from({ length: 30 }, sampleSubmission);
    for (const s of submissions) await harness.outbox.enqueue(s);
    harness.start({ batch: 4 });
    harness.start({ batch: 4, outbox: other });
    await until(() => deliveries.length >= 30);
    await sleep(60);
    expect(overlaps).toBe(0);
    expect(deliveries.sort()).toEqual(submissions.map((s) => s.submissionId).sort());
    expect(await other.lengths()).toEqual({ pending: 0, dead: 0 });
  });

  it('keeps the payload sealed in Redis, and delivers it after the lease of an instance that died', async () => {
    harness = await workerHarness((_, res) => sendJson(res, 201, {}), instanceStore());
    const submission = sampleSubmission();
    await harness.outbox.enqueue(submission);
    const admin = new Redis(redisUrl);
    const stored = await admin.hgetall(`${prefix}queue:{submissions}:payloads`);
    await admin.quit();
    expect(Object.keys(stored)).toEqual([submission.submissionId]);
    expect(JSON.stringify(stored)).not.toContain(SECRET_ANSWER);
    expect(JSON.stringify(stored)).not.toContain('Caerdydd');

    const dead = new Outbox({ store: instanceStore(), serverKey: OUTBOX_KEY, now: () => harness?.clock.time ?? 0 });
    expect(await dead.claim(10, 30_000)).toHaveLength(1);
    harness.start({ leaseMs: 30_000 });
    await sleep(60);
    expect(harness.server.requests).toHaveLength(0);
    harness.clock.time += 30_000;
    await until(() => harness?.server.requests.length === 1);
    await until(async () => (await dead.lengths()).pending === 0);
  });
});
