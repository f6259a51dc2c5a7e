import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis } from '../store/redis-testing.ts';
import { Browser } from '../testing/browser.ts';
import { testRunner } from '../testing/harness.ts';
import { launcher, launchUrl } from '../testing/launch.ts';
import { ACCESS_CODE_FIELD } from '../view-models/start.ts';

/**
 * Two runner instances on one Redis, with the keys a deployment shares, behind a round-robin
 * balancer (an Express app passing requests to each in turn): any instance serves any request.
 */
async function deployment(redisUrl: string, env: Record<string, string> = {}) {
  const prefix = `test:${randomUUID()}:`;
  const shared = {
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    SESSION_KEY: randomUUID() + randomUUID(),
    ANSWER_KEY: randomUUID() + randomUUID(),
    ACCESS_CODE_KEY: randomUUID() + randomUUID(),
    ...env,
  };
  const instances = [await testRunner(shared), await testRunner(shared)] as const;
  let turn = 0;
  const balancer: Express = express();
  balancer.use((req, res, next) => instances[turn++ % 2]?.app(req, res, next));
  return {
    prefix,
    instances,
    balancer,
    /** Every value stored under the deployment's prefix, whatever the key's type. */
    async dump(): Promise<Map<string, string>> {
      const admin = new Redis(redisUrl);
      try {
        const values = new Map<string, string>();
        for (const key of await admin.keys(`${prefix}*`)) {
          const type = await admin.type(key);
          if (type === 'string') values.set(key, (await admin.get(key)) ?? '');
          else if (type === 'hash') values.set(key, JSON.stringify(await admin.hgetall(key)));
          else if (type === 'zset') values.set(key, JSON.stringify(await admin.zrange(key, '0', '-1', 'WITHSCORES')));
          else values.set(key, `(${type})`);
        }
        return values;
      } finally {
        await admin.quit();
      }
    },
    async close() {
      await Promise.all(instances.map((instance) => instance.close()));
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

describeWithRedis('the runner on Redis', (redisUrl) => {
  let system: Awaited<ReturnType<typeof deployment>>;
  const launch = launcher();
  beforeAll(async () => {
    system = await deployment(redisUrl, { LAUNCH_JWKS: (await launch).jwks });
  });
  afterAll(() => system.close());

  it('completes a journey with requests alternating between two instances, every answer intact', async () => {
    const browser = new Browser(system.balancer);
    await browser.open('/s/answers-text');
    expect(browser.page.url).toBe('/questionnaire/identity');
    await browser.submit({ 'full-name-answer': 'Grace Hopper', 'ni-number-answer': 'AB 12 34 56 C' });
    await browser.submit({ 'job-description-answer': 'Rear admiral' });
    await browser.submit({ 'email-answer': 'grace@example.com', 'mobile-answer': '07700 900123' });
    await browser.submit({ 'postcode-answer': 'np10 8xg' });
    expect(browser.page.url).toBe('/questionnaire/summary');
    await browser.submit();
    expect(browser.page.url).toBe('/thank-you');
    const delivered = system.instances.flatMap((instance) => instance.delivered);
    expect(delivered).toHaveLength(1);
    expect(Object.fromEntries(delivered[0]?.answers.map((a) => [a.answerId, a.value]) ?? [])).toEqual({
      'full-name-answer': 'Grace Hopper',
      'ni-number-answer': 'AB 12 34 56 C',
      'job-description-answer': 'Rear admiral',
      'email-answer': 'grace@example.com',
      'mobile-answer': '07700900123',
      'postcode-answer': 'NP10 8XG',
    });
  });

  it('keeps responses encrypted: no answer can be read in Redis', async () => {
    const name = `Ermintrude${randomUUID().slice(0, 8)}`;
    const job = `Lighthouse keeper ${randomUUID().slice(0, 8)}`;
    const browser = new Browser(system.balancer);
    await browser.open('/s/answers-text');
    await browser.submit({ 'full-name-answer': name, 'ni-number-answer': '' });
    await browser.submit({ 'job-description-answer': job });
    const dump = await system.dump();
    const records = [...dump.keys()].filter((key) => key.startsWith(`${system.prefix}rec:`));
    expect(records.length).toBeGreaterThan(0);
    const everything = [...dump.entries()].flat().join('\n');
    for (const secret of [name, job, 'Lighthouse', 'full-name-answer', 'answers-text']) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(Buffer.from(secret).toString('base64'));
    }
    // The record is still readable by the respondent, from either instance.
    await browser.open('/questionnaire/identity');
    expect(browser.field('full-name-answer')).toBe(name);
    await browser.open('/questionnaire/job-description');
    expect(browser.field('job-description-answer')).toBe(job);
  });

  it('refuses a launch token replayed on the other instance', async () => {
    const token = await (await launch).token({ questionnaire: 'routing-and', response_id: randomUUID() });
    const first = new Browser(system.balancer);
    await first.open(launchUrl(token));
    expect(first.page.url).toBe('/questionnaire/age');
    const replay = new Browser(system.balancer);
    await replay.open(launchUrl(token));
    expect(replay.page.status).toBe(401);
  });
});

describeWithRedis('access code attempts on Redis', (redisUrl) => {
  let system: Awaited<ReturnType<typeof deployment>>;
  beforeAll(async () => {
    system = await deployment(redisUrl);
  });
  afterAll(() => system.close());

  it('are counted across instances: the 11th attempt is refused whichever instance takes it', async () => {
    const browser = new Browser(system.balancer);
    for (let attempt = 1; attempt <= 10; attempt++) {
      await browser.open('/start');
      await browser.submit({ [ACCESS_CODE_FIELD]: 'AAAA BBBB CCCC DDDD' });
      expect(browser.page.status).toBe(200);
    }
    for (let attempt = 11; attempt <= 12; attempt++) {
      await browser.open('/start');
      await browser.submit({ [ACCESS_CODE_FIELD]: 'AAAA BBBB CCCC DDDD' });
      expect(browser.page.status).toBe(429);
    }
    const limits = [...(await system.dump()).keys()].filter((key) => key.startsWith(`${system.prefix}rl:start`));
    expect(limits).toHaveLength(1);
  });
});
