import { hashCode, issueCode, responseIdForCode, secretForCode } from '@eq/access-code';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledQuestionnaire, type FakeAuthorApi, startFakeAuthorApi } from '../process/fake-author-api.ts';
import { AuthorApiSource } from '../questionnaires/author-api-source.ts';
import { clientBrowser } from '../testing/access-codes.ts';
import type { Browser } from '../testing/browser.ts';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { ACCESS_CODE_FIELD } from '../view-models/start.ts';

// A runner on a fake author app (real HTTP), reading revocations afresh at every start so that a
// revocation shows at once (in production the list is trusted for 30 s).
let author: FakeAuthorApi;
let runner: TestRunner;
beforeAll(async () => {
  author = await startFakeAuthorApi([bundledQuestionnaire('fixtures/routing-and')]);
  const source = new AuthorApiSource({
    baseUrl: author.url,
    token: author.token,
    logger: pino({ level: 'silent' }),
    revokedTtlMs: 0,
  });
  runner = await testRunner({ TRUST_PROXY: 'loopback' }, { source });
});
afterAll(async () => {
  await runner?.close();
  await author?.close();
});

let serial = 500;
const series = () => author.series.get('routing-and') ?? -1;
const newCode = () => issueCode(runner.services.keys.accessCode, series(), serial++);
const revoke = (code: string) => author.revoke(series(), hashCode(code));

async function enter(code: string, browser = clientBrowser(runner.app)): Promise<Browser> {
  await browser.open('/start');
  await browser.submit({ [ACCESS_CODE_FIELD]: code });
  return browser;
}

function paragraphs(browser: Browser): string[] {
  return [...browser.page.html.matchAll(/<p\b[^>]*>([^<]*)<\/p>/g)].map((m) => m[1]?.trim() ?? '');
}

describe('a revoked access code', () => {
  it('is refused with a page saying it is no longer valid, and starts nothing', async () => {
    const code = newCode();
    revoke(code);
    const browser = await enter(code);
    expect(browser.page.status).toBe(403);
    expect(browser.heading()).toBe('This access code is no longer valid');
    expect(paragraphs(browser)).toEqual(
      expect.arrayContaining([
        'It may have been replaced by a new one. If we sent you another access code, enter that code instead.',
        'If you have not received another code, contact us and we will help you take part.',
      ]),
    );
    expect(browser.links()).toContain('/start');
    const key = runner.services.keys.accessCode;
    expect(
      await runner.services.responses.load(responseIdForCode(key, code), secretForCode(key, code)),
    ).toBeUndefined();
  });

  it('is refused in Welsh to a respondent who chose Welsh', async () => {
    const code = newCode();
    revoke(code);
    const browser = clientBrowser(runner.app);
    await browser.open('/start?lang=cy');
    await browser.submit({ [ACCESS_CODE_FIELD]: code });
    expect(browser.page.status).toBe(403);
    expect(browser.heading()).toBe('Nid yw’r cod mynediad hwn yn ddilys mwyach');
    expect(browser.page.html).toContain('Rhowch god mynediad arall');
  });

  it('cannot resume, on another device, a response started before it was revoked', async () => {
    const code = newCode();
    const first = await enter(code);
    await first.submit({ 'age-answer': '37' });
    expect(first.page.url).toBe('/questionnaire/paid-work');
    revoke(code);
    const second = await enter(code.toLowerCase());
    expect(second.page.status).toBe(403);
    expect(second.heading()).toBe('This access code is no longer valid');
    await second.open('/questionnaire/age');
    expect(second.page.url).toBe('/session-expired');
  });

  it('leaves the other codes of its series working', async () => {
    const revoked = newCode();
    revoke(revoked);
    const browser = await enter(newCode());
    expect(browser.page.status).toBe(200);
    expect(browser.page.url).toBe('/questionnaire/age');
  });
});
