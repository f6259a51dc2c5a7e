import { randomUUID } from 'node:crypto';
import cookieParser from 'cookie-parser';
import express, { type Express, Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { authenticate } from './auth/authenticate.ts';
import { features as allFeatures } from './features.ts';
import { ApiError, errorHandler, unknownRoute } from './http/errors.ts';
import { routes } from './http/route.ts';
import { ApiDocument } from './openapi/document.ts';
import type { Services } from './services.ts';

/** The largest JSON body the API reads: a census-sized questionnaire definition fits well within it. */
export const BODY_LIMIT = '5mb';

/** Each feature declares its routes on the shared API router. */
export type FeatureRoutes = (api: ReturnType<typeof routes>, services: Services) => void;

export function createApp(services: Services, features: readonly FeatureRoutes[] = allFeatures): Express {
  const { env, logger, db } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', env.TRUST_PROXY === undefined ? false : parseTrustProxy(env.TRUST_PROXY));
  app.set('json spaces', 0);
  app.use(helmet());
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[A-Za-z0-9_-]{8,100}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url }) },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.raw('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  const document = new ApiDocument();
  const router = Router();
  router.use(express.json({ limit: BODY_LIMIT, strict: true }));
  router.use(cookieParser());
  router.use((req, _res, next) => {
    // Only JSON bodies: a form or text post would otherwise reach handlers as an empty object.
    if (req.headers['content-length'] && req.headers['content-length'] !== '0' && !req.is('application/json')) {
      return next(new ApiError(415, 'unsupported_media_type', 'send the body as application/json'));
    }
    next();
  });
  router.use(authenticate({ db, runnerToken: services.keys.runnerToken, now: services.now }));
  const api = routes(router, document);
  for (const feature of features) feature(api, services);
  router.get('/openapi.json', (_req, res) => {
    res.json(document.toOpenApi());
  });
  app.use('/api/v1', router);

  app.use(unknownRoute);
  app.use(errorHandler(logger));
  return app;
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}
