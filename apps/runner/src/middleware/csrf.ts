import { doubleCsrf } from 'csrf-csrf';
import type { Request, RequestHandler, Response } from 'express';
import { LRUCache } from 'lru-cache';

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

/** Tokens remembered as verified, at most (a few hundred bytes each). */
const MAX_VERIFIED = 20_000;
/** Methods csrf-csrf leaves unchecked (its default `ignoredMethods`). */
const UNCHECKED: ('GET' | 'HEAD' | 'OPTIONS')[] = ['GET', 'HEAD', 'OPTIONS'];
const UNCHECKED_METHODS = new Set<string>(UNCHECKED);

export function csrfProtection(options: { secret: string; production: boolean }): CsrfProtection {
  const cookieName = options.production ? '__Host-eq-csrf' : 'eq-csrf';
  // An idle session still names the response, so a page posted after it ended reaches the
  // session-expired page rather than a CSRF refusal.
  const identifier = (req: Request): string => req.session?.responseId ?? req.expiredSession?.responseId ?? 'anonymous';
  // The ONS timeout script extends the session with a bare PATCH; SameSite=Lax already keeps
  // other sites from sending it with the cookie, and it changes nothing but the session's end.
  const skipped = (req: Request): boolean => req.path === '/session/expiry';
  const bodyToken = (req: Request): string | undefined =>
    typeof req.body?._csrf === 'string' ? req.body._csrf : undefined;
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => options.secret,
    getSessionIdentifier: identifier,
    cookieName,
    cookieOptions: { sameSite: 'lax', secure: options.production, path: '/', httpOnly: true },
    getCsrfTokenFromRequest: bodyToken,
    errorConfig: { statusCode: 403, message: 'invalid csrf token', code: 'EBADCSRFTOKEN' },
    skipCsrfProtection: skipped,
    ignoredMethods: UNCHECKED,
  });

  /**
   * Cookie tokens csrf-csrf has made or verified, by the identifier they are bound to. Its HMAC of
   * a token and identifier never changes, so a respondent's every page and post after the first
   * need not compute it again (two HMACs and a Set-Cookie a question: about 2% of a runner's
   * CPU). Only what csrf-csrf accepted is remembered, and a token counts only with the same
   * identifier and as the cookie the request carries: nothing passes that it would refuse.
   */
  const verified = new LRUCache<string, true>({ max: MAX_VERIFIED });
  const keyOf = (id: string, token: string) => `${id}\n${token}`;
  const cookieOf = (req: Request): string | undefined => {
    const value: unknown = req.cookies?.[cookieName];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };

  const protect: RequestHandler = (req, res, next) => {
    if (UNCHECKED_METHODS.has(req.method) || skipped(req)) {
      next();
      return;
    }
    const cookie = cookieOf(req);
    if (cookie !== undefined && bodyToken(req) === cookie && verified.has(keyOf(identifier(req), cookie))) {
      next();
      return;
    }
    doubleCsrfProtection(req, res, (error?: unknown) => {
      if (error === undefined && cookie !== undefined) verified.set(keyOf(identifier(req), cookie), true);
      next(error);
    });
  };

  const token = (req: Request, res: Response): string => {
    if (res.locals.csrfToken === undefined) {
      const id = identifier(req);
      const cookie = cookieOf(req);
      // The browser holds this token's cookie already: the page carries the same token, and no Set-Cookie.
      if (cookie !== undefined && verified.has(keyOf(id, cookie))) res.locals.csrfToken = cookie;
      else {
        res.locals.csrfToken = generateCsrfToken(req, res);
        verified.set(keyOf(id, res.locals.csrfToken), true);
      }
    }
    return res.locals.csrfToken;
  };
  return { protect, token };
}
