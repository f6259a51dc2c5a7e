import cookieParser from 'cookie-parser';
import express, { type Express, type RequestHandler } from 'express';
import { formBodies } from './middleware/body.ts';
import { declareFieldsFirst } from './middleware/declared-fields.ts';
import { errorPages, notFound } from './middleware/errors.ts';
import { fixedHeaders } from './middleware/fixed-headers.ts';
import { language } from './middleware/language.ts';
import { LOGGED_FIELDS, requestLogging } from './middleware/request-logging.ts';
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
  // What the middleware and routes below set on requests (request ids and logging, cookie-parser's
  // cookies, the session, the language, form bodies, csrf-csrf's token function), given to each
  // request before Express changes its prototype (middleware/declared-fields.ts, whose test fails
  // when a respondent's request gains a field not listed here).
  declareFieldsFirst(app, {
    request: [
      'id',
      ...LOGGED_FIELDS,
      'cookies',
      'signedCookies',
      'secret',
      'session',
      'sessionExpired',
      'expiredSession',
      'lang',
      'body',
      'csrfToken',
    ],
    response: [],
  });
  // The middleware every request passes, then the respondent's pages, as one layer of Express's
  // router (middleware/sequence.ts): each layer costs every request that reaches it its matching
  // and dispatch, and nearly every request is a respondent's page.
  app.use(
    inSequence(
      healthRoutes(services.store),
      requestLogging(app, services.logger),
      security({ production }),
      // Pages are compressed as they are sent (routes/render.ts), static assets once (static-assets.ts).
      services.assets.router,
      // Pages hold answers and tokens: none is kept by a browser or proxy, error pages of the middleware below included.
      noStore,
      cookieParser(),
      sessions.read,
      language(sessions),
      formBodies(),
      services.csrf.protect,
      // The respondent's pages; on the submission's paths, the respondent for its routes below.
      respondentPages(services, sessions, questionnairePages(services)),
    ),
  );
  app.use(submissionRoutes(services));
  app.use(entryPointRoutes(services, sessions));
  app.use(sessionRoutes(services, sessions));
  if (!production) app.use(devIndexRoutes(services));

  app.use(notFound(services));
  app.use(errorPages(services));
  return app;
}

const setNoStore = fixedHeaders([['Cache-Control', 'no-store']]);
const noStore: RequestHandler = (_req, res, next) => {
  setNoStore(res);
  next();
};
