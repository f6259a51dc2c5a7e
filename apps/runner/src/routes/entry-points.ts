import { createHmac, randomUUID } from 'node:crypto';
import { hashCode, responseIdForCode, secretForCode, verifyCode } from '@eq/access-code';
import { validateMetadata } from '@eq/engine';
import { type Request, type Response, Router } from 'express';
import { replayKey, replayTtlSeconds } from '../launch/replay.ts';
import { isInterfaceLanguage } from '../middleware/language.ts';
import type { PublishedVersion } from '../questionnaires/source.ts';
import type { Services } from '../services.ts';
import type { SessionCookies } from '../session/session-cookie.ts';
import {
  closedView,
  codeNeedsLaunchView,
  errorView,
  type LaunchProblem,
  launchProblemView,
  notFoundView,
  revokedCodeView,
} from '../view-models/messages.ts';
import { ACCESS_CODE_FIELD, type AccessCodeProblem, startView } from '../view-models/start.ts';
import { chrome, render } from './render.ts';
import { newSecret, type StartOutcome, startResponse } from './respondent.ts';
import { INTRODUCTION_URL } from './urls.ts';

/**
 * The three ways in: a signed launch token (`/session?token=`), an access code (`/start`) and an
 * open link (`/s/<slug>`). Each starts a response or resumes the one it names, then sends the
 * respondent to where they left off.
 */
export function entryPointRoutes(services: Services, sessions: SessionCookies): Router {
  const router = Router();
  router.get('/session', (req, res) => launch(services, sessions, req, res));
  router.get('/start', (req, res) =>
    render(res, services, startView({ chrome: chrome(req, res, services), action: '/start' })),
  );
  router.post('/start', (req, res) => accessCode(services, sessions, req, res));
  router.get('/s/:slug', (req, res) => openLink(services, sessions, req, res));
  return router;
}

async function launch(services: Services, sessions: SessionCookies, req: Request, res: Response): Promise<void> {
  const refuse = (status: number, problem: LaunchProblem, reason: string) => {
    req.log.warn({ reason }, 'launch refused');
    const page = launchProblemView({ chrome: chrome(req, res, services), problem, reference: String(req.id) });
    render(res, services, page, status);
  };
  const verified = await services.launchTokens.verify(req.query.token);
  if (!verified.ok) {
    const problem = verified.reason === 'expired' || verified.reason === 'too-old' ? 'expired' : 'invalid';
    return refuse(401, problem, `${verified.reason}: ${verified.detail}`);
  }
  const { claims } = verified;
  const now = services.now();
  if (!(await services.store.claimOnce(replayKey(claims), replayTtlSeconds(claims, now)))) {
    return refuse(401, 'expired', 'token already used');
  }
  const published = claims.version
    ? await services.source.version(claims.questionnaire, claims.version)
    : await services.source.latest(claims.questionnaire);
  if (!published) return refuse(404, 'notAvailable', 'no such questionnaire or version');
  const { metadata, problems } = validateMetadata(published.questionnaire, claims.metadata ?? {});
  if (problems.length > 0)
    return refuse(400, 'details', `metadata: ${problems.map((p) => `${p.name} ${p.code}`).join(', ')}`);
  const lang = claims.lang && published.questionnaire.languages.includes(claims.lang) ? claims.lang : req.lang;
  const outcome = await startResponse(services, sessions, res, {
    published,
    responseId: claims.response_id,
    via: 'launch',
    // A launch always leads to the same response, from any device: its key derives from the id.
    secret: createHmac('sha256', services.keys.session)
      .update(`launch-response:${claims.response_id}`)
      .digest('base64url'),
    lang,
    metadata,
    ...(claims.respondent_ref === undefined ? {} : { respondentRef: claims.respondent_ref }),
    ...(claims.preview ? { test: true } : {}),
  });
  afterStart(services, req, res, outcome, published);
}

