import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.ts';

const INCOMING_ID = /^[A-Za-z0-9._-]{8,100}$/;

declare global {
  namespace Express {
    interface Request {
      /** This request's id: the proxy's `X-Request-Id` when sane, else a new UUID; the error page shows it. */
      id: string;
      /** Logs with the request's id, method and path on every line. */
      log: Logger;
    }
  }
}

/**
 * A request id on every log line (taken from `X-Request-Id` when a proxy set a sane one) and one
 * line per request, when its response ends (the health checks, mounted before this, have none). Only the path is logged: query strings can carry
 * launch tokens. (pino-http did the same with a child logger and two listeners a request, a
 * tenth of the runner's middleware time; routes rarely log, so their logger is made when used.)
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    req.id = id;
    const path = pathOf(req.originalUrl);
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      get: () => {
        child ??= logger.child({ req: { id, method: req.method, path } });
        return child;
      },
      configurable: true,
    });
    const started = performance.now();
    res.once('close', () => {
      const line = {
        req: { id, method: req.method, path },
        res: { statusCode: res.statusCode },
        responseTime: Math.round(performance.now() - started),
      };
      if (res.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, res.writableFinished ? 'request completed' : 'request aborted');
    });
    next();
  };
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
