import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishQuestionnaire } from '../publishing/publish.ts';
import { type RunnerQuestionnaireSource, runnerAuthorApiSource } from '../publishing/runner-code.ts';
import { definition, seedQuestionnaire, uniqueId } from '../publishing/testing.ts';
import { TEST_KEYS, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';

/**
 * The runner's own client of these endpoints (its AuthorApiSource, with its parsing and checks)
 * reading from this app over HTTP: the contract of apps/runner/src/questionnaires/README.md.
 */
describeEachDatabase('the runner’s AuthorApiSource reading this app', (database) => {
  let server: Server;
  let baseUrl: string;
  const problems: unknown[] = [];
  const logger = {
    warn: (...args: unknown[]) => problems.push(args),
    error: (...args: unknown[]) => problems.push(args),
  };
  let source: RunnerQuestionnaireSource;

  beforeAll(async () => {
    server = createServer(testApp(database().db).app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    source = await runnerAuthorApiSource({ baseUrl, token: TEST_KEYS.runnerToken, logger });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads the latest version, one version and a series exactly as published', async () => {
    const slug = uniqueId('census');
    const q = await seedQuestionnaire(database().db, definition('census-household', slug), { openAccess: true });
    await publishQuestionnaire(database().db, { questionnaireId: q.id });
    await publishQuestionnaire(database().db, { questionnaireId: q.id });
    const { series } = await database().db('questionnaires').where({ id: q.id }).first('series');

    const latest = await source.latest(slug);
    expect(latest).toMatchObject({ slug, version: 2, openAccess: true });
    expect(latest?.questionnaire.id).toBe(slug);
    expect(latest).not.toHaveProperty('closesAt');
    const first = await source.version(slug, 1);
    expect(first).toMatchObject({ slug, version: 1, preview: false });
    expect(await source.slugForSeries(series)).toBe(slug);
    expect(problems).toEqual([]);
  });

  it('finds nothing for an unknown slug, version or series', async () => {
    expect(await source.latest(uniqueId('missing'))).toBeUndefined();
    expect(await source.version(uniqueId('missing'), 1)).toBeUndefined();
    expect(await source.slugForSeries(1_048_575)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('is refused without the runners’ credential', async () => {
    const stranger = await runnerAuthorApiSource({ baseUrl, token: 'not-the-runner-token', logger });
    await expect(stranger.latest('census')).rejects.toMatchObject({
      reason: 'unavailable',
      status: 401,
    });
  });
});
