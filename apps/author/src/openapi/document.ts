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
    const schemas: Record<string, unknown> = { Error: ERROR };
    for (const op of this.operations) {
      const path = op.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      paths[path] ??= {};
      (paths[path] as Record<string, unknown>)[op.method] = describe(op, schemas);
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
        schemas,
      },
      paths,
    };
  }
}

/**
 * A schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect). Schemas with an id (`.meta({id})`, such as
 * `Submission` or the questionnaire format's) come out of zod as `$defs` with local references,
 * which mean nothing inside an OpenAPI document: they move to `components.schemas`, and the
 * references with them. An id whose input and output forms differ gets one entry for each.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output', schemas: Record<string, unknown>): unknown {
  const {
    $schema: _dialect,
    $defs,
    ...root
  } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown> & { $defs?: Record<string, unknown> };
  const names = new Map<string, string>();
  for (const [id, definition] of Object.entries($defs ?? {})) {
    const taken =
      schemas[id] !== undefined && JSON.stringify(schemas[id]) !== JSON.stringify(rewrite(definition, names));
    names.set(id, taken ? `${id}.${io}` : id);
  }
  for (const [id, definition] of Object.entries($defs ?? {})) {
    schemas[names.get(id) ?? id] = rewrite(definition, names);
  }
  return rewrite(root, names);
}

/** A copy of a JSON Schema with its `#/$defs/<id>` references pointing into the components. */
function rewrite(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, names));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith('#/$defs/')) {
      const id = item.slice('#/$defs/'.length);
      copy[key] = `#/components/schemas/${names.get(id) ?? id}`;
    } else {
      copy[key] = rewrite(item, names);
    }
  }
  return copy;
}

function describe(op: Operation, schemas: Record<string, unknown>): Record<string, unknown> {
  const parameters: unknown[] = [];
  for (const [location, schema] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input', schemas) as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
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
    if (response.schema) content['application/json'] = { schema: jsonSchema(response.schema, 'output', schemas) };
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
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.body, 'input', schemas) } },
          },
        }
      : {}),
    responses,
  };
}