async function accessCode(services: Services, sessions: SessionCookies, req: Request, res: Response): Promise<void> {
  const again = (error: AccessCodeProblem, status: number) =>
    render(res, services, startView({ chrome: chrome(req, res, services), action: '/start', error }), status);
  try {
    await services.startAttempts.consume(req.ip ?? 'unknown');
  } catch {
    return again('tooMany', 429);
  }
  const input: unknown = req.body?.[ACCESS_CODE_FIELD];
  if (typeof input !== 'string' || input.trim() === '') return again('missing', 200);
  const verified = verifyCode(services.keys.accessCode, input);
  if (!verified.ok) return again('invalid', 200);
  const slug = await services.source.slugForSeries(verified.series);
  const published = slug === undefined ? undefined : await services.source.latest(slug);
  if (!published) return again('invalid', 200);
  // Checked before the response is opened, so a revoked code neither starts a response nor
  // resumes one on another device.
  if (await services.source.isCodeRevoked(verified.series, hashCode(verified.code))) {
    req.log.warn({ series: verified.series }, 'access code refused: revoked');
    const page = revokedCodeView({ chrome: chrome(req, res, services), startUrl: '/start' });
    return render(res, services, page, 403);
  }
  // Like an open link, a code carries no launch data: a questionnaire that needs some cannot start from one.
  if (validateMetadata(published.questionnaire, {}).problems.length > 0) {
    req.log.warn({ slug: published.slug }, 'access code refused: the questionnaire needs launch data');
    return render(res, services, codeNeedsLaunchView({ chrome: chrome(req, res, services) }), 403);
  }
  const key = services.keys.accessCode;
  const outcome = await startResponse(services, sessions, res, {
    published,
    responseId: responseIdForCode(key, verified.code),
    via: 'code',
    secret: secretForCode(key, verified.code),
    lang: req.lang,
  });
  afterStart(services, req, res, outcome, published);
}

async function openLink(services: Services, sessions: SessionCookies, req: Request, res: Response): Promise<void> {
  const slug = String(req.params.slug);
  const published = await services.source.latest(slug);
  // A questionnaire that needs launch data (an address, a reporting period) cannot start from a
  // link anyone can open: it would ask its questions about nothing.
  if (!published?.openAccess || validateMetadata(published.questionnaire, {}).problems.length > 0) {
    render(res, services, notFoundView({ chrome: chrome(req, res, services) }), 404);
    return;
  }
  // The same browser resumes its response, even after its idle session ended.
  const previous = req.session ?? req.expiredSession;
  if (previous) {
    const record = await services.responses.load(previous.responseId, previous.secret);
    if (record?.questionnaire.slug === slug && record.status === 'inProgress') {
      const outcome = await startResponse(services, sessions, res, {
        published,
        responseId: previous.responseId,
        via: 'open',
        secret: previous.secret,
        lang: previous.lang,
      });
      return afterStart(services, req, res, outcome, published);
    }
  }
  const lang = isInterfaceLanguage(req.lang) ? req.lang : 'en';
  const outcome = await startResponse(services, sessions, res, {
    published,
    responseId: randomUUID(),
    via: 'open',
    secret: newSecret(),
    lang,
  });
  afterStart(services, req, res, outcome, published);
}

/** A started response opens at its introduction (if it has one), a resumed one where it was left. */
function afterStart(
  services: Services,
  req: Request,
  res: Response,
  outcome: StartOutcome,
  published: PublishedVersion,
): void {
  if ('record' in outcome) {
    const { status, state } = outcome.record;
    const fresh = state.completed.length === 0 && published.questionnaire.introduction !== undefined;
    res.redirect(303, status !== 'inProgress' ? '/thank-you' : fresh ? INTRODUCTION_URL : '/questionnaire/');
    return;
  }
  const page =
    outcome.refused === 'closed'
      ? closedView({ chrome: chrome(req, res, services) })
      : errorView({ chrome: chrome(req, res, services), reference: String(req.id) });
  render(res, services, page, outcome.refused === 'closed' ? 403 : 409);
}
