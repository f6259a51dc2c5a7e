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
  const now = services.now();
  const today = todayIso(now);
  const incomplete = () =>
    res.redirect(303, locationUrl(respondent.compiled, firstIncompleteLocation(q, record.state, { today })));
  if (record.status === 'submitted') return res.redirect(303, '/thank-you');
  if (record.status === 'inProgress' && !isComplete(q, record.state, { today })) return incomplete();
  // First fix the submission's id and time, once, whoever gets there first (double clicks, two
  // tabs): every request then builds the very same document.
  const fixed = await services.responses.update(
    session.responseId,
    session.secret,
    (current) =>
      current.status === 'inProgress' && isComplete(q, current.state, { today })
        ? { ...current, status: 'submitting', submissionId: submissionIdFor(current), submittedAt: now.toISOString() }
        : undefined,
    record,
  );
  if (!fixed || fixed.status === 'inProgress') return incomplete();
  await finishSubmission(services, req, respondent, fixed);
  res.redirect(303, '/thank-you');
}

/**
 * Puts the submission in the durable outbox, then marks the response submitted. Only one request
 * tries the delivery at once; any other just makes sure the same document is queued, so a
 * request that died half way is finished by the next one (or by the thank-you page).
 */
async function finishSubmission(
  services: Services,
  req: Request,
  respondent: Respondent,
  record: StoredResponse,
): Promise<void> {
  if (record.status !== 'submitting' || !record.submissionId || !record.submittedAt) return;
  const { session, questionnaire: q } = respondent;
  const submission = buildSubmission(
    q,
    record.state,
    {
      submissionId: record.submissionId,
      responseId: record.responseId,
      questionnaireVersion: record.questionnaire.version,
      startedAt: record.startedAt,
      submittedAt: record.submittedAt,
      language: session.lang,
      ...(record.respondentRef === undefined ? {} : { respondentRef: record.respondentRef }),
      ...(record.test ? { test: true } : {}),
    },
    { today: record.submittedAt.slice(0, 10) },
  );
  const first = await services.store.claimOnce(`deliver-now:${record.submissionId}`, 3600);
  if (first) {
    const outcome = await services.delivery.deliverNow(submission);
    req.log.info({ submissionId: record.submissionId, outcome }, 'response submitted');
  } else {
    await services.outbox.enqueue(submission);
  }
  await services.responses.update(
    session.responseId,
    session.secret,
    (current) => (current.status === 'submitting' ? { ...current, status: 'submitted' } : undefined),
    record,
  );
}

async function thankYou(services: Services, req: Request, res: Response): Promise<void> {
  const respondent = respondentOf(res);
  const { questionnaire: q } = respondent;
  let record = respondent.record;
  if (record.status === 'submitting') {
    await finishSubmission(services, req, respondent, record);
    record = { ...record, status: 'submitted' };
  }
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
