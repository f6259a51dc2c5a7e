import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestRunner, testRunner } from '../testing/harness.ts';

let runner: TestRunner;
let respondent: InstanceType<typeof supertest.agent>;
beforeAll(async () => {
  runner = await testRunner();
  respondent = supertest.agent(runner.app);
  await respondent.get('/s/routing-and').redirects(3).expect(200);
});
afterAll(() => runner.close());

describe('the questionnaire’s pages, as Express routed them', () => {
  it('answers HEAD on a question page with the GET’s headers and no body', async () => {
    const get = await respondent.get('/questionnaire/age').expect(200);
    const head = await respondent.head('/questionnaire/age').expect(200);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.text ?? '').toBe('');
  });

  it('shows the not-found page for a questionnaire path that is no page', async () => {
    const page = await respondent.get('/questionnaire/no-such-page').expect(404);
    expect(page.text).toContain('Page not found');
  });

  it('matches its paths in their letter case, after the respondent is loaded in any case', async () => {
    expect((await respondent.get('/Questionnaire/age')).status).toBe(404);
    const anonymous = await supertest(runner.app).get('/QUESTIONNAIRE/age');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe('/session-expired');
  });

  it('answers OPTIONS with the methods it handles', async () => {
    const options = await respondent.options('/questionnaire/age').expect(200);
    expect(options.headers.allow).toBe('GET, HEAD, POST');
    expect(options.text).toBe('GET, HEAD, POST');
  });

  it('sends a respondent without a session to the session-expired page, whatever the method', async () => {
    for (const path of ['/questionnaire/age', '/submit', '/thank-you/', '/view-answers']) {
      const page = await supertest(runner.app).get(path);
      expect(page.status, path).toBe(303);
      expect(page.headers.location, path).toBe('/session-expired');
    }
    expect((await supertest(runner.app).get('/questionnaires')).status).toBe(404);
  });

  it('passes an error of a page to the error pages', async () => {
    runner.services.responses.load = async () => {
      throw new Error('store down');
    };
    const failed = await respondent.get('/questionnaire/age');
    expect(failed.status).toBe(500);
    expect(failed.text).not.toContain('store down');
  });
});
