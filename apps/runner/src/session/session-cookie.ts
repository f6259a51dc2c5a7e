import type { CookieOptions, NextFunction, Request, Response } from 'express';
import type { Session } from './session.ts';
import { sessionSeal } from './session-seal.ts';

/**
 * A request moves the idle end on by as little as the time since the last one; resealing then would
 * cost a cipher run and a Set-Cookie header on nearly every request. So the cookie is sealed again
 * only when the end moves by more than this: the end it carries is then at most a minute earlier
 * than the respondent's last request allows (and pages tell that end, not a later one).
 */
const RESEAL_AFTER_SECONDS = 60;

export interface SessionCookieOptions {
  /** SESSION_KEY: the cookie is sealed (AES-256-GCM, see session-seal.ts) with a key derived from it. */
  secret: string;
  production: boolean;
  /** How long the cookie itself lives (the response's time to live), in seconds. */
  maxAgeSeconds: number;
  /** The clock idle ends are judged by: the services' clock, so tests can move it. */
  now?: () => Date;
}

declare global {
  namespace Express {
    interface Request {
      /** The respondent's session, when the sealed cookie is present, intact and not past its idle end. */
      session?: Session;
      /** True when a sealed cookie was present but its idle time had run out. */
      sessionExpired?: boolean;
      /** That idle session: an open link resumes it for the same browser. */
      expiredSession?: Session;
    }
  }
}

/**
 * The respondent's session in a sealed cookie: encrypted and authenticated, HttpOnly,
 * SameSite=Lax, Secure (and `__Host-` prefixed) in production. Idle expiry is inside the seal,
 * so it cannot be extended by editing the cookie.
 */
export function sessionCookies(options: SessionCookieOptions) {
  const sealer = sessionSeal(options.secret);
  const name = options.production ? '__Host-eq-session' : 'eq-session';
  const now = options.now ?? (() => new Date());
  const cookie: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.production,
    path: '/',
    maxAge: options.maxAgeSeconds * 1000,
  };

  function read(req: Request, _res: Response, next: NextFunction): void {
    const token: unknown = req.cookies?.[name];
    if (typeof token === 'string' && token.length < 4096) {
      const session = sealer.open(token);
      if (session && session.expiresAt * 1000 > now().getTime()) req.session = session;
      else if (session) {
        req.sessionExpired = true;
        req.expiredSession = session;
      }
    }
    next();
  }

  function write(res: Response, session: Session): void {
    res.cookie(name, sealer.seal(session), cookie);
  }

  /** Moves the session's idle end on to `expiresAt` (epoch seconds); returns the session the cookie now holds. */
  function extend(res: Response, session: Session, expiresAt: number): Session {
    if (expiresAt - session.expiresAt <= RESEAL_AFTER_SECONDS) return session;
    const extended = { ...session, expiresAt };
    write(res, extended);
    return extended;
  }

  function clear(res: Response): void {
    res.clearCookie(name, { ...cookie, maxAge: undefined });
  }

  return { read, write, extend, clear, name };
}

export type SessionCookies = ReturnType<typeof sessionCookies>;
