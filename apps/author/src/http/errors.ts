import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.ts';

export interface ProblemDetail {
  /** Where in the input, e.g. `sections.0.pages.2.id` or `body.count`. */
  path: string;
  message: string;
}

/**
 * An error the API answers as `{"error": {"code", "message", "details"?}}` with its status. Throw it
 * from a handler (Express 5 forwards rejected promises to the error handler).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, 'not_found', `${what} not found`);

/** Answers 404 for any path no route matched. */
export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};

/** Errors raised by Express's body parsers, by their `type`. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'body_too_large', message: 'the request body is too large' },
  'entity.parse.failed': { status: 400, code: 'malformed_json', message: 'the request body is not valid JSON' },
  'encoding.unsupported': {
    status: 415,
    code: 'unsupported_encoding',
    message: 'the request body encoding is not supported',
  },
  'charset.unsupported': {
    status: 415,
    code: 'unsupported_charset',
    message: 'the request body charset is not supported',
  },
  'request.aborted': { status: 400, code: 'request_aborted', message: 'the request was aborted' },
};

/**
 * The one error handler: known errors get their status and code; anything else is logged with the
 * request id and answered 500 with that id, never a stack trace.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const bodyError = typeof error?.type === 'string' ? BODY_ERRORS[error.type] : undefined;
    if (error instanceof ApiError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message, details: error.details } });
      return;
    }
    if (bodyError) {
      res.status(bodyError.status).json({ error: { code: bodyError.code, message: bodyError.message } });
      return;
    }
    const requestId = String(req.id ?? '');
    logger.error({ err: error, requestId }, 'request failed');
    res.status(500).json({
      error: {
        code: 'internal_error',
        message: `something went wrong (reference ${requestId})`,
        details: { requestId },
      },
    });
  };
}
