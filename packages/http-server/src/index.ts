import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** The little of a pino logger this needs. */
interface Logger {
  info(fields: object, message: string): void;
  info(message: string): void;
  error(message: string): void;
}

export interface GracefulServerOptions {
  /** The request handler: an Express app. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  port: number;
  host: string;
  logger: Logger;
  /** Logged once listening, e.g. `runner listening`. */
  listening: string;
  /** Fields logged with it (the environment's name). */
  fields?: object;
  /** Closes what the app holds (Redis, the database pool) once the last request has finished. */
  close: () => Promise<void>;
}

/** How long a shutdown may take before the process gives up and exits 1. */
const SHUTDOWN_LIMIT_MS = 25_000;

/**
 * Listens, then stops gracefully on SIGTERM or SIGINT: requests in flight finish, keep-alive
 * connections close as soon as they go idle, then `close` runs and the process exits 0.
 */
export async function serveGracefully(options: GracefulServerOptions): Promise<void> {
  const { handler, logger } = options;
  let stopping = false;
  // Responses not yet begun when the shutdown starts close their keep-alive connection, so that
  // neither a browser nor a balancer sends another request on it to an instance going away.
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
    if (stopping) res.setHeader('Connection', 'close');
    handler(req, res);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  logger.info({ port, ...options.fields }, options.listening);

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    server.close(async () => {
      await options.close();
      logger.info('stopped');
      process.exit(0);
    });
    // A connection whose response had begun goes idle when it ends: close it then, not at the client's leisure.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => {
      logger.error('shutdown took too long');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
