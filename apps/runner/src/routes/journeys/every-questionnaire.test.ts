import { buildSubmission, compile } from '@eq/engine';
import { Submission } from '@eq/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestRunner, testRunner } from '../../testing/harness.ts';
import { HttpRespondent } from '../../testing/http-respondent.ts';
import { sharedQuestionnaires } from '../../testing/shared-questionnaires.ts';

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

const questionnaires = sharedQuestionnaires();

describe('every fixture and example over HTTP', () => {
  it('serves every fixture and example', async () => {
    const served = ((await runner.services.source.list?.()) ?? []).map((q) => q.slug);
    expect(served).toEqual(expect.arrayContaining(questionnaires.map(({ q }) => q.id)));
  });

  it.each(questionnaires.map(({ name, q }, i) => ({ name, q, seed: i + 1 })))(
    '$name is answered page by page as the engine says, and its submission is the engine’s',
    async ({ q, seed }) => {
      const respondent = new HttpRespondent(runner, { people: 3, seed });
      await respondent.start(q.id);
      await respondent.complete();
      const shadow = respondent.expected;
      const session = await respondent.session();
      await respondent.submit();
      expect(respondent.browser.page.url).toBe('/thank-you');

      const record = await respondent.record();
      const delivered = runner.delivered.filter((s) => s.responseId === record.responseId);
      expect(delivered).toHaveLength(1);
      expect(record.status).toBe('submitted');
      expect(record.state).toEqual(shadow);
      if (!shadow || !record.submissionId || !record.submittedAt) throw new Error('not submitted');
      const expected = buildSubmission(
        q,
        shadow,
        {
          submissionId: record.submissionId,
          responseId: record.responseId,
          questionnaireVersion: record.questionnaire.version,
          startedAt: record.startedAt,
          submittedAt: record.submittedAt,
          language: session.lang,
          ...(record.respondentRef === undefined ? {} : { respondentRef: record.respondentRef }),
        },
        { today: respondent.today() },
      );
      expect(delivered[0]).toEqual(expected);
      expect(Submission.safeParse(delivered[0]).success).toBe(true);
      const posted = respondent.posts.flatMap(({ location }) => (location.kind === 'page' ? [location.page] : []));
      expect(posted.length).toBeGreaterThan(0);
      expect(posted.every((page) => compile(q).pages.has(page))).toBe(true);
    },
  );
});
