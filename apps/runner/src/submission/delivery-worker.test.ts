import { afterEach, describe, expect, it } from 'vitest';
import { sendJson, sleep, until } from '../questionnaires/testing/fake-server.ts';
import { MemoryStore } from '../store/memory-store.ts';
import { SUBMISSIONS_QUEUE } from './outbox.ts';
import { SECRET_ANSWER, sampleSubmission } from './testing/sample-submission.ts';
import { type Ingest, workerHarness } from './testing/worker-harness.ts';

let harness: Awaited<ReturnType<typeof workerHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function setUp(ingest: Ingest, store?: MemoryStore) {
  harness = await workerHarness(ingest, store);
  return harness;
}

const accept: Ingest = (_, res) => sendJson(res, 201, {});

/** Real time for a worker polling every 5 ms to have polled several times. */
const somePolls = () => sleep(60);

describe('startDeliveryWorker', () => {
  it('delivers a queued submission once and removes it from the outbox', async () => {
    const h = await setUp(accept);
    const submission = sampleSubmission();
    await h.outbox.enqueue(submission);
    h.start();
    await until(() => h.server.requests.length === 1);
    await somePolls();
    expect(h.server.requests).toHaveLength(1);
    expect(h.server.requests[0]?.headers['idempotency-key']).toBe(submission.submissionId);
    expect(JSON.parse(h.server.requests[0]?.body ?? '')).toEqual(submission);
    expect(await h.outbox.lengths()).toEqual({ pending: 0, dead: 0 });
    expect(h.log.entries().find((e) => e.msg === 'submission delivered')).toMatchObject({
      submissionId: submission.submissionId,
      status: 201,
    });
  });

  it('retries a failed delivery later, with growing delays', async () => {
    let calls = 0;
    const h = await setUp((_, res) => {
      calls += 1;
      sendJson(res, calls <= 3 ? 503 : 201, {});
    });
    await h.outbox.enqueue(sampleSubmission());
    h.start();
    await until(() => calls === 1);
    for (const delay of [5_000, 10_000, 20_000]) {
      const before = calls;
      await until(() => h.log.lines.filter((l) => l.includes('will retry')).length === before);
      h.clock.time += delay - 1;
      await somePolls();
      expect(calls).toBe(before);
      h.clock.time += 1;
      await until(() => calls === before + 1);
    }
    await until(async () => (await h.outbox.lengths()).pending === 0);
    const retries = h.log.entries().filter((e) => e.msg === 'submission delivery failed: will retry');
    expect(retries.map((e) => [e.attempt, e.retryInMs, e.reason])).toEqual([
      [1, 5_000, 'HTTP 503'],
      [2, 10_000, 'HTTP 503'],
      [3, 20_000, 'HTTP 503'],
    ]);
  });

  it('keeps a submission the author app refuses in the dead-letter queue, and says so loudly', async () => {
    const h = await setUp((_, res) => sendJson(res, 422, { error: { code: 'invalid-submission' } }));
    const submission = sampleSubmission();
    await h.outbox.enqueue(submission);
    h.start();
    await until(() => h.log.lines.some((l) => l.includes('dead-letter')));
    await somePolls();
    expect(await h.outbox.lengths()).toEqual({ pending: 0, dead: 1 });
    expect(h.server.requests).toHaveLength(1);
    expect(h.log.entries().find((e) => e.level === 50)).toMatchObject({
      submissionId: submission.submissionId,
      status: 422,
      reason: 'HTTP 422 invalid-submission',
      msg: 'submission rejected by the author api: kept in the dead-letter queue',
    });
  });

  it('dead-letters a submission that cannot be read instead of dropping it', async () => {
    const store = new MemoryStore();
    const h = await setUp(accept, store);
    await store.enqueue(SUBMISSIONS_QUEUE, 'unreadable', 'v1.garbage.garbage', 0);
    h.start();
    await until(() => h.log.lines.some((l) => l.includes('cannot be read')));
    await until(async () => (await h.outbox.lengths()).dead === 1);
    expect(await h.outbox.lengths()).toEqual({ pending: 0, dead: 1 });
    expect(h.server.requests).toHaveLength(0);
  });

  it('never lets two workers deliver one submission at the same time', async () => {
    const inFlight = new Map<string, number>();
    const deliveries: string[] = [];
    let overlaps = 0;
    const h = await setUp(async (request, res) => {
      const id = String(request.headers['idempotency-key']);
      inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
      if ((inFlight.get(id) ?? 0) > 1) overlaps += 1;
      await sleep(20);
      inFlight.set(id, (inFlight.get(id) ?? 1) - 1);
      deliveries.push(id);
      sendJson(res, 201, {});
    });
    const submissions = Array.from({ length: 20 }, sampleSubmission);
    for (const s of submissions) await h.outbox.enqueue(s);
    h.start({ batch: 3 });
    h.start({ batch: 3 });
    await until(() => deliveries.length >= 20);
    await somePolls();
    expect(overlaps).toBe(0);
    expect(deliveries.sort()).toEqual(submissions.map((s) => s.submissionId).sort());
    expect(await h.outbox.lengths()).toEqual({ pending: 0, dead: 0 });
  });

  it('delivers the submissions of a worker that died once their lease ends', async () => {
    const h = await setUp(accept);
    await h.outbox.enqueue(sampleSubmission());
    // A worker on another instance claims it, then dies without settling it.
    expect(await h.outbox.claim(10, 60_000)).toHaveLength(1);
    h.start({ leaseMs: 60_000 });
    h.clock.time += 59_999;
    await somePolls();
    expect(h.server.requests).toHaveLength(0);
    h.clock.time += 1;
    await until(() => h.server.requests.length === 1);
    await until(async () => (await h.outbox.lengths()).pending === 0);
  });

  it('never logs answers or payloads', async () => {
    let calls = 0;
    const h = await setUp((_, res) => {
      calls += 1;
      sendJson(res, calls === 1 ? 500 : 400, { error: { code: 'bad', message: SECRET_ANSWER } });
    });
    await h.outbox.enqueue(sampleSubmission());
    h.start();
    await until(() => calls === 1);
    // The retry's time is set from the clock when the worker has the answer: move the clock after that.
    await until(() => h.log.lines.some((l) => l.includes('will retry')));
    h.clock.time += 5_000;
    await until(() => h.log.lines.some((l) => l.includes('dead-letter')));
    expect(h.log.lines.length).toBeGreaterThanOrEqual(2);
    for (const line of h.log.lines) {
      for (const clear of [SECRET_ANSWER, 'Siân', 'Caerdydd', 'first-name', 'v1.']) expect(line).not.toContain(clear);
    }
  });
});

