import { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';

export interface DeclaredFields {
  /** Properties the app's middleware and routes set on requests. */
  request: readonly PropertyKey[];
  /** Properties they set on responses. */
  response: readonly PropertyKey[];
}

type Handle = (req: IncomingMessage, res: ServerResponse, callback?: unknown) => void;

/** What Express and its router set on every request and response once their prototypes are the app's. */
const EXPRESS_FIELDS: DeclaredFields = {
  request: ['next', 'baseUrl', 'originalUrl', '_parsedUrl', 'params', 'route', ...routerSymbols()],
  response: ['locals'],
};

/**
 * What Node's prototypes give requests and responses, and gets set on them later: a response's
 * status, and a request's count of listeners (set with its first listener). Each gets its own copy
 * of the value it reads, so that setting it adds nothing.
 */
const INHERITED: DeclaredFields = {
  request: inheritedData(IncomingMessage.prototype, ['_eventsCount']),
  response: inheritedData(ServerResponse.prototype, ['statusCode', 'statusMessage']),
};

/**
 * Gives every request and response the properties the app will set on them before Express sees
 * them. Express changes the prototype of each request and response to its app's first thing, and
 * V8 then gives the object a map of its own, outside any transition tree: every property added
 * afterwards makes yet another map (about a microsecond each, against a few nanoseconds), and no
 * two requests share a shape, so that every property access on them, everywhere, is megamorphic.
 * Express, its router and the middleware add some twenty. Declared here, as `undefined` (or as
 * the value they shadow, above), they are only set afterwards, and reading one before it is set
 * gives what it gave before: none is an accessor on the prototypes (checked here, once).
 */
export function declareFieldsFirst(app: Express, fields: DeclaredFields): void {
  const request = [...EXPRESS_FIELDS.request, ...fields.request];
  const response = [...EXPRESS_FIELDS.response, ...fields.response];
  assertNotInherited(app.request, request);
  assertNotInherited(app.response, response);
  const holder = app as unknown as { handle: Handle };
  const handle = holder.handle;
  holder.handle = function handleDeclared(this: unknown, req, res, callback) {
    const incoming = req as unknown as Record<PropertyKey, unknown>;
    for (const key of INHERITED.request) ownCopy(incoming, key);
    for (const key of request) incoming[key] = undefined;
    const outgoing = res as unknown as Record<PropertyKey, unknown>;
    for (const key of INHERITED.response) ownCopy(outgoing, key);
    for (const key of response) outgoing[key] = undefined;
    return handle.call(this, req, res, callback);
  };
}

/** Makes the value `key` reads an own property of the object, so that setting it later adds nothing. */
function ownCopy(target: Record<PropertyKey, unknown>, key: PropertyKey): void {
  const value = target[key];
  target[key] = value;
}

/** Refuses a field a prototype defines: shadowing a getter (say `req.query`) would change what it reads. */
function assertNotInherited(prototype: object, keys: readonly PropertyKey[]): void {
  for (const key of keys) {
    if (key in prototype) throw new Error(`${String(key)} is defined by the prototype: it cannot be declared`);
  }
}

/** Those of the keys that the prototype chain holds as plain, writable values (a later Node may not). */
function inheritedData(prototype: object, keys: readonly PropertyKey[]): PropertyKey[] {
  return keys.filter((key) => {
    for (let at: object | null = prototype; at; at = Object.getPrototypeOf(at)) {
      const property = Object.getOwnPropertyDescriptor(at, key);
      if (property) return 'value' in property && property.writable === true;
    }
    return false;
  });
}

/** The symbols Express's router sets on each request it dispatches (the pattern a layer matched). */
function routerSymbols(): symbol[] {
  const router = express.Router();
  let found: symbol[] = [];
  router.use((req, _res, next) => {
    found = Object.getOwnPropertySymbols(req);
    next();
  });
  router({ method: 'GET', url: '/', headers: {} } as never, {} as never, () => {});
  return found;
}
