import { Submission } from '@eq/schema';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeliveryWorker } from '../../submission/delivery-worker.ts';
import { Outbox, SUBMISSIONS_QUEUE } from '../../submission/outbox.ts';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { HttpRespondent } from '../../testing/http-respondent.ts';
import { LatentStore } from '../../testing/latent-store.ts';
import { walk } from '../../testing/walk.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner({}, { store: new LatentStore() });
});
afterAll(() => runner.close());

/** A respondent on the check-your-answers page of routing-and, ready to submit. */
async function readyToSubmit(on: TestRunner = runner): Promise<HttpRespondent> {
  const respondent = new HttpRespondent(on);
  await respondent.start('routing-and');
  await walk(respondent.browser, [
    ['age', { 'age-answer': '30' }],
    ['paid-work', { 'paid-work-answer': 'yes' }],
    ['hours-worked', { 'hours-worked-answer': '37' }],
  ]);
  expect(respondent.browser.page.url).toBe('/questionnaire/summary');
  return respondent;
}

async function deliveredFor(respondent: HttpRespondent, on: TestRunner = runner): Promise<Submission[]> {
  const { responseId } = await respondent.record();
  return on.delivered.filter((s) => s.responseId === responseId);
}

describe('submitting once', () => {
  it('delivers one submission of two submits at the same moment, and shows both tabs the thank-you page', async () => {
    for (let round = 0; round < 5; round++) {
      const respondent = await readyToSubmit();
      const tabs = [respondent.browser, respondent.browser.tab()];
      await tabs[1]?.open('/questionnaire/summary');
      await Promise.all(tabs.map((tab) => tab.submit({}, '/submit')));
      for (const tab of tabs) expect(tab.page.url).toBe('/thank-you');
      const delivered = await deliveredFor(respondent);
      expect(delivered).toHaveLength(1);
      const record = await respondent.record();
      expect(record.status).toBe('submitted');
      expect(record.submissionId).toBe(delivered[0]?.submissionId);
      expect(record.submittedAt).toBe(delivered[0]?.submittedAt);
    }
  });

  it('delivers nothing more when the respondent goes back and submits again', async () => {
    const respondent = await readyToSubmit();
    const { browser } = respondent;
    const summary = browser.page;
    await browser.submit({}, '/submit');
    expect(browser.page.url).toBe('/thank-you');
    browser.page = summary;
    await browser.submit({}, '/submit');
    expect(browser.page.url).toBe('/thank-you');
    expect(await deliveredFor(respondent)).toHaveLength(1);
  });

  it('shows the already-submitted page for any page of a submitted response, and changes nothing', async () => {
    const respondent = await readyToSubmit();
    const { browser } = respondent;
    const age = browser.tab();
    await age.open('/questionnaire/age');
    await browser.submit({}, '/submit');
    const submitted = await respondent.record();

    await age.submit({ 'age-answer': '99' });
    expect(age.heading()).toBe('Your answers have already been submitted');
    await browser.open('/questionnaire/age');
    expect(browser.heading()).toBe('Your answers have already been submitted');
    expect(await respondent.record()).toEqual(submitted);
    expect(await deliveredFor(respondent)).toHaveLength(1);
  });

  it('sends a respondent who submits too early to the first page still to answer', async () => {
    const respondent = new HttpRespondent(runner);
    await respondent.start('routing-and');
    const { browser } = respondent;
    await walk(browser, [['age', { 'age-answer': '30' }]]);
    await browser.submit({}, '/submit');
    expect(browser.page.url).toBe('/questionnaire/paid-work');
    expect((await respondent.record()).status).toBe('inProgress');
    expect(await deliveredFor(respondent)).toHaveLength(0);
  });
});

describe('a submission the author app cannot take yet', () => {
  const OUTBOX_KEY = 'an-outbox-key-for-the-journey-tests-0123456789';
  let failing: TestRunner;
  const attempts: Submission[] = [];
  beforeAll(async () => {
    failing = await testRunner(
      { OUTBOX_KEY },
      {
        store: new LatentStore(),
        deliver: async (submission) => {
          attempts.push(submission);
          return { outcome: 'retry', reason: 'author api unavailable (test)' };
        },
      },
    );
  });
  afterAll(() => failing.close());

  it('still confirms, keeps the submission in the outbox, and a later worker run delivers it', async () => {
    const respondent = await readyToSubmit(failing);
    await respondent.browser.submit({}, '/submit');
    expect(respondent.browser.page.url).toBe('/thank-you');
    expect(respondent.browser.page.status).toBe(200);
    expect(attempts).toHaveLength(1);
    const record = await respondent.record();
    expect(record.status).toBe('submitted');
    expect(await failing.services.store.queueLength(SUBMISSIONS_QUEUE)).toBe(1);

    // Another instance's worker, an hour later: the retry is due.
    const outbox = new Outbox({
      store: failing.services.store,
      serverKey: OUTBOX_KEY,
      now: () => Date.now() + 3_600_000,
    });
    const received: Submission[] = [];
    const worker = startDeliveryWorker({
      outbox,
      logger: pino({ level: 'silent' }),
      intervalMs: 5,
      deliver: async (submission) => {
        received.push(submission);
        return { outcome: 'delivered', status: 201 };
      },
    });
    try {
      await expect.poll(() => received.length, { timeout: 5_000 }).toBe(1);
    } finally {
      await worker.stop();
    }
    expect(received[0]).toEqual(attempts[0]);
    expect(received[0]?.submissionId).toBe(record.submissionId);
    expect(Submission.safeParse(received[0]).success).toBe(true);
    expect(await failing.services.store.queueLength(SUBMISSIONS_QUEUE)).toBe(0);
  });
});
