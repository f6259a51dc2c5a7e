import { createServer, type ServerResponse } from 'node:http';
import type { Express } from 'express';
import type { Services } from './services.ts';

/**
 * Listens on PORT and stops gracefully on SIGTERM or SIGINT: requests in flight finish, keep-alive
 * connections close, then the database pool closes.
 */
export async function serve(app: Express, services: Services): Promise<void> {
  const { env, logger, db } = services;
  let stopping = false;
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
    if (stopping) res.setHeader('Connection', 'close');
    app(req, res);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  const address = server.address();
  logger.info(
    { port: typeof address === 'object' && address ? address.port : env.PORT, env: env.NODE_ENV },
    'author listening',
  );

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    server.close(async () => {
      await db.destroy();
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => {
      logger.error('shutdown took too long');
      process.exit(1);
    }, 25_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
