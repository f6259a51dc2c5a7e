import express, { type RequestHandler } from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { inSequence } from './sequence.ts';

/** An app with the sequence, a route after it that names what ran, and an error handler. */
function appWith(...handlers: RequestHandler[]) {
  const app = express();
  app.use(inSequence(...handlers));
  app.get('/', (_req, res) => {
    res.send(`route after ${res.getHeader('x-ran') ?? ''}`);
  });
  app.use(((error, _req, res, _next) => {
    res.status(500).send(`error: ${(error as Error).message}`);
  }) as express.ErrorRequestHandler);
  return supertest(app);
}

const mark =
  (name: string): RequestHandler =>
  (_req, res, next) => {
    res.setHeader('x-ran', `${res.getHeader('x-ran') ?? ''}${name}`);
    next();
  };

describe('middleware in sequence', () => {
  it('runs each in order, then the routes after it', async () => {
    expect((await appWith(mark('a'), mark('b'), mark('c')).get('/')).text).toBe('route after abc');
  });

  it('stops at a middleware that answers', async () => {
    const answer: RequestHandler = (_req, res) => void res.send('answered');
    const response = await appWith(mark('a'), answer, mark('c')).get('/');
    expect(response.text).toBe('answered');
    expect(response.headers['x-ran']).toBe('a');
  });

  it('sends an error passed on, thrown, or rejected to the error handlers, skipping the rest', async () => {
    const passed: RequestHandler = (_req, _res, next) => next(new Error('passed'));
    const thrown: RequestHandler = () => {
      throw new Error('thrown');
    };
    const rejected: RequestHandler = async () => {
      throw new Error('rejected');
    };
    for (const [handler, message] of [
      [passed, 'passed'],
      [thrown, 'thrown'],
      [rejected, 'rejected'],
    ] as const) {
      const response = await appWith(mark('a'), handler, mark('c')).get('/');
      expect(response.status).toBe(500);
      expect(response.text).toBe(`error: ${message}`);
      expect(response.headers['x-ran']).toBe('a');
    }
  });
});
