import type { CookieOptions, Response } from 'express';
import { SESSION_COOKIE, SESSION_IDLE_MS } from './authenticate.ts';

/**
 * The session cookie: out of scripts' reach (HttpOnly), never sent by other sites' requests
 * (SameSite=Strict, which with the CSRF header makes cross-site writes impossible), HTTPS-only in
 * production, and no longer-lived in the browser than the session's idle end.
 */
export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SESSION_IDLE_MS };
}

export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, sessionCookieOptions(secure));
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  const { maxAge: _unused, ...options } = sessionCookieOptions(secure);
  res.clearCookie(SESSION_COOKIE, options);
}
