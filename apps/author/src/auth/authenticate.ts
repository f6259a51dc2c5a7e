import type { RequestHandler } from 'express';
import type { Database } from '../db/connect.ts';
import { ApiError } from '../http/errors.ts';
import type { Role } from './principal.ts';
import { hashSecret, sameSecret } from './secrets.ts';

export const SESSION_COOKIE = 'eq_author_session';
/** A session lasts this long after its last use. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** How stale `last_seen_at` may get before a request moves the session's end on. */
const TOUCH_AFTER_MS = 5 * 60 * 1000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface AuthenticateOptions {
  db: Database;
  /** The runners' service credential (RUNNER_API_TOKEN). */
  runnerToken: string;
  now: () => Date;
}

/**
 * Sets `req.principal` from the request's credentials: `Authorization: Bearer` with the runners'
 * credential or a personal API token, else the session cookie. Credentials of a deactivated user,
 * a revoked token or an ended session count as none. A bearer token that matches nothing is
 * refused at once (401) rather than treated as anonymous. Cookie-authenticated writes must send
 * the session's CSRF token in `X-CSRF-Token` (403 otherwise); bearer calls need none.
 */
export function authenticate(options: AuthenticateOptions): RequestHandler {
  const { db, runnerToken, now } = options;

  return async (req, _res, next) => {
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match?.[1]) throw new ApiError(401, 'invalid_token', 'the Authorization header must be "Bearer <token>"');
      const token = match[1];
      if (sameSecret(token, runnerToken)) {
        req.principal = { kind: 'runner' };
        return next();
      }
      const row = await db('api_tokens as t')
        .join('users as u', 'u.id', 't.user_id')
        .where({ 't.token_hash': hashSecret(token), 'u.active': true })
        .whereNull('t.revoked_at')
        .first<(UserRow & { token_id: string; last_used_at: Date | null }) | undefined>(
          'u.id',
          'u.email',
          'u.name',
          'u.role',
          't.id as token_id',
          't.last_used_at',
        );
      if (!row) throw new ApiError(401, 'invalid_token', 'the API token is not valid, or has been revoked');
      const at = now();
      if (!row.last_used_at || at.getTime() - row.last_used_at.getTime() > TOUCH_AFTER_MS) {
        await db('api_tokens').where({ id: row.token_id }).update({ last_used_at: at });
      }
      req.principal = { kind: 'user', via: 'token', tokenId: row.token_id, user: userOf(row) };
      return next();
    }

    const cookie = req.cookies?.[SESSION_COOKIE];
    if (typeof cookie === 'string' && cookie.length > 0 && cookie.length < 200) {
      const at = now();
      const sessionId = hashSecret(cookie);
      const row = await db('sessions as s')
        .join('users as u', 'u.id', 's.user_id')
        .where({ 's.id': sessionId, 'u.active': true })
        .where('s.expires_at', '>', at)
        .first<(UserRow & { csrf_token: string; last_seen_at: Date }) | undefined>(
          'u.id',
          'u.email',
          'u.name',
          'u.role',
          's.csrf_token',
          's.last_seen_at',
        );
      if (row) {
        if (at.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
          await db('sessions')
            .where({ id: sessionId })
            .update({ last_seen_at: at, expires_at: new Date(at.getTime() + SESSION_IDLE_MS) });
        }
        req.principal = { kind: 'user', via: 'session', sessionId, csrfToken: row.csrf_token, user: userOf(row) };
        if (!SAFE_METHODS.has(req.method)) {
          const sent = req.headers['x-csrf-token'];
          if (typeof sent !== 'string' || !sameSecret(sent, row.csrf_token)) {
            throw new ApiError(403, 'csrf_token_invalid', 'send the csrfToken from sign-in in the X-CSRF-Token header');
          }
        }
      }
    }
    next();
  };
}

function userOf(row: UserRow) {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
