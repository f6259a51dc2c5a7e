import type { Questionnaire } from '@eq/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis } from '../store/redis-testing.ts';
import { expectedSubmission } from './expected-submission.ts';
import { bundledQuestionnaire, type FakeAuthorApi, startFakeAuthorApi } from './fake-author-api.ts';
import { runJourneyDriver } from './journey-driver.ts';
import { type ProductionSetup, productionSetup } from './production-env.ts';
import { type BuiltRunner, buildRunner, type RunnerProcess, startRunner } from './runner-process.ts';

describeWithRedis('the built runner (node dist/main.js) in production', (redisUrl) => {
  const q: Questionnaire = bundledQuestionnaire('fixtures/routing-and');
  let built: BuiltRunner | undefined;
  let author: FakeAuthorApi | undefined;
  let setup: ProductionSetup;
  let runner: RunnerProcess;

  beforeAll(async () => {
    built = buildRunner();
    author = await startFakeAuthorApi([q]);
    setup = await productionSetup({ redisUrl, authorApiUrl: author.url, authorApiToken: author.token });
    runner = await startRunner({ main: built.main, env: setup.env });
  }, 30_000);

  afterAll(async () => {
    await runner?.stop();
    await author?.close();
    built?.dispose();
  });

  it('is ready: Redis answers', async () => {
    const response = await fetch(`${runner.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('completes a journey launched with a signed token and delivers the submission to the author API', async () => {
    const result = await runJourneyDriver(
      ['--target', runner.url, '--questionnaire', q.id, '--journeys', '1', '--concurrency', '1', '--seed', '3'],
      { LAUNCH_KEY: JSON.stringify(setup.launchKey) },
    );
    expect(result.failed).toEqual([]);
    expect(result.completed).toHaveLength(1);
    const [submission] = author?.delivered ?? [];
    if (!submission) throw new Error('nothing was delivered');
    expect(submission.responseId).toBe(result.completed[0]?.responseId);
    expect(submission).toMatchObject(expectedSubmission(q, { seed: 3, people: 3 }, submission));
    expect(submission.answers.length).toBeGreaterThan(0);
  }, 30_000);

  it('serves pages with the Design System and its own assets, and no development pages', async () => {
    const page = await fetch(`${runner.url}/start`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.some((a) => a.endsWith('/css/main.css'))).toBe(true);
    expect(assets.some((a) => a.endsWith('/enhance.js'))).toBe(true);
    for (const asset of assets) {
      const response = await fetch(`${runner.url}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('cache-control'), asset).toContain('immutable');
      await response.arrayBuffer();
    }
    expect((await fetch(`${runner.url}/`)).status).toBe(404);
  });
});
