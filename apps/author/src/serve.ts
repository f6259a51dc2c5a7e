import { serveGracefully } from '@eq/http-server';
import type { Express } from 'express';
import type { Services } from './services.ts';

/**
 * Listens on PORT and stops gracefully on SIGTERM or SIGINT: requests in flight finish, keep-alive
 * connections close, then the database pool closes.
 */
export function serve(app: Express, services: Services): Promise<void> {
  const { env, logger, db } = services;
  return serveGracefully({
    handler: app,
    port: env.PORT,
    host: env.HOST,
    logger,
    listening: 'author listening',
    fields: { env: env.NODE_ENV },
    close: () => db.destroy(),
  });
}
