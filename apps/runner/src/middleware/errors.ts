import type { ErrorRequestHandler, RequestHandler } from 'express';
import { chrome, render } from '../routes/render.ts';
import type { Services } from '../services.ts';
import { errorView, notFoundView } from '../view-models/messages.ts';

/** Anything no route answered. */
export function notFound(services: Services): RequestHandler {
  return (req, res) => render(res, services, notFoundView({ chrome: chrome(req, res, services) }), 404);
}

/**
 * The one error handler: a friendly page with the request's reference id (the log line has the
 * detail), never a stack trace. Client mistakes (a form without its CSRF token, a body too large)
 * keep their 4xx status.
 */
export function errorPages(services: Services): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = clientStatus(error);
    if (status) req.log.warn({ status, code: codeOf(error) }, 'request refused');
    else req.log.error({ err: error }, 'request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    render(res, services, errorView({ chrome: chrome(req, res, services), reference: String(req.id) }), status ?? 500);
  };
}

function clientStatus(error: unknown): number | undefined {
  const status =
    (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown; type?: unknown })?.code ?? (error as { type?: unknown })?.type;
  return typeof code === 'string' ? code : undefined;
}
