import { createServer, type ServerResponse } from 'node:http';
import { createApp } from './app.ts';
import { ConfigError, readEnvironment } from './config.ts';
import { createLogger } from './logger.ts';
import { createServices } from './services.ts';

/** Starts the runner: configuration, services, the HTTP server, and a graceful shutdown on SIGTERM. */
async function main(): Promise<void> {
  let config: ReturnType<typeof readEnvironment>;
  try {
    config = readEnvironment(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL, { gatherMs: config.LOG_GATHER_MS });
  const services = await createServices(config, logger);
  const app = createApp(services);
  let stopping = false;
  // Responses not yet begun when the shutdown starts close their keep-alive connection, so that
  // neither a browser nor a balancer sends another request on it to a runner that is going away.
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
    if (stopping) res.setHeader('Connection', 'close');
    app(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info({ port, env: config.NODE_ENV }, 'runner listening');
  });

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    server.close(async () => {
      await services.close();
      logger.info('stopped');
      process.exit(0);
    });
    // A connection whose response had begun goes idle when it ends: close it then, not at the client's leisure.
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

await main();
