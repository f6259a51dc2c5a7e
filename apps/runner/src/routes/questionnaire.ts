import { randomBytes } from 'node:crypto';
import {
  type AnswerValue,
  type CompiledQuestionnaire,
  canVisit,
  type FormInput,
  firstIncompleteLocation,
  type Location,
  locationContext,
  previousLocation,
  savePage,
  todayIso,
  translate,
  validateQuestion,
} from '@eq/engine';
import type { Request, RequestHandler, Response } from 'express';
import type { Services } from '../services.ts';
import { introductionView } from '../view-models/introduction.ts';
import { alreadySubmittedView, notFoundView } from '../view-models/messages.ts';
import { locationView } from '../view-models/render-location.ts';
import { questionAt } from './question-at.ts';
import { chrome, render, seeOther } from './render.ts';
import { type Respondent, respondentOf } from './respondent.ts';
import { INTRODUCTION_URL, locationFromPath, locationUrl } from './urls.ts';

/**
 * One URL per location. GET shows it when the respondent may be there (otherwise sends them to
 * where they should be); POST validates with the engine, then either shows the page again with
 * its errors or saves (compare-and-set, so nothing another tab saved is lost) and redirects to
 * the engine's next location.
 */
export function questionnairePages(services: Services): RequestHandler {
  // One middleware rather than a Router of two routes: a Router costs every request its own
  // dispatch (most of them are these pages). It answers as that Router did: HEAD as GET (a page
  // sends no body to HEAD), OPTIONS with the methods it has, and any other method or path goes on.
  return (req, res, next) => {
    if (!QUESTIONNAIRE_PATH.test(req.path)) return next();
    if (req.method === 'GET' || req.method === 'HEAD') return show(services, req, res);
    if (req.method === 'POST') return save(services, req, res);
    if (req.method === 'OPTIONS') return allowed(res);
    next();
  };
}

const QUESTIONNAIRE_PATH = /^\/questionnaire(\/.*)?$/;
const ALLOWED = 'GET, HEAD, POST';

/** Express's answer to OPTIONS on a path whose routes do not handle it (router's sendOptionsResponse). */
function allowed(res: Response): void {
  res.setHeader('Allow', ALLOWED);
  res.setHeader('Content-Length', ALLOWED.length);
  res.setHeader('Content-Type', 'text/plain');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(ALLOWED);
}

interface Visit {
  respondent: Respondent;
  location: Location;
  today: string;
  returnTo?: Location;
}

function visit(services: Services, req: Request, res: Response): Visit | undefined {
  const respondent = respondentOf(res);
  const { compiled, record } = respondent;
  const today = todayIso(services.now());
  if (record.status !== 'inProgress') {
    render(
      res,
      services,
      alreadySubmittedView({ chrome: pageChrome(services, req, res, respondent), viewAnswersUrl: '/view-answers' }),
    );
    return undefined;
  }
  const state = record.state;
  const q = respondent.questionnaire;
  const path = req.path.replace(/\/+$/, '');
  if (path === INTRODUCTION_URL) {
    const first = locationUrl(compiled, firstIncompleteLocation(q, state, { today }));
    if (q.introduction && req.method === 'GET') {
      const ctx = locationContext(q, state, { kind: 'summary' }, { lang: req.lang, today });
      const chromed = pageChrome(services, req, res, respondent);
      render(res, services, introductionView({ chrome: chromed, questionnaire: q, ctx, startUrl: first }));
    } else {
      seeOther(res, first);
    }
    return undefined;
  }
  const location = locationFromPath(compiled, req.path.slice('/questionnaire'.length));
  if (!location) {
    if (path === '/questionnaire') {
      seeOther(res, locationUrl(compiled, firstIncompleteLocation(q, state, { today })));
    } else {
      render(res, services, notFoundView({ chrome: pageChrome(services, req, res, respondent) }), 404);
    }
    return undefined;
  }
  if (!canVisit(q, state, location, { today })) {
    seeOther(res, locationUrl(compiled, firstIncompleteLocation(q, state, { today })));
    return undefined;
  }
  const returnTo = returnLocation(compiled, req.query.return);
  return { respondent, location, today, ...(returnTo ? { returnTo } : {}) };
}

