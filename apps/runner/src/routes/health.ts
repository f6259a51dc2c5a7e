import { Router as createRouter, type Router } from 'express';
import type { ResponseStore } from '../store/response-store.ts';

/** `/healthz`: the process is up. `/readyz`: the store answers (503 while Redis is unreachable). */
export function healthRoutes(store: ResponseStore): Router {
  const router = createRouter();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await withTimeout(store.ping(), 1000);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'store unreachable' });
    }
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
