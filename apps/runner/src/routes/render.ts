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
  const offered = (options.languages ?? INTERFACE_LANGUAGES).filter((l) =>
    (INTERFACE_LANGUAGES as readonly string[]).includes(l),
  );
  const path = req.originalUrl.split('?')[0] ?? '/';
  const session = options.signedIn ? req.session : undefined;
  return {
    lang,
    languages:
      offered.length > 1
        ? offered.map((l) => ({ lang: l, label: languageName(l), url: `${path}?lang=${l}`, current: l === lang }))
        : [],
    serviceTitle: options.serviceTitle ?? t(lang, 'serviceName'),
    csrfToken: services.csrf.token(req, res),
    ...(session
      ? {
          ...(session.via === 'open' ? {} : { signOutAction: '/sign-out' }),
          sessionExpiresAt: new Date(session.expiresAt * 1000).toISOString(),
          timeoutSeconds: session.idleMinutes * 60,
          sessionEndpoint: '/session/expiry',
          sessionExpiredUrl: '/session-expired',
        }
      : {}),
    assets: services.assets.urls,
  };
}
