import type { FeatureRoutes } from '../app.ts';
import { actorOf, recordAudit } from '../audit/record.ts';
import { ApiError } from '../http/errors.ts';
import { currentUser } from './principal.ts';
import { SessionResponse, SignInBody, SignInResponse } from './schemas.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { deleteSession } from './session-repository.ts';
import { signIn } from './sign-in.ts';

const REFUSED = 'the email or password is not right';

/** Signing in and out with a session cookie, and who the caller is. */
export const sessionRoutes: FeatureRoutes = (api, services) => {
  const { db, now } = services;
  const secure = services.env.NODE_ENV === 'production';

  api.post(
    '/auth/sign-in',
    {
      summary: 'Sign in with email and password: sets the session cookie, returns the CSRF token',
      tag: 'auth',
      access: 'public',
      body: SignInBody,
      responses: {
        200: { description: 'Signed in', schema: SignInResponse },
        401: { description: 'The email or password is not right (the same answer for every reason)' },
        429: { description: 'Too many failed attempts: try again after Retry-After seconds' },
      },
    },
    async ({ req, res, body }) => {
      const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
      const outcome = await signIn(db, { email: body.email, password: body.password, ip }, now());
      if (outcome.kind === 'throttled') {
        const seconds = Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
        req.log?.warn({ ip }, 'sign-in throttled');
        res.setHeader('Retry-After', String(seconds));
        throw new ApiError(429, 'too_many_attempts', `too many failed sign-ins: try again in ${seconds} seconds`);
      }
      if (outcome.kind === 'refused') throw new ApiError(401, 'sign_in_refused', REFUSED);
      // Signing in again from a signed-in browser replaces its session rather than leaving it behind.
      const previous = req.principal;
      if (previous?.kind === 'user' && previous.via === 'session') await deleteSession(db, previous.sessionId);
      setSessionCookie(res, outcome.session.token, secure);
      res.setHeader('Cache-Control', 'no-store');
      res.json({ user: outcome.user, csrfToken: outcome.session.csrfToken });
    },
  );

  api.post(
    '/auth/sign-out',
    {
      summary: 'Sign out: ends the cookie session',
      tag: 'auth',
      access: 'viewer',
      responses: { 204: { description: 'Signed out' } },
    },
    async ({ req, res }) => {
      const principal = req.principal;
      if (principal?.kind !== 'user' || principal.via !== 'session') {
        throw new ApiError(
          400,
          'not_a_session',
          'sign-out ends a cookie session: revoke an API token with DELETE /api/v1/tokens/:id',
        );
      }
      await deleteSession(db, principal.sessionId);
      await recordAudit(db, {
        action: 'sign-out',
        actor: actorOf(req),
        subjectType: 'user',
        subjectId: principal.user.id,
      });
      clearSessionCookie(res, secure);
      res.status(204).end();
    },
  );

  api.get(
    '/auth/session',
    {
      summary: 'Who is signed in (and, for a cookie session, its CSRF token)',
      tag: 'auth',
      access: 'viewer',
      responses: { 200: { description: 'The signed-in user', schema: SessionResponse } },
    },
    ({ req, res }) => {
      const user = currentUser(req);
      const principal = req.principal;
      res.setHeader('Cache-Control', 'no-store');
      res.json(
        principal?.kind === 'user' && principal.via === 'session'
          ? { user, via: 'session', csrfToken: principal.csrfToken }
          : { user, via: 'token' },
      );
    },
  );
};
