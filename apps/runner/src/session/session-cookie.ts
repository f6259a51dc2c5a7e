import { hkdfSync } from 'node:crypto';
import type { CookieOptions, NextFunction, Request, Response } from 'express';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import type { Session } from './session.ts';

const SessionClaims = z.object({
  rid: z.string().min(1).max(100),
  sec: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  lang: z.string().regex(/^[a-z]{2,3}$/),
  idle: z.number().int(),
  mins: z.number().int().min(1).max(1440),
  via: z.enum(['launch', 'code', 'open']),
});

export interface SessionCookieOptions {
  /** SESSION_KEY: the cookie is sealed (AES-256-GCM, JWE `dir`) with a key derived from it. */
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
  const key = new Uint8Array(hkdfSync('sha256', options.secret, 'eq-runner', 'session-cookie', 32));
  const name = options.production ? '__Host-eq-session' : 'eq-session';
  const now = options.now ?? (() => new Date());
  const cookie: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.production,
    path: '/',
    maxAge: options.maxAgeSeconds * 1000,
  };

  async function read(req: Request, _res: Response, next: NextFunction): Promise<void> {
    const token: unknown = req.cookies?.[name];
    if (typeof token === 'string' && token.length < 4096) {
      const session = await open(token);
      if (session && session.expiresAt * 1000 > now().getTime()) req.session = session;
      else if (session) {
        req.sessionExpired = true;
        req.expiredSession = session;
      }
    }
    next();
  }

  async function open(token: string): Promise<Session | undefined> {
    try {
      const { payload } = await jwtDecrypt(token, key);
      const claims = SessionClaims.parse(payload);
      return {
        responseId: claims.rid,
        secret: claims.sec,
        lang: claims.lang,
        expiresAt: claims.idle,
        idleMinutes: claims.mins,
        via: claims.via,
      };
    } catch {
      return undefined;
    }
  }

  async function write(res: Response, session: Session): Promise<void> {
    // The idle end is a claim of its own rather than `exp`, so an idle session can be told apart
    // from a forged or broken cookie (and shown the session-expired page).
    const claims = {
      rid: session.responseId,
      sec: session.secret,
      lang: session.lang,
      idle: session.expiresAt,
      mins: session.idleMinutes,
      via: session.via,
    };
    const token = await new EncryptJWT(claims).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key);
    res.cookie(name, token, cookie);
  }

  function clear(res: Response): void {
    res.clearCookie(name, { ...cookie, maxAge: undefined });
  }

  return { read, write, clear, name };
}

export type SessionCookies = ReturnType<typeof sessionCookies>;
