import type { Request, Response } from 'express';
import { languageName, t } from '../i18n/index.ts';
import { sendCompressed } from '../middleware/compress.ts';
import { INTERFACE_LANGUAGES } from '../middleware/language.ts';
import type { Services } from '../services.ts';
import type { Chrome } from '../view-models/chrome.ts';
import type { PageView } from '../view-models/view.ts';

/** Renders a view-model's page as HTML. */
export function render(res: Response, services: Services, page: PageView, status = 200): void {
  const html = services.views.render(page.template, page.view);
  sendCompressed(res.status(status).type('html'), html, services.config.COMPRESS === 'on');
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
