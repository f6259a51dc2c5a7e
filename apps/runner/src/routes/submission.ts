import { createHash } from 'node:crypto';
import { buildSubmission, firstIncompleteLocation, isComplete, locationContext, todayIso } from '@eq/engine';
import { type Request, type Response, Router } from 'express';
import type { StoredResponse } from '../responses/stored-response.ts';
import type { Services } from '../services.ts';
import { thankYouView, viewAnswersView } from '../view-models/thank-you.ts';
import { pageChrome } from './questionnaire.ts';
import { render } from './render.ts';
import { type Respondent, respondentOf } from './respondent.ts';
import { locationUrl } from './urls.ts';

/**
 * Submitting: only a complete response, only once. The submission goes into the durable outbox
 * before the response is marked submitted, so a respondent who sees the confirmation has a
 * submission that is never lost; double clicks, the back button and two tabs all produce the same
 * submission id, which the outbox and the author app keep once.
 */
export function submissionRoutes(services: Services): Router {
  const router = Router();
  router.post('/submit', (req, res) => submit(services, req, res));
  router.get('/thank-you', (req, res) => thankYou(services, req, res));
  router.get('/view-answers', (req, res) => viewAnswers(services, req, res));
  return router;
}

async function submit(services: Services, req: Request, res: Response): Promise<void> {
  const respondent = respondentOf(res);
  const { record, questionnaire: q, session } = respondent;
  if (record.status === 'submitted') return res.redirect(303, '/thank-you');
  const now = services.now();
  const today = todayIso(now);
  if (!isComplete(q, record.state, { today })) {
    return res.redirect(303, locationUrl(respondent.compiled, firstIncompleteLocation(q, record.state, { today })));
  }
  const submissionId = submissionIdFor(record);
  const submittedAt = now.toISOString();
  const submission = buildSubmission(
    q,
    record.state,
    {
      submissionId,
      responseId: record.responseId,
      questionnaireVersion: record.questionnaire.version,
      startedAt: record.startedAt,
      submittedAt,
      language: session.lang,
      ...(record.respondentRef === undefined ? {} : { respondentRef: record.respondentRef }),
      ...(record.test ? { test: true } : {}),
    },
    { today },
  );
  const outcome = await services.delivery.deliverNow(submission);
  req.log.info({ submissionId, outcome }, 'response submitted');
  await services.responses.update(session.responseId, session.secret, (current) =>
    current.status === 'submitted' ? undefined : { ...current, status: 'submitted', submittedAt, submissionId },
  );
  res.redirect(303, '/thank-you');
}

async function thankYou(services: Services, req: Request, res: Response): Promise<void> {
  const respondent = respondentOf(res);
  const { record, questionnaire: q } = respondent;
  if (record.status !== 'submitted') return res.redirect(303, '/questionnaire/');
  const until = viewableUntil(services, record);
  const ctx = locationContext(
    q,
    record.state,
    { kind: 'summary' },
    { lang: req.lang, today: todayIso(services.now()) },
  );
  render(
    res,
    services,
    thankYouView({
      chrome: pageChrome(services, req, res, respondent),
      questionnaire: q,
      ctx,
      reference: shortReference(record.submissionId ?? record.responseId),
      ...(until ? { viewAnswersUrl: '/view-answers', viewAnswersUntil: until } : {}),
    }),
  );
}

async function viewAnswers(services: Services, req: Request, res: Response): Promise<void> {
  const respondent: Respondent = respondentOf(res);
  const { record, questionnaire: q } = respondent;
  if (record.status !== 'submitted' || !viewableUntil(services, record)) return res.redirect(303, '/thank-you');
  const ctx = locationContext(
    q,
    record.state,
    { kind: 'summary' },
    { lang: req.lang, today: todayIso(services.now()) },
  );
  render(
    res,
    services,
    viewAnswersView({
      chrome: pageChrome(services, req, res, respondent),
      questionnaire: q,
      ctx,
      backUrl: '/thank-you',
      ...(record.submittedAt ? { submittedAt: record.submittedAt } : {}),
    }),
  );
}

/** Until when submitted answers can be viewed and printed (ISO), or undefined once that time has passed. */
function viewableUntil(services: Services, record: StoredResponse): string | undefined {
  if (!record.submittedAt) return undefined;
  const until = Date.parse(record.submittedAt) + services.config.VIEW_ANSWERS_MINUTES * 60_000;
  return until > services.now().getTime() ? new Date(until).toISOString() : undefined;
}

/** One submission id per response (a UUID derived from the response id), whoever submits it and however often. */
export function submissionIdFor(record: StoredResponse): string {
  const hex = createHash('sha256').update(`submission:${record.responseId}`).digest('hex');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A reference short enough to read out on the phone. */
function shortReference(id: string): string {
  return id
    .replaceAll('-', '')
    .slice(0, 12)
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');
}
