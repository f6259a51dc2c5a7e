import { type Request, type Response, Router } from 'express';
import type { Services } from '../services.ts';
import type { SessionCookies } from '../session/session-cookie.ts';
import { closedView, sessionExpiredView, signedOutView } from '../view-models/messages.ts';
import { chrome, render } from './render.ts';
import { idleEnd } from './respondent.ts';

/**
 * "Save and sign out", the session's end (as text without JavaScript; for the ONS timeout modal
 * with it: GET tells the end, PATCH extends the session) and the pages a respondent lands on
 * when a session ends or a questionnaire is closed.
 */
export function sessionRoutes(services: Services, sessions: SessionCookies): Router {
  const router = Router();
  router.post('/sign-out', (_req, res) => {
    sessions.clear(res);
    res.redirect(303, '/signed-out');
  });
  router.get('/signed-out', (req, res) => page(services, req, res, signedOutView));
  // The idle cookie is kept: it opens no page, but an open link resumes this browser's response with it.
  router.get('/session-expired', (req, res) => page(services, req, res, sessionExpiredView));
  router.get('/closed', (req, res) => render(res, services, closedView({ chrome: chrome(req, res, services) })));
  router.get('/session/expiry', (req, res) => expiry(req, res));
  router.patch('/session/expiry', (req, res) => {
    if (req.session) req.session = sessions.extend(res, req.session, idleEnd(services, req.session.idleMinutes));
    expiry(req, res);
  });
  return router;
}

function page(
  services: Services,
  req: Request,
  res: Response,
  view: (input: { chrome: ReturnType<typeof chrome>; startUrl?: string }) => ReturnType<typeof signedOutView>,
): void {
  render(res, services, view({ chrome: chrome(req, res, services), startUrl: '/start' }));
}

function expiry(req: Request, res: Response): void {
  res.set('Cache-Control', 'no-store');
  if (!req.session) {
    res.status(401).json({ expires_at: null });
    return;
  }
  res.json({ expires_at: new Date(req.session.expiresAt * 1000).toISOString() });
}
