import type { RequestHandler } from 'express';
import type { SessionCookies } from '../session/session-cookie.ts';

export const INTERFACE_LANGUAGES = ['en', 'cy'] as const;
const PREFERENCE_COOKIE = 'eq-lang';
const YEAR_MS = 31_536_000_000;

declare global {
  namespace Express {
    interface Request {
      /** The interface language for this request: the session's, else the browser's saved choice, else English. */
      lang: string;
    }
  }
}

/**
 * The language switch: `?lang=cy` on any page keeps the choice (in the session, or in a cookie
 * before there is one) and redirects to the same page without the parameter.
 */
export function language(sessions: SessionCookies): RequestHandler {
  return (req, res, next) => {
    const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    const saved = req.session?.lang ?? cookieLanguage(req.cookies?.[PREFERENCE_COOKIE]);
    req.lang = saved ?? 'en';
    if (asked === undefined || req.method !== 'GET') return next();
    if (isInterfaceLanguage(asked)) {
      res.cookie(PREFERENCE_COOKIE, asked, { httpOnly: true, sameSite: 'lax', maxAge: YEAR_MS, path: '/' });
      if (req.session) sessions.write(res, { ...req.session, lang: asked });
    }
    const url = new URL(req.originalUrl, 'http://runner');
    url.searchParams.delete('lang');
    res.redirect(303, `${url.pathname}${url.search}`);
  };
}

function cookieLanguage(value: unknown): string | undefined {
  return typeof value === 'string' && isInterfaceLanguage(value) ? value : undefined;
}

export function isInterfaceLanguage(lang: string): boolean {
  return (INTERFACE_LANGUAGES as readonly string[]).includes(lang);
}
