import { doubleCsrf } from 'csrf-csrf';
import type { Request, RequestHandler, Response } from 'express';

/**
 * A CSRF token in every form, checked on every POST (signed double-submit cookie, bound to the
 * respondent's response id once a session exists).
 */
export interface CsrfProtection {
  /** Refuses a POST without a valid token (403). */
  protect: RequestHandler;
  /**
   * The token for this response's forms (kept in `res.locals.csrfToken`), with its cookie. Only
   * pages ask for one: a redirect or a JSON answer costs no HMAC and sets no cookie.
   */
  token(req: Request, res: Response): string;
}

export function csrfProtection(options: { secret: string; production: boolean }): CsrfProtection {
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => options.secret,
    // An idle session still names the response, so a page posted after it ended reaches the
    // session-expired page rather than a CSRF refusal.
    getSessionIdentifier: (req) => req.session?.responseId ?? req.expiredSession?.responseId ?? 'anonymous',
    cookieName: options.production ? '__Host-eq-csrf' : 'eq-csrf',
    cookieOptions: { sameSite: 'lax', secure: options.production, path: '/', httpOnly: true },
    getCsrfTokenFromRequest: (req) => (typeof req.body?._csrf === 'string' ? req.body._csrf : undefined),
    errorConfig: { statusCode: 403, message: 'invalid csrf token', code: 'EBADCSRFTOKEN' },
    // The ONS timeout script extends the session with a bare PATCH; SameSite=Lax already keeps
    // other sites from sending it with the cookie, and it changes nothing but the session's end.
    skipCsrfProtection: (req) => req.path === '/session/expiry',
  });
  const protect: RequestHandler = doubleCsrfProtection;
  const token = (req: Request, res: Response): string => {
    res.locals.csrfToken ??= generateCsrfToken(req, res);
    return res.locals.csrfToken;
  };
  return { protect, token };
}
