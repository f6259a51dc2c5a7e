import { slowRequest } from '@eq/http-server/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis } from '../store/redis-testing.ts';
import { bundledQuestionnaire, type FakeAuthorApi, startFakeAuthorApi } from './fake-author-api.ts';
import { productionSetup } from './production-env.ts';
import { type BuiltRunner, buildRunner, type RunnerProcess, startRunner } from './runner-process.ts';

describeWithRedis('a runner told to stop (SIGTERM)', (redisUrl) => {
  let built: BuiltRunner | undefined;
  let author: FakeAuthorApi | undefined;
  let runner: RunnerProcess | undefined;

  beforeAll(async () => {
    built = buildRunner();
    author = await startFakeAuthorApi([bundledQuestionnaire('fixtures/routing-and')]);
    const setup = await productionSetup({ redisUrl, authorApiUrl: author.url, authorApiToken: author.token });
    runner = await startRunner({ main: built.main, env: setup.env });
  }, 30_000);

  afterAll(async () => {
    await runner?.stop();
    await author?.close();
    built?.dispose();
  });

  it('finishes the request in flight, refuses new connections, then closes Redis and exits 0', async () => {
    if (!runner) throw new Error('the runner did not start');
    const { url, waitForLog } = runner;
    // A form post whose body is still arriving when the signal comes: an access code attempt,
    // which needs Redis (its rate limit) to be answered.
    const start = await fetch(`${url}/start`);
    const token = /name="_csrf" value="([^"]*)"/.exec(await start.text())?.[1] ?? '';
    const cookie = start.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const body = new URLSearchParams({ _csrf: token, 'access-code': 'ABCD EFGH JKLM NPQR' }).toString();
    const half = Math.floor(body.length / 2);
    const slow = slowRequest(
      `${url}/start`,
      'POST',
      { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      Buffer.byteLength(body),
    );
    // The runner's "100 Continue" says it has the request: from now on the request is in flight.
    await slow.continued;
    slow.write(body.slice(0, half));

    runner.kill('SIGTERM');
    await waitForLog((line) => line.msg === 'shutting down: finishing requests in flight');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(runner.logs.some((line) => line.msg === 'stopped')).toBe(false);

    slow.write(body.slice(half));
    const response = await slow.response;
    expect(response.status).toBe(200);
    expect(response.body).toContain('<form');
    // Its keep-alive connection ends with it: nothing is left to wait for.
    expect(response.connection).toBe('close');

    expect(await runner.exited).toEqual({ code: 0, signal: null });
    const messages = runner.logs.map((line) => line.msg);
    // "stopped" is logged once the store (Redis) is closed, which waited for the request above.
    expect(messages.slice(messages.indexOf('shutting down: finishing requests in flight'))).toEqual(
      expect.arrayContaining(['request completed', 'stopped']),
    );
    expect(messages).not.toContain('redis connection error');
  }, 30_000);
});
