import { randomBytes } from 'node:crypto';
import { type CompiledQuestionnaire, compile, emptyState } from '@eq/engine';
import type { Questionnaire } from '@eq/schema';
import type { RequestHandler, Response } from 'express';
import { inSequence } from '../middleware/sequence.ts';
import type { PublishedVersion } from '../questionnaires/source.ts';
import type { StoredResponse } from '../responses/stored-response.ts';
import type { Services } from '../services.ts';
import type { EntryRoute, Session } from '../session/session.ts';
import type { SessionCookies } from '../session/session-cookie.ts';

/** A respondent's request context: their session, their response and the version they are pinned to. */
export interface Respondent {
  session: Session;
  record: StoredResponse;
  published: PublishedVersion;
  questionnaire: Questionnaire;
  compiled: CompiledQuestionnaire;
}

export function respondentOf(res: Response): Respondent {
  return res.locals.respondent as Respondent;
}

/** The respondent's paths and any below them, in any letter case, as `app.use(paths)` matched them. */
const RESPONDENT_PATH = /^\/(?:questionnaire|submit|thank-you|view-answers)(?:\/|$)/i;

/**
 * The respondent's pages: on their paths, the respondent is loaded (below), then `pages` (the
 * questionnaire's) answer or pass on to the routes after this (submission's). One middleware, as
 * nearly every request is one of these: each Express layer or Router costs every request.
 */
export function respondentPages(services: Services, sessions: SessionCookies, pages: RequestHandler): RequestHandler {
  const loaded = inSequence(loadRespondent(services, sessions), pages);
  return (req, res, next) => (RESPONDENT_PATH.test(req.path) ? loaded(req, res, next) : next());
}

/**
 * Loads the respondent for pages that need one: no session (or an idle one) goes to the
 * session-expired page, and every request moves the idle session's end on.
 */
function loadRespondent(services: Services, sessions: SessionCookies): RequestHandler {
  return async (req, res, next) => {
    const session = req.session;
    if (!session) {
      res.redirect(303, '/session-expired');
      return;
    }
    const record = await services.responses.load(session.responseId, session.secret);
    if (!record) {
      sessions.clear(res);
      res.redirect(303, '/session-expired');
      return;
    }
    const published = await services.source.version(record.questionnaire.slug, record.questionnaire.version);
    if (!published)
      throw new Error(`questionnaire ${record.questionnaire.slug} v${record.questionnaire.version} is not available`);
    const refreshed = sessions.extend(res, session, idleEnd(services, session.idleMinutes));
    req.session = refreshed;
    const questionnaire = published.questionnaire;
    res.locals.respondent = { session: refreshed, record, published, questionnaire, compiled: compile(questionnaire) };
    next();
  };
}

/** When a session idle for `minutes` from now ends (epoch seconds). */
export function idleEnd(services: Services, minutes: number): number {
  return Math.floor(services.now().getTime() / 1000) + minutes * 60;
}

export interface StartRequest {
  published: PublishedVersion;
  responseId: string;
  /** The respondent's key material (base64url, 32 bytes). */
  secret: string;
  lang: string;
  via: EntryRoute;
  metadata?: Record<string, string | number | boolean>;
  respondentRef?: string;
  test?: boolean;
}

export type StartOutcome = { record: StoredResponse } | { refused: 'closed' | 'unreadable' };

/**
 * Starts a response, or resumes it when it exists (the same access code or launch on another
 * device): a respondent stays pinned to the version they started, and a closed questionnaire
 * refuses only new starts. `unreadable`: a response with this id exists but this secret cannot
 * open it.
 */
export async function startResponse(
  services: Services,
  sessions: SessionCookies,
  res: Response,
  start: StartRequest,
): Promise<StartOutcome> {
  const { responses } = services;
  let record = await responses.load(start.responseId, start.secret);
  if (!record) {
    if (!isOpen(start.published, services.now())) return { refused: 'closed' };
    const now = services.now().toISOString();
    const fresh: StoredResponse = {
      responseId: start.responseId,
      questionnaire: { slug: start.published.slug, version: start.published.version },
      state: emptyState(start.metadata ?? {}),
      status: 'inProgress',
      language: start.lang,
      startedAt: now,
      updatedAt: now,
      ...(start.respondentRef === undefined ? {} : { respondentRef: start.respondentRef }),
      ...(start.test || start.published.preview ? { test: true } : {}),
    };
    // Two tabs starting at once: one creates, the other opens what it created.
    record = (await responses.create(fresh, start.secret))
      ? fresh
      : await responses.load(start.responseId, start.secret);
  }
  if (!record) return { refused: 'unreadable' };
  const pinned = await services.source.version(record.questionnaire.slug, record.questionnaire.version);
  const idleMinutes =
    (pinned ?? start.published).questionnaire.sessionTimeoutMinutes ?? services.config.SESSION_TIMEOUT_MINUTES;
  sessions.write(res, {
    responseId: start.responseId,
    secret: start.secret,
    lang: start.lang,
    expiresAt: idleEnd(services, idleMinutes),
    idleMinutes,
    via: start.via,
  });
  return { record };
}

/** Whether new responses may start now (published, and inside the opening window). */
export function isOpen(published: PublishedVersion, now: Date): boolean {
  const at = now.getTime();
  if (published.opensAt && Date.parse(published.opensAt) > at) return false;
  return !(published.closesAt && Date.parse(published.closesAt) <= at);
}

/** Fresh key material for a respondent who holds no code or token (open links). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
