import type { Request, Response } from 'express';
import { languageName, t } from '../i18n/index.ts';
import { sendPage } from '../middleware/compress.ts';
import { INTERFACE_LANGUAGES } from '../middleware/language.ts';
import type { Services } from '../services.ts';
import type { Chrome } from '../view-models/chrome.ts';
import type { PageView } from '../view-models/view.ts';
import { renderPage } from '../views/engine.ts';

/** Renders a view-model's page as HTML (as its frame's parts when it has one: see sendPage). */
export function render(res: Response, services: Services, page: PageView, status = 200): void {
  const rendered = renderPage(services.views, page.template, page.view);
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  sendPage(res, rendered, services.config.COMPRESS === 'on');
}

/** URLs the runner makes for itself: nothing in them needs encoding for a Location header. */
const PLAIN_URL = /^\/[A-Za-z0-9\-._~/?=&]*$/;

/**
 * A 303 to one of the runner's own URLs, as `res.redirect(303, url)` sends it to a client that
 * prefers text (`See Other. Redirecting to <url>`), without its content negotiation (which also
 * added `Vary: Accept`) or URL encoding; any other URL goes to `res.redirect`.
 */
export function seeOther(res: Response, url: string): void {
  if (!PLAIN_URL.test(url) || url.startsWith('//')) {
    res.redirect(303, url);
    return;
  }
  const body = `See Other. Redirecting to ${url}`;
  res.statusCode = 303;
  res.setHeader('Location', url);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  if (res.req.method === 'HEAD') res.end();
  else res.end(body);
}

export interface ChromeOptions {
  /** The questionnaire's languages (the switch offers these); default English and Welsh. */
  languages?: readonly string[];
  serviceTitle?: string;
  /** When the respondent has a session: the sign-out button and the session's end. */
  signedIn?: boolean;
}

/** What every page shows around its content, for this request. */
export function chrome(req: Request, res: Response, services: Services, options: ChromeOptions = {}): Chrome {
  const lang = req.lang;
  const offered = offeredLanguages(options.languages ?? INTERFACE_LANGUAGES);
  const made: Chrome = {
    lang,
    languages: offered.length > 1 ? languageLinks(offered, req.originalUrl, lang) : [],
    serviceTitle: options.serviceTitle ?? t(lang, 'serviceName'),
    csrfToken: services.csrf.token(req, res),
    assets: services.assets.urls,
  };
  const session = options.signedIn ? req.session : undefined;
  if (session) {
    if (session.via !== 'open') made.signOutAction = '/sign-out';
    made.sessionExpiresAt = isoTime(session.expiresAt);
    made.timeoutSeconds = session.idleMinutes * 60;
    made.sessionEndpoint = '/session/expiry';
    made.sessionExpiredUrl = '/session-expired';
  }
  return made;
}

/** The interface languages among a questionnaire's, worked out once per list (a questionnaire keeps its own). */
const offeredFor = new WeakMap<readonly string[], readonly string[]>();
function offeredLanguages(languages: readonly string[]): readonly string[] {
  let offered = offeredFor.get(languages);
  if (!offered) {
    offered = languages.filter((l) => (INTERFACE_LANGUAGES as readonly string[]).includes(l));
    offeredFor.set(languages, offered);
  }
  return offered;
}

/** The language switch: this page (its path, without the query) in each language. */
function languageLinks(offered: readonly string[], url: string, lang: string): Chrome['languages'] {
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  return offered.map((l) => ({ lang: l, label: languageName(l), url: `${path}?lang=${l}`, current: l === lang }));
}

/**
 * A session's end (epoch seconds) as an ISO date-time. A session's end moves only every so often
 * (session-cookie.ts), so the same few are written for request after request.
 */
const recentIsoTimes = new Map<number, string>();
const MAX_RECENT = 1000;
function isoTime(epochSeconds: number): string {
  let iso = recentIsoTimes.get(epochSeconds);
  if (iso === undefined) {
    iso = new Date(epochSeconds * 1000).toISOString();
    if (recentIsoTimes.size >= MAX_RECENT) recentIsoTimes.clear();
    recentIsoTimes.set(epochSeconds, iso);
  }
  return iso;
}
