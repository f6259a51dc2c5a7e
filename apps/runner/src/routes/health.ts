import type { RequestHandler } from 'express';
import type { ResponseStore } from '../store/response-store.ts';

/**
 * `/healthz`: the process is up. `/readyz`: the store answers (503 while Redis is unreachable).
 * A middleware rather than a router, ahead of all the others: every request passes it.
 */
export function healthRoutes(store: ResponseStore): RequestHandler {
  const ready: RequestHandler = async (_req, res) => {
    try {
      await withTimeout(store.ping(), 1000);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'store unreachable' });
    }
  };
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const path = req.path;
      if (path === '/healthz') return void res.json({ status: 'ok' });
      if (path === '/readyz') return ready(req, res, next);
    }
    next();
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
