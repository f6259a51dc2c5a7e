import { randomInt, randomUUID } from 'node:crypto';
import type { Questionnaire, Submission } from '@eq/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithRedis } from '../store/redis-testing.ts';
import { expectedSubmission } from './expected-submission.ts';
import { bundledQuestionnaire, type FakeAuthorApi, startFakeAuthorApi } from './fake-author-api.ts';
import { runJourneyDriver } from './journey-driver.ts';
import { hasNginx, type Nginx, startNginx } from './nginx.ts';
import { type ProductionSetup, productionSetup, signLaunchToken } from './production-env.ts';
import { type BuiltRunner, buildRunner, type LogLine, type RunnerProcess, startRunner } from './runner-process.ts';

/**
 * Two runner processes sharing one Redis, behind a real nginx with the repository's configuration
 * (round robin, no sticky sessions): they behave as one.
 */
describeWithRedis('two runners sharing one Redis', (redisUrl) => {
  const census: Questionnaire = bundledQuestionnaire('examples/census-household');
  let built: BuiltRunner | undefined;
  let author: FakeAuthorApi | undefined;
  let setup: ProductionSetup;
  let runners: RunnerProcess[] = [];
  let nginx: Nginx | undefined;

  beforeAll(async () => {
    if (!hasNginx()) throw new Error('nginx is not installed (Debian: apt-get install -y nginx)');
    built = buildRunner();
    author = await startFakeAuthorApi([census]);
    setup = await productionSetup({ redisUrl, authorApiUrl: author.url, authorApiToken: author.token });
    const main = built.main;
    runners = await Promise.all(
      [1, 2].map(() => startRunner({ main, env: { ...setup.env, TRUST_PROXY: 'loopback', LOG_LEVEL: 'info' } })),
    );
    nginx = await startNginx(runners.map((runner) => `127.0.0.1:${runner.port}`));
  }, 30_000);

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(runners.map((runner) => runner.stop()));
    await author?.close();
    built?.dispose();
  });

  const [first, second] = [() => runners[0] as RunnerProcess, () => runners[1] as RunnerProcess];
  /**
   * Each runner's requests logged so far, once all of them are written: a runner gathers its info
   * lines for a moment before writing them (logger.ts), in order, so the line of a request of the
   * test's own, waited for, comes after every request before it (those markers are not counted).
   */
  const requestsServed = () =>
    Promise.all(
      runners.map(async (runner) => {
        const marker = `count-${randomUUID()}`;
        await (await fetch(`${runner.url}/counting`, { headers: { 'x-request-id': marker } })).arrayBuffer();
        await runner.waitForLog((line) => requestId(line) === marker, 5000);
        return runner.logs.filter((line) => line.msg === 'request completed' && !requestId(line)?.startsWith('count-'))
          .length;
      }),
    );
  const driverEnv = () => ({ LAUNCH_KEY: JSON.stringify(setup.launchKey) });

  async function completeCensus(targets: string[], seed: number, extra: string[] = []): Promise<Submission> {
    const args = ['--questionnaire', census.id, '--people', '3', '--seed', String(seed), '--journeys', '1'];
    const result = await runJourneyDriver([...targets.flatMap((t) => ['--target', t]), ...args, ...extra], driverEnv());
    expect(result.failed).toEqual([]);
    const responseId = result.completed[0]?.responseId;
    const submission = author?.delivered.find((s) => s.responseId === responseId);
    if (!submission) throw new Error(`no submission was delivered for response ${responseId}`);
    return submission;
  }

  describe('a census household of three', () => {
    it('completes through nginx with every answer intact, served by both runners', async () => {
      const before = await requestsServed();
      const submission = await completeCensus([nginx?.url ?? ''], 11);
      expect(submission).toMatchObject(expectedSubmission(census, { seed: 11, people: 3 }, submission));
      expect(submission.lists.people?.items).toHaveLength(3);
      expect(submission.answers.length).toBeGreaterThan(40);
      const served = (await requestsServed()).map((count, i) => count - (before[i] ?? 0));
      // Round robin, no stickiness: each runner served about half of the journey's requests.
      for (const count of served) expect(count).toBeGreaterThan(40);
      expect(nginx?.errors() ?? '').not.toMatch(/\[(error|crit|alert|emerg)\]/);
    }, 60_000);

    it('completes with requests alternating directly between the two runners', async () => {
      const before = await requestsServed();
      const submission = await completeCensus([first().url, second().url], 12, ['--alternate']);
      expect(submission).toMatchObject(expectedSubmission(census, { seed: 12, people: 3 }, submission));
      const served = (await requestsServed()).map((count, i) => count - (before[i] ?? 0));
      expect(Math.abs((served[0] ?? 0) - (served[1] ?? 0))).toBeLessThanOrEqual(1);
    }, 60_000);
  });

  it('refuses a launch token on one runner that was used on the other', async () => {
    const token = await signLaunchToken(setup, {
      questionnaire: census.id,
      response_id: randomUUID(),
      metadata: { address: '1 High Street, Newport NP20 1AA' },
    });
    const launch = (runner: RunnerProcess) => fetch(`${runner.url}/session?token=${token}`, { redirect: 'manual' });
    expect((await launch(first())).status).toBe(303);
    expect((await launch(second())).status).toBe(401);
  });

  it('limits access code attempts per client across both runners and through nginx', async () => {
    const client = `198.51.100.${randomInt(1, 255)}`;
    const start = await fetch(`${first().url}/start`);
    const token = /name="_csrf" value="([^"]*)"/.exec(await start.text())?.[1] ?? '';
    const cookie = start.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const attempt = async (base: string, from: string) => {
      const response = await fetch(`${base}/start`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from },
        body: new URLSearchParams({ _csrf: token, 'access-code': 'ABCD EFGH JKLM NPQR' }).toString(),
      });
      await response.arrayBuffer();
      return response.status;
    };
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await attempt(runners[i % 2]?.url ?? '', client));
    expect(statuses).toEqual(Array(10).fill(200));
    expect(await attempt(first().url, client)).toBe(429);
    expect(await attempt(second().url, client)).toBe(429);
    // nginx adds the address it saw; the runners, trusting only the proxy on loopback, still see the client.
    expect(await attempt(nginx?.url ?? '', client)).toBe(429);
    expect(await attempt(nginx?.url ?? '', `203.0.113.${randomInt(1, 255)}`)).toBe(200);
  });

  it('passes its request id to the runner', async () => {
    const response = await fetch(`${nginx?.url}/start`);
    await response.arrayBuffer();
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    // The runner's log line for it says so (logged as the response ends, so it may still be on its way).
    const logged = await Promise.any(
      runners.map((runner) => runner.waitForLog((line) => (line.req as { id?: string } | undefined)?.id === id, 5000)),
    );
    expect(logged.msg).toBe('request completed');
  });
});

function requestId(line: LogLine): string | undefined {
  return (line.req as { id?: string } | undefined)?.id;
}
