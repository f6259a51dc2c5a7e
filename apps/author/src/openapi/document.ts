import { z } from 'zod';
import type { Access } from '../auth/principal.ts';
import type { ResponseSpec } from '../http/route.ts';

export interface Operation {
  method: string;
  /** Express-style (`/api/v1/questionnaires/:id`). */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: Record<number, ResponseSpec>;
}

const ERROR = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

/** Collects the API's operations as routes are declared, and writes them as OpenAPI 3.1. */
export class ApiDocument {
  private readonly operations: Operation[] = [];

  add(operation: Operation): void {
    this.operations.push(operation);
  }

  list(): readonly Operation[] {
    return this.operations;
  }

  toOpenApi(): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const op of this.operations) {
      const path = op.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      paths[path] ??= {};
      (paths[path] as Record<string, unknown>)[op.method] = describe(op);
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'eQ author API',
        version: '1',
        description:
          'Questionnaires, publishing, access codes, submissions and exports. Errors are `{"error": {"code", "message", "details"?}}`.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'eq_author_session',
            description: 'Writes also send X-CSRF-Token',
          },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal API token, or a runner’s service credential',
          },
        },
        schemas: { Error: ERROR },
      },
      paths,
    };
  }
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
}

function describe(op: Operation): Record<string, unknown> {
  const parameters: unknown[] = [];
  for (const [location, schema] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      parameters.push({
        name,
        in: location,
        required: location === 'path' || (object.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    const content: Record<string, unknown> = {};
    if (response.schema) content['application/json'] = { schema: jsonSchema(response.schema, 'output') };
    if (response.contentType) content[response.contentType] = {};
    responses[status] = {
      description: response.description,
      ...(Object.keys(content).length > 0 ? { content } : {}),
    };
  }
  responses.default = {
    description: 'An error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    summary: op.summary,
    tags: [op.tag],
    security: op.access === 'public' ? [] : [{ session: [] }, { bearer: [] }],
    'x-access': op.access,
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } }
      : {}),
    responses,
  };
}
