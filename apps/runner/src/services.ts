import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDevKeys, ensureDevLaunchKeys } from '@eq/dev-keys';
import { Redis } from 'ioredis';
import type nunjucks from 'nunjucks';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Environment } from './config.ts';
import { createLaunchTokenVerifier } from './launch/launch-token.ts';
import type { Logger } from './logger.ts';
import { type CsrfProtection, csrfProtection } from './middleware/csrf.ts';
import { type AssetUrls, staticAssets } from './middleware/static-assets.ts';
import { AuthorApiSource } from './questionnaires/author-api-source.ts';
import { bundledQuestionnaireDirs, FolderSource } from './questionnaires/folder-source.ts';
import type { QuestionnaireSource } from './questionnaires/source.ts';
import { ResponseRepository } from './responses/response-repository.ts';
import { MemoryStore } from './store/memory-store.ts';
import { RedisStore } from './store/redis-store.ts';
import type { ResponseStore } from './store/response-store.ts';
import { authorClient, type Deliver } from './submission/author-client.ts';
import { type DeliveryWorker, startDeliveryWorker } from './submission/delivery-worker.ts';
import { folderDelivery } from './submission/folder-delivery.ts';
import { Outbox } from './submission/outbox.ts';
import { createViewEngine } from './views/engine.ts';

/** Everything the app's routes use, built once at start-up (the composition root). */
export interface Services {
  config: Environment;
  logger: Logger;
  store: ResponseStore;
  responses: ResponseRepository;
  source: QuestionnaireSource;
  outbox: Outbox;
  delivery: DeliveryWorker;
  launchTokens: ReturnType<typeof createLaunchTokenVerifier>;
  /** Present in development only: signs launch tokens for the development index page. */
  devLaunchKey?: Awaited<ReturnType<typeof ensureDevLaunchKeys>>['privateJwk'];
  keys: { session: string; accessCode: string };
  csrf: CsrfProtection;
  startAttempts: RateLimiterAbstract;
  views: nunjucks.Environment;
  assets: { router: ReturnType<typeof staticAssets>['router']; urls: AssetUrls };
  now: () => Date;
  /** Stops background work and closes connections (graceful shutdown). */
  close(): Promise<void>;
}

/** Replacements for tests: a fake delivery endpoint, a fixed clock, a shared store, questionnaires of their own. */
export interface ServiceOverrides {
  deliver?: Deliver;
  now?: () => Date;
  /** A store of the test's own: no Redis connection is opened then (start attempts are counted in memory). */
  store?: ResponseStore;
  source?: QuestionnaireSource;
}

export async function createServices(
  config: Environment,
  logger: Logger,
  overrides: ServiceOverrides = {},
): Promise<Services> {
  const production = config.NODE_ENV === 'production';
  const devKeys = production ? undefined : await ensureDevKeys(config.DATA_DIR);
  const devLaunch = production || config.LAUNCH_JWKS ? undefined : await ensureDevLaunchKeys(config.DATA_DIR);
  const required = (value: string | undefined, name: string): string => {
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const keys = {
    session: required(config.SESSION_KEY ?? devKeys?.sessionKey, 'SESSION_KEY'),
    answer: required(config.ANSWER_KEY ?? devKeys?.answerKey, 'ANSWER_KEY'),
    accessCode: required(config.ACCESS_CODE_KEY ?? devKeys?.accessCodeKey, 'ACCESS_CODE_KEY'),
    outbox: config.OUTBOX_KEY ?? config.ANSWER_KEY ?? devKeys?.answerKey,
  };
  // In development the author app accepts the shared development token, so AUTHOR_API_URL alone will do.
  const authorApiToken = config.AUTHOR_API_TOKEN ?? devKeys?.runnerToken;

  const redis =
    config.REDIS_URL && !overrides.store
      ? new Redis(config.REDIS_URL, { enableAutoPipelining: true, maxRetriesPerRequest: 2 })
      : undefined;
  redis?.on('error', (error) => logger.warn({ err: error.message }, 'redis connection error'));
  const store: ResponseStore =
    overrides.store ?? (redis ? new RedisStore(redis, { keyPrefix: config.REDIS_KEY_PREFIX }) : new MemoryStore());
  if (!redis && !overrides.store)
    logger.warn('using the in-process memory store: one instance only, answers are lost on restart');

  const source: QuestionnaireSource =
    overrides.source ??
    (config.AUTHOR_API_URL
      ? new AuthorApiSource({
          baseUrl: config.AUTHOR_API_URL,
          token: required(authorApiToken, 'AUTHOR_API_TOKEN'),
          logger,
        })
      : await FolderSource.load({
          dirs: config.QUESTIONNAIRES_DIR ? [config.QUESTIONNAIRES_DIR] : bundledQuestionnaireDirs({ fixtures: true }),
          logger,
        }));

  const outbox = new Outbox({ store, serverKey: required(keys.outbox, 'OUTBOX_KEY') });
  const deliver =
    overrides.deliver ??
    (config.AUTHOR_API_URL && authorApiToken
      ? authorClient({ baseUrl: config.AUTHOR_API_URL, token: authorApiToken }).deliverSubmission
      : folderDelivery(join(config.DATA_DIR, 'submissions')));
  const delivery = startDeliveryWorker({ outbox, deliver, logger });

  const startAttempts: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.REDIS_KEY_PREFIX}rl:start`,
        points: 10,
        duration: 60,
      })
    : new RateLimiterMemory({ keyPrefix: 'start', points: 10, duration: 60 });

  return {
    config,
    logger,
    store,
    responses: new ResponseRepository({
      store,
      serverKey: keys.answer,
      ttlSeconds: config.RESPONSE_TTL_DAYS * 86_400,
      sealedForm: config.RESPONSE_SEALED_FORM,
    }),
    source,
    outbox,
    delivery,
    launchTokens: createLaunchTokenVerifier({ jwks: required(config.LAUNCH_JWKS ?? devLaunch?.jwks, 'LAUNCH_JWKS') }),
    ...(devLaunch ? { devLaunchKey: devLaunch.privateJwk } : {}),
    keys: { session: keys.session, accessCode: keys.accessCode },
    csrf: csrfProtection({ secret: keys.session, production }),
    startAttempts,
    // Folders beside this module: src/ when run from source, dist/ when built (see scripts/build.mjs).
    views: createViewEngine({
      noCache: config.NODE_ENV === 'development',
      dir: fileURLToPath(new URL('./views', import.meta.url)),
    }),
    assets: staticAssets(fileURLToPath(new URL('./assets', import.meta.url))),
    now: overrides.now ?? (() => new Date()),
    async close() {
      await delivery.stop();
      await store.close();
    },
  };
}
