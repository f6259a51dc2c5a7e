import cookieParser from 'cookie-parser';
import express, { type Express, type RequestHandler } from 'express';
import { formBodies } from './middleware/body.ts';
import { errorPages, notFound } from './middleware/errors.ts';
import { language } from './middleware/language.ts';
import { requestLogging } from './middleware/request-logging.ts';
import { security } from './middleware/security.ts';
import { inSequence } from './middleware/sequence.ts';
import { devIndexRoutes } from './routes/dev-index.ts';
import { entryPointRoutes } from './routes/entry-points.ts';
import { healthRoutes } from './routes/health.ts';
import { questionnairePages } from './routes/questionnaire.ts';
import { respondentPages } from './routes/respondent.ts';
import { sessionRoutes } from './routes/session-pages.ts';
import { submissionRoutes } from './routes/submission.ts';
import type { Services } from './services.ts';
import { sessionCookies } from './session/session-cookie.ts';

/** The runner's Express app: an ordered list of concerns, then the routes, then the error pages. */
export function createApp(services: Services): Express {
  const { config } = services;
  const production = config.NODE_ENV === 'production';
  const sessions = sessionCookies({
    secret: services.keys.session,
    production,
    maxAgeSeconds: config.RESPONSE_TTL_DAYS * 86_400,
    now: services.now,
  });

  const app = express();
  app.disable('x-powered-by');
  // Pages are never cached (no-store), so an ETag, a hash of every page, would serve no one.
  app.set('etag', false);
  if (config.TRUST_PROXY) app.set('trust proxy', config.TRUST_PROXY);
  // Each inSequence is one layer of Express's router, which costs every request (middleware/sequence.ts).
  app.use(inSequence(healthRoutes(services.store), requestLogging(app, services.logger), security({ production })));
  // Pages are compressed as they are sent (routes/render.ts), static assets once (static-assets.ts).
  app.use('/assets', services.assets.router);
  app.use(
    inSequence(
      // Pages hold answers and tokens: none is kept by a browser or proxy, error pages of the middleware below included.
      noStore,
      cookieParser(),
      sessions.read,
      language(sessions),
      formBodies(),
      services.csrf.protect,
    ),
  );

  // The respondent's pages first: nearly every request is one, and no other route shares their paths.
  app.use(respondentPages(services, sessions, questionnairePages(services)));
  app.use(submissionRoutes(services));
  app.use(entryPointRoutes(services, sessions));
  app.use(sessionRoutes(services, sessions));
  if (!production) app.use(devIndexRoutes(services));

  app.use(notFound(services));
  app.use(errorPages(services));
  return app;
}

const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
