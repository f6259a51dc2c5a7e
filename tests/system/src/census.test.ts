import { readFileSync } from 'node:fs';
import { responseIdForCode } from '@eq/access-code';
import { Questionnaire, Submission } from '@eq/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedSubmission } from '../../../apps/runner/src/process/expected-submission.ts';
import { HttpSession, Targets } from '../../../loadtest/http-session.ts';
import { completeJourney, type JourneyPlan, planJourney } from '../../../loadtest/journey.ts';
import { AuthorApi, eventually } from './author-api.ts';
import { csvRecords, expectedItemRows, expectedResponseRow } from './exports.ts';
import { describeSystem, type System, startSystem } from './system.ts';

/**
 * The whole platform as deployed (DESIGN.md): questionnaires written and published through the
 * author app's API, answered in a runner, delivered back and exported. Nothing is faked: both apps
 * are production builds running as processes, on a real Postgres and a real Redis.
 */

const SLUG = 'census-2031';
/** A runner trusts the latest-version pointer and the revoked-code list for 30 s (questionnaires/README.md). */
const RUNNER_REFRESH_MS = 30_000;
/** Beyond that: a poll's interval and its requests on a busy machine. */
const SLACK_MS = 8000;
/** The runner delivers a submission at once; its outbox retries after a few seconds if that fails. */
const DELIVERY_MS = 30_000;
/** Version 2's title: every page's header shows the questionnaire's title. */
const V2_TITLE = 'Census household questionnaire, second edition';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../packages/schema/examples/${name}.json`, import.meta.url), 'utf8'));
const censusDefinition = example('census-household');
/** Access codes carry no launch data, so they are for questionnaires that need none, such as this one. */
const wellbeingDefinition = example('social-survey');

/** Text of the questionnaire in English (a plain string is in its only language). */
const englishOf = (text: string | Record<string, string>) => (typeof text === 'string' ? text : (text.en ?? ''));

interface Created {
  id: string;
}
interface IssuedToken {
  url: string;
  responseId: string;
  slug: string;
  version: number | null;
}
interface ResponseSummary {
  submissionId: string;
  responseId: string;
  version: number;
  test: boolean;
  respondentRef: string | null;
}

describeSystem('the real system: author API, runner, Postgres and Redis', (redisUrl) => {
  let system: System;
  let api: AuthorApi;
  let targets: Targets;
  let questionnaireId = '';
  let v1: Questionnaire;
  let clients = 0;

  beforeAll(async () => {
    system = await startSystem(redisUrl);
    targets = new Targets([system.runner.url]);
    api = await AuthorApi.withPersonalToken(system.author.url, system.admin);
  });

  afterAll(async () => {
    targets?.close();
    await system?.stop();
  });

  /** A respondent's browser; each has an address of its own (the runner limits access-code attempts per client). */
  const browser = () => new HttpSession(targets, { headers: { 'x-forwarded-for': `198.51.100.${++clients}` } });

  /** A launch token for the questionnaire, issued by the author app for this plan's launch values. */
  const launchToken = (plan: JourneyPlan, extra: Record<string, unknown> = {}) =>
    api.post<IssuedToken>(`/questionnaires/${questionnaireId}/launch-tokens`, {
      metadata: plan.state.metadata,
      ...extra,
    });

  /** The submission of a response, once the runner has delivered it to the author app. */
  async function delivered(responseId: string): Promise<Submission> {
    const summary = await eventually(
      `the submission of response ${responseId} in the author app`,
      async () => {
        const page = await api.get<{ responses: ResponseSummary[] }>(
          `/questionnaires/${questionnaireId}/responses?limit=500`,
        );
        return page.responses.find((r) => r.responseId === responseId);
      },
      DELIVERY_MS,
    );
    const document = await api.get<unknown>(`/questionnaires/${questionnaireId}/responses/${summary.submissionId}`);
    return Submission.parse(document);
  }

  async function enterAccessCode(code: string, session = browser()): Promise<HttpSession> {
    await session.open('/start');
    const csrf = /name="_csrf" value="([^"]*)"/.exec(session.page.html)?.[1] ?? '';
    await session.post('/start', { _csrf: csrf, 'access-code': code });
    return session;
  }

  describe('publishing through the API, as a script or CI would', () => {
    it('creates a survey and the census questionnaire, sets its slug and publishes version 1', async () => {
      const survey = await api.post<Created>('/surveys', { surveyRef: 'census', name: 'Census 2031' });
      const created = await api.post<Created & { revision: number; problems: unknown[] }>(
        `/surveys/${survey.id}/questionnaires`,
        { definition: censusDefinition },
      );
      expect(created).toMatchObject({ revision: 1, problems: [] });
      questionnaireId = created.id;
      const settings = await api.put<{ slug: string; slugFixed: boolean }>(
        `/questionnaires/${questionnaireId}/settings`,
        {
          slug: SLUG,
        },
      );
      expect(settings).toMatchObject({ slug: SLUG, slugFixed: false });
      const published = await api.post(`/questionnaires/${questionnaireId}/publish`, { notes: 'first edition' });
      expect(published).toMatchObject({ slug: SLUG, version: 1 });
      const version = await api.get<{ definition: unknown }>(`/questionnaires/${questionnaireId}/versions/1`);
      v1 = Questionnaire.parse(version.definition);
      // Submissions name the slug runners use.
      expect(v1.id).toBe(SLUG);
    });

    it('has a runner that is ready, reading the author app with its service credential', async () => {
      const ready = await fetch(`${system.runner.url}/readyz`);
      expect(ready.status).toBe(200);
      const pointer = await fetch(`${system.author.url}/api/v1/published/${SLUG}`, {
        headers: { authorization: `Bearer ${system.runnerToken}` },
      });
      expect(await pointer.json()).toMatchObject({ slug: SLUG, version: 1 });
    });
  });

  describe('a household of three, launched with a token the author app issued', () => {
    const journey = { seed: 7, people: 3 };
    let plan: JourneyPlan;
    let submission: Submission;
    /** The delivered submission with the lists and answers the engine builds from the journey's plan. */
    let engineBuilt: Submission;

    it('completes in the runner, and the author app receives the submission the engine would build', async () => {
      plan = planJourney(v1, journey);
      const issued = await launchToken(plan, { respondentRef: 'HH-0007' });
      expect(issued).toMatchObject({ slug: SLUG, version: null });
      expect(issued.url.startsWith(`${system.runner.url}/session?token=`)).toBe(true);

      const done = await completeJourney(browser(), plan, {
        start: { url: issued.url, responseId: issued.responseId },
      });
      submission = await delivered(done.responseId);
      expect(submission).toMatchObject({
        questionnaireId: SLUG,
        questionnaireVersion: 1,
        responseId: issued.responseId,
        respondentRef: 'HH-0007',
        language: 'en',
        ...expectedSubmission(v1, journey, submission),
      });
      engineBuilt = { ...submission, ...expectedSubmission(v1, journey, submission) };
      expect(submission.test).not.toBe(true);
      expect(submission.lists.people?.items).toHaveLength(3);
      expect(Object.values(done.itemIds).sort()).toEqual([...(submission.lists.people?.items ?? [])].sort());
    });

    it('lists the response', async () => {
      const page = await api.get<{ responses: ResponseSummary[] }>(`/questionnaires/${questionnaireId}/responses`);
      expect(page.responses).toEqual([
        expect.objectContaining({
          submissionId: submission.submissionId,
          responseId: submission.responseId,
          version: 1,
          test: false,
          respondentRef: 'HH-0007',
        }),
      ]);
    });

    it('exports a CSV row with every answer asked once in its data code’s column', async () => {
      const csv = await api.download(`/questionnaires/${questionnaireId}/responses/export?format=csv`);
      expect(csv.contentType).toMatch(/^text\/csv/);
      const { header, records } = csvRecords(csv.body);
      expect(header).toContain('metadata.address');
      expect(records).toEqual([expectedResponseRow(header, engineBuilt)]);
      expect(records[0]?.['metadata.address']).toBe(plan.state.metadata.address);
    });

    it('exports every household member and relationship in the list items CSV, cell by cell', async () => {
      const csv = await api.download(`/questionnaires/${questionnaireId}/responses/export?format=csv-lists`);
      const { header, records } = csvRecords(csv.body);
      const expected = expectedItemRows(header, engineBuilt);
      // Three people and the three pairs among them (and the visitors), each with what the journey answered.
      const people = expected.filter((row) => row.list === 'people');
      expect(people.filter((row) => row.to_list_item_id === '')).toHaveLength(3);
      expect(people.filter((row) => row.to_list_item_id !== '')).toHaveLength(3);
      expect(records).toEqual(expected);
      const answered = (row: Record<string, string>) =>
        Object.entries(row).filter(
          ([column, cell]) => header.indexOf(column) > header.indexOf('to_item_number') && cell,
        );
      for (const row of records) expect(answered(row).length).toBeGreaterThan(0);
    });

    it('exports the submission document in JSON lines, and the ingest takes it back as the same submission', async () => {
      const jsonl = await api.download(`/questionnaires/${questionnaireId}/responses/export?format=jsonl`);
      const lines = jsonl.body.split('\n').filter((line) => line !== '');
      expect(lines).toHaveLength(1);
      const exported = Submission.parse(JSON.parse(lines[0] ?? ''));
      expect(exported).toEqual(submission);
      const again = await fetch(`${system.author.url}/api/v1/submissions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${system.runnerToken}`,
          'content-type': 'application/json',
          'idempotency-key': exported.submissionId,
        },
        body: lines[0],
      });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ submissionId: submission.submissionId, status: 'duplicate' });
    });
  });

  describe('while the runner refreshes what it knows from the author app', () => {
    it.concurrent('refuses an access code at its next start once the author app has revoked it', async () => {
      // The census needs launch data (its address), which a code cannot carry.
      const refusedIssue = await api.request('POST', `/questionnaires/${questionnaireId}/access-codes`, { count: 3 });
      expect(refusedIssue.status).toBe(409);
      expect(((await refusedIssue.json()) as { error: { code: string } }).error.code).toBe('needs_launch_data');

      const survey = await api.post<Created>('/surveys', { surveyRef: 'wellbeing', name: 'Wellbeing 2031' });
      const wellbeing = await api.post<Created>(`/surveys/${survey.id}/questionnaires`, {
        definition: wellbeingDefinition,
      });
      await api.put(`/questionnaires/${wellbeing.id}/settings`, { slug: 'wellbeing-2031' });
      await api.post(`/questionnaires/${wellbeing.id}/publish`, {});
      const version = await api.get<{ definition: unknown }>(`/questionnaires/${wellbeing.id}/versions/1`);
      const issued = await api.post<{ codes: string[]; series: number }>(
        `/questionnaires/${wellbeing.id}/access-codes`,
        { count: 3 },
      );
      expect(issued.codes).toHaveLength(3);
      const [code = '', otherCode = ''] = issued.codes;
      const plan = planJourney(Questionnaire.parse(version.definition), { seed: 8 });

      // A household starts with its code and answers a few pages...
      const first = await enterAccessCode(code);
      expect(first.page).toMatchObject({ status: 200, url: '/questionnaire/introduction' });
      const responseId = responseIdForCode(system.accessCodeKey, code);
      await completeJourney(first, plan, { start: { url: first.page.url, responseId }, stopAfter: 3 });
      const leftAt = first.page.url;
      // ...and the same code on another device resumes where they left off.
      const second = await enterAccessCode(code);
      expect(second.page).toMatchObject({ status: 200, url: leftAt });

      const revoked = await api.post(`/questionnaires/${wellbeing.id}/access-codes/revoke`, { codes: [code] }, 200);
      expect(revoked).toEqual({ revoked: 1, alreadyRevoked: 0 });
      // Each attempt from a device of its own: the runner limits attempts per client.
      const refused = await eventually(
        'the runner refusing the revoked code',
        async () => {
          const attempt = await enterAccessCode(code);
          return attempt.page.status === 403 ? attempt : undefined;
        },
        RUNNER_REFRESH_MS + SLACK_MS,
        2000,
      );
      expect(refused.page.html).toContain('This access code is no longer valid');
      // The other codes of the batch still start responses.
      expect((await enterAccessCode(otherCode)).page).toMatchObject({
        status: 200,
        url: '/questionnaire/introduction',
      });
    });

    it.concurrent('keeps a respondent on version 1 when version 2 is published mid-journey, and launches new ones on version 2', async () => {
      const journeyA = { seed: 21, people: 2 };
      const planA = planJourney(v1, journeyA);
      const issuedA = await launchToken(planA);
      const half = Math.floor(planA.steps.length / 2);
      let v2: Questionnaire | undefined;
      let publishedAt = 0;
      const sessionA = browser();
      const doneA = await completeJourney(sessionA, planA, {
        start: { url: issuedA.url, responseId: issuedA.responseId },
        async afterPost(index) {
          if (index === half) {
            expect(sessionA.page.html).toContain(englishOf(v1.title));
            v2 = await publishVersion2();
            publishedAt = Date.now();
          }
          // After the publication, respondent A is still shown version 1.
          if (index > half) expect(sessionA.page.html).not.toContain(V2_TITLE);
        },
      });
      expect(v2).toBeDefined();
      const submissionA = await delivered(doneA.responseId);
      expect(submissionA).toMatchObject({ questionnaireVersion: 1, ...expectedSubmission(v1, journeyA, submissionA) });

      // A new launch (its token naming no version) starts the latest version once the runner has
      // refreshed its pointer: within 30 s of the publication.
      if (!v2) throw new Error('version 2 was not published');
      const journeyB = { seed: 22, people: 1 };
      const planB = planJourney(v2, journeyB);
      const { session: sessionB, issued: issuedB } = await eventually(
        'a new launch starting version 2',
        async () => {
          const issued = await launchToken(planB);
          const session = browser();
          await session.open(new URL(issued.url).pathname + new URL(issued.url).search);
          return session.page.html.includes(V2_TITLE) ? { session, issued } : undefined;
        },
        publishedAt + RUNNER_REFRESH_MS + SLACK_MS - Date.now(),
        1000,
      );
      const doneB = await completeJourney(sessionB, planB, {
        start: { url: sessionB.page.url, responseId: issuedB.responseId },
      });
      const submissionB = await delivered(doneB.responseId);
      expect(submissionB).toMatchObject({ questionnaireVersion: 2, ...expectedSubmission(v2, journeyB, submissionB) });

      const byVersion = async (version: number) =>
        (
          await api.get<{ responses: ResponseSummary[] }>(
            `/questionnaires/${questionnaireId}/responses?version=${version}`,
          )
        ).responses.map((r) => r.responseId);
      expect(await byVersion(2)).toEqual([submissionB.responseId]);
      expect(await byVersion(1)).toContain(submissionA.responseId);
    });
  });

  /** Edits the draft (a new title) and publishes it as version 2, through the API. */
  async function publishVersion2(): Promise<Questionnaire> {
    const draft = await api.get<{ definition: Questionnaire; revision: number }>(`/questionnaires/${questionnaireId}`);
    const { title } = draft.definition;
    const definition = {
      ...draft.definition,
      title: typeof title === 'string' ? V2_TITLE : { ...title, en: V2_TITLE },
    };
    await api.put(`/questionnaires/${questionnaireId}`, { definition, baseRevision: draft.revision });
    const published = await api.post(`/questionnaires/${questionnaireId}/publish`, { notes: 'second edition' });
    expect(published).toMatchObject({ slug: SLUG, version: 2 });
    const version = await api.get<{ definition: unknown }>(`/questionnaires/${questionnaireId}/versions/2`);
    return Questionnaire.parse(version.definition);
  }
});
