import type { Request, Response } from 'express';

/**
 * Sets a response's validators and caching, and answers 304 (no body) when the request's
 * `If-None-Match` already has this ETag. Returns whether it answered.
 */
export function answeredNotModified(req: Request, res: Response, etag: string, cacheControl: string): boolean {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', cacheControl);
  // `req.fresh` compares If-None-Match (a list, weak or strong) with the ETag just set.
  if (!req.fresh) return false;
  res.status(304).end();
  return true;
}
