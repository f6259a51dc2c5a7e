import { randomUUID } from 'node:crypto';
import type { Express as App, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.ts';
import { checkedHeader } from './fixed-headers.ts';
import { requestLineWriter } from './request-line.ts';

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

/** The request's path, set once it passes the logging: the getter below makes no logger for a request before it. */
const PATH = Symbol('logged path');
/** The request's child logger, once made. */
const CHILD = Symbol('request logger');
/** When the request reached the logging (`performance.now()`). */
const STARTED = Symbol('request started');

/** The fields this sets on a request, besides `id` (see declared-fields.ts). */
export const LOGGED_FIELDS: readonly symbol[] = [PATH, CHILD, STARTED];

interface LoggedRequest extends Request {
  [PATH]?: string;
  [CHILD]?: Logger;
  [STARTED]: number;
}

/**
 * A request id on every log line (taken from `X-Request-Id` when a proxy set a sane one) and one
 * line per request, when its response ends (the health checks, mounted before this, have none).
 * Only the path is logged: query strings can carry launch tokens. (pino-http did the same with a
 * child logger and two listeners a request, a tenth of the runner's middleware time; routes
 * rarely log, so their logger is made when used.) `req.log` is a getter on the app's request
 * prototype, defined once, rather than a property defined on every request; the listener is one
 * function for all responses.
 */
export function requestLogging(app: App, logger: Logger): RequestHandler {
  Object.defineProperty(app.request, 'log', {
    get(this: LoggedRequest): Logger | undefined {
      const path = this[PATH];
      if (path === undefined) return undefined;
      this[CHILD] ??= logger.child({ req: { id: this.id, method: this.method, path } });
      return this[CHILD];
    },
    configurable: true,
  });
  // The request line holds only the id, method, path, status and time, none of which the
  // logger's redaction paths could match, and redaction was a third of pino's cost a line: this
  // child writes the same line to the same destination without it (`redact: []` replaces the
  // paths for this child only; routes' `req.log` and every other line keep them), as text
  // (request-line.ts).
  const writeLine = requestLineWriter(logger.child({}, { redact: [] }));

  function logEnd(this: Response): void {
    const req = this.req as LoggedRequest;
    const statusCode = this.statusCode;
    writeLine({
      id: req.id,
      method: req.method,
      path: req[PATH] as string,
      statusCode,
      responseTime: Math.round(performance.now() - req[STARTED]),
      message: statusCode >= 500 ? 'request errored' : this.writableFinished ? 'request completed' : 'request aborted',
    });
  }

  // An id is a UUID or matches INCOMING_ID: always a valid header value.
  const setRequestId = checkedHeader('X-Request-Id');

  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    setRequestId(res, id);
    req.id = id;
    const logged = req as LoggedRequest;
    logged[PATH] = pathOf(req.originalUrl);
    logged[STARTED] = performance.now();
    res.on('close', logEnd);
    next();
  };
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
