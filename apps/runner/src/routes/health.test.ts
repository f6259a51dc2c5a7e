import supertest from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureLogger } from '../questionnaires/testing/capture-logger.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { ObservedStore } from '../testing/stores.ts';

let store: ObservedStore;
let logs: ReturnType<typeof captureLogger>;
let runner: TestRunner;

beforeAll(async () => {
  store = new ObservedStore();
  logs = captureLogger();
  runner = await testRunner({}, { store }, { logger: logs.logger });
});
afterAll(() => runner.close());
beforeEach(() => {
  store.failPings = false;
});

describe('/healthz', () => {
  it('answers 200 while the process is up, whatever the store', async () => {
    store.failPings = true;
    const response = await supertest(runner.app).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});

describe('/readyz', () => {
  it('answers 200 when the store answers', async () => {
    const response = await supertest(runner.app).get('/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready' });
  });

  it('answers 503 while the store is unreachable, and 200 again once it is back', async () => {
    store.failPings = true;
    const down = await supertest(runner.app).get('/readyz');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: 'unavailable', reason: 'store unreachable' });
    store.failPings = false;
    expect((await supertest(runner.app).get('/readyz')).status).toBe(200);
  });

  it('is not logged on every probe', async () => {
    const before = logs.lines.length;
    await supertest(runner.app).get('/readyz');
    await supertest(runner.app).get('/healthz');
    expect(logs.lines.length).toBe(before);
  });
});