describe('deliverNow', () => {
  it('delivers at once and leaves nothing in the outbox', async () => {
    const h = await setUp(accept);
    const worker = h.start();
    const submission = sampleSubmission();
    expect(await worker.deliverNow(submission)).toBe('delivered');
    expect(h.server.requests.map((r) => r.headers['idempotency-key'])).toEqual([submission.submissionId]);
    expect(await h.outbox.lengths()).toEqual({ pending: 0, dead: 0 });
  });

  it('leaves a failed submission to the workers, which retry it after the backoff', async () => {
    let calls = 0;
    const h = await setUp((_, res) => {
      calls += 1;
      sendJson(res, calls === 1 ? 503 : 201, {});
    });
    const worker = h.start();
    expect(await worker.deliverNow(sampleSubmission())).toBe('queued');
    expect(await h.outbox.lengths()).toEqual({ pending: 1, dead: 0 });
    await somePolls();
    expect(calls).toBe(1);
    h.clock.time += 5_000;
    await until(() => calls === 2);
    await until(async () => (await h.outbox.lengths()).pending === 0);
  });

  it('is the only one delivering while its attempt runs', async () => {
    let release: () => void = () => {};
    const h = await setUp(async (_, res) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      sendJson(res, 201, {});
    });
    const worker = h.start();
    const delivering = worker.deliverNow(sampleSubmission());
    await until(() => h.server.requests.length === 1);
    await somePolls();
    expect(h.server.requests).toHaveLength(1);
    release();
    expect(await delivering).toBe('delivered');
  });

  it('dead-letters a submission the author app refuses', async () => {
    const h = await setUp((_, res) => sendJson(res, 400, {}));
    const worker = h.start();
    expect(await worker.deliverNow(sampleSubmission())).toBe('dead');
    expect(await h.outbox.lengths()).toEqual({ pending: 0, dead: 1 });
  });

  it('rejects when the outbox cannot store the submission, so the respondent is not told it was sent', async () => {
    class FailingStore extends MemoryStore {
      override async enqueue(): Promise<void> {
        throw new Error('store down');
      }
    }
    const h = await setUp(accept, new FailingStore());
    const worker = h.start();
    await expect(worker.deliverNow(sampleSubmission())).rejects.toThrow('store down');
    expect(h.server.requests).toHaveLength(0);
  });

  it('is waited for by stop (graceful shutdown)', async () => {
    const h = await setUp(async (_, res) => {
      await sleep(100);
      sendJson(res, 201, {});
    });
    const worker = h.start();
    let outcome: string | undefined;
    void worker.deliverNow(sampleSubmission()).then((o) => {
      outcome = o;
    });
    await until(() => h.server.requests.length === 1);
    await worker.stop();
    expect(outcome).toBe('delivered');
    expect(await h.outbox.lengths()).toEqual({ pending: 0, dead: 0 });
  });

  it('only queues once the worker is stopping', async () => {
    const h = await setUp(accept);
    const worker = h.start();
    await worker.stop();
    expect(await worker.deliverNow(sampleSubmission())).toBe('queued');
    expect(h.server.requests).toHaveLength(0);
    expect(await h.outbox.lengths()).toEqual({ pending: 1, dead: 0 });
  });
});