async function show(services: Services, req: Request, res: Response): Promise<void> {
  const at = visit(services, req, res);
  if (at) renderLocation(services, req, res, at);
}

async function save(services: Services, req: Request, res: Response): Promise<void> {
  const at = visit(services, req, res);
  if (!at) return;
  const { respondent, location, today, returnTo } = at;
  const q = respondent.questionnaire;
  const ctx = locationContext(q, respondent.record.state, location, { lang: req.lang, today });
  const question = questionAt(respondent.compiled, location, ctx);
  const form = (req.body ?? {}) as FormInput;
  const { values, errors } = question ? validateQuestion(question, form, ctx) : { values: {}, errors: [] };
  if (errors.length > 0) {
    renderLocation(services, req, res, at, { form, errors });
    return;
  }
  let next: Location | undefined;
  const { session, record } = respondent;
  await services.responses.update(
    session.responseId,
    session.secret,
    (current) => {
      if (current.status !== 'inProgress' || current.questionnaire.version !== record.questionnaire.version)
        return undefined;
      const saved = savePage(q, current.state, location, values as Record<string, AnswerValue | undefined>, {
        today,
        newItemId,
        ...(returnTo ? { returnTo } : {}),
      });
      next = saved.next;
      return saved.state === current.state ? undefined : { ...current, state: saved.state };
    },
    record,
  );
  const target = next ?? location;
  seeOther(res, withReturn(locationUrl(respondent.compiled, target), returnTo, target, respondent.compiled));
}

function renderLocation(
  services: Services,
  req: Request,
  res: Response,
  at: Visit,
  posted: { form?: FormInput; errors?: ReturnType<typeof validateQuestion>['errors'] } = {},
): void {
  const { respondent, location, today, returnTo } = at;
  const q = respondent.questionnaire;
  const compiled = respondent.compiled;
  const ctx = locationContext(q, respondent.record.state, location, { lang: req.lang, today });
  const previous = previousLocation(q, respondent.record.state, location, { today });
  const backUrl = returnTo
    ? locationUrl(compiled, returnTo)
    : previous
      ? locationUrl(compiled, previous)
      : q.introduction && INTRODUCTION_URL;
  const page = locationView({
    chrome: pageChrome(services, req, res, respondent),
    questionnaire: q,
    location,
    ctx,
    action: withReturn(locationUrl(compiled, location), returnTo, location, compiled),
    urls: (l) => locationUrl(compiled, l),
    ...(backUrl ? { backUrl } : {}),
    ...(posted.form ? { form: posted.form } : {}),
    ...(posted.errors ? { errors: posted.errors } : {}),
  });
  render(res, services, page);
}

/** The chrome of a respondent's page: the questionnaire's title and languages, signed in. */
export function pageChrome(services: Services, req: Request, res: Response, respondent: Respondent) {
  const q = respondent.questionnaire;
  const serviceTitle = translate(q.title, req.lang, respondent.compiled.defaultLanguage);
  return chrome(req, res, services, { languages: q.languages, signedIn: true, serviceTitle });
}

/**
 * `?return=summary`, `?return=sections/<id>[/<item>]` or a calculated summary page: where a change
 * link should come back to.
 */
function returnLocation(compiled: CompiledQuestionnaire, value: unknown): Location | undefined {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const location = locationFromPath(compiled, `/${value}`);
  if (location?.kind === 'page') {
    return compiled.pages.get(location.page)?.page.kind === 'calculatedSummary' ? location : undefined;
  }
  return location;
}

/** Keeps `?return=` on the way to the next page, until the respondent is back where they came from. */
function withReturn(
  url: string,
  returnTo: Location | undefined,
  target: Location,
  compiled: CompiledQuestionnaire,
): string {
  if (!returnTo) return url;
  const back = locationUrl(compiled, returnTo);
  return back === locationUrl(compiled, target) ? url : `${url}?return=${back.slice('/questionnaire/'.length)}`;
}

/**
 * New list item ids: short, random, URL-safe (they appear in URLs and submissions). Never starting
 * with `-`: spreadsheets read a leading `-` as a formula, so the author app's exports would quote it.
 */
function newItemId(): string {
  let id = randomBytes(6).toString('base64url');
  while (id.startsWith('-')) id = randomBytes(6).toString('base64url');
  return id;
}
