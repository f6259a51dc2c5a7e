import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Middleware run one after the other as one Express layer. Every layer of Express's router costs
 * a request its matching, parameter and prefix handling; the middleware every request passes
 * through (one line each in app.ts) run here in the order given, as Express would run them: an
 * error passed to `next` or thrown, or a rejected promise, goes to the error handlers; a
 * middleware that answers and does not call `next` ends the sequence.
 */
export function inSequence(...handlers: RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown): void => {
      // `next('route')` in a middleware goes on, as in Express.
      if (error && error !== 'route') {
        next(error);
        return;
      }
      const handler = handlers[index++];
      if (!handler) {
        next();
        return;
      }
      try {
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.catch((reason: unknown) => next(reason ?? new Error('rejected')));
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
