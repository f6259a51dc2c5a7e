import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { type Access, authorize } from '../auth/principal.ts';
import type { ApiDocument } from '../openapi/document.ts';
import { parseInput } from './validate.ts';

export interface ResponseSpec {
  description: string;
  /** The JSON body; absent for an empty body. */
  schema?: z.ZodType;
  /** A media type other than JSON (e.g. `text/csv`), described by text only; with `schema`, either may be sent. */
  contentType?: string;
}

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, ResponseSpec>;
}

export interface RouteInput<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  req: Request;
  res: Response;
  body: z.infer<B>;
  query: z.infer<Q>;
  params: z.infer<P>;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Declares the routes of one router: each is mounted on the router (authorised, then its params,
 * query and body parsed with its zod schemas, a 400 listing every problem otherwise) and described
 * in the OpenAPI document from the same schemas. `prefix` is where the router is mounted
 * (`/api/v1`), for the document's paths.
 */
export function routes(router: Router, document: ApiDocument, prefix = '/api/v1') {
  function add(method: Method) {
    return <B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, P extends z.ZodType = z.ZodUnknown>(
      path: string,
      spec: RouteSpec<B, Q, P>,
      handler: (input: RouteInput<B, Q, P>) => unknown,
    ): void => {
      document.add({ method, path: `${prefix}${path}`, ...spec });
      router[method](path, async (req, res) => {
        authorize(req, spec.access);
        const params = spec.params ? parseInput(spec.params, req.params, 'params') : req.params;
        const query = spec.query ? parseInput(spec.query, req.query, 'query') : req.query;
        const body = spec.body ? parseInput(spec.body, req.body ?? {}, 'body') : undefined;
        await handler({ req, res, body, query, params } as RouteInput<B, Q, P>);
      });
    };
  }
  return { get: add('get'), post: add('post'), put: add('put'), patch: add('patch'), delete: add('delete') };
}

/** An id in a path: a UUID. */
export const IdParams = z.object({ id: z.uuid('must be a UUID') });
