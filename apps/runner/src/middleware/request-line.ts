import { pino } from 'pino';
import type { Logger } from '../logger.ts';

export interface RequestLine {
  id: string;
  method: string;
  path: string;
  statusCode: number;
  responseTime: number;
  message: string;
}

type Write = (line: RequestLine) => void;

/** pino's own symbols for what its lines are made of (`pino.symbols`; its types leave some out). */
const SYMBOLS = pino.symbols as unknown as Record<string, symbol | undefined>;
const NEEDED = [
  'chindingsSym',
  'endSym',
  'formattersSym',
  'hooksSym',
  'lsCacheSym',
  'messageKeySym',
  'mixinSym',
  'msgPrefixSym',
  'nestedKeySym',
  'serializersSym',
  'streamSym',
  'stringifiersSym',
  'timeSym',
  'wildcardFirstSym',
] as const;

/**
 * Writes the line a request ends with, `{ req: { id, method, path }, res: { statusCode },
 * responseTime }` and its message, at info (errors at error), as the logger's own `info` and
 * `error` write it, but as one template: pino goes through the object key by key, stringifies
 * each nested object and escapes each key (half its cost a line), for a line whose keys never
 * change. Its parts come from the logger itself: the level's opening, the time, the bindings
 * (`"app":"runner"`), the message key and the line's end, and it goes to the logger's stream.
 * A logger that would write such a line differently (a mixin, a formatter or serializer for
 * these keys, redaction, a message prefix, a nested key, a hook on writes) is given the object
 * as before.
 */
export function requestLineWriter(logger: Logger): Write {
  const symbol = Object.fromEntries(NEEDED.map((name) => [name, SYMBOLS[name]])) as Record<
    (typeof NEEDED)[number],
    symbol
  >;
  const internals = logger as unknown as Record<symbol, unknown>;
  const serializers = (internals[symbol.serializersSym] ?? {}) as Record<string, unknown>;
  const stringifiers = (internals[symbol.stringifiersSym] ?? {}) as Record<string | symbol, unknown>;
  const formatters = (internals[symbol.formattersSym] ?? {}) as { log?: unknown };
  const hooks = (internals[symbol.hooksSym] ?? {}) as { streamWrite?: unknown };
  const stream = internals[symbol.streamSym] as { write(line: string): void; [key: symbol]: unknown };
  const messageKey = internals[symbol.messageKeySym] as string;
  const keys = ['req', 'res', 'responseTime', messageKey];
  const same =
    NEEDED.every((name) => SYMBOLS[name] !== undefined) &&
    !internals[symbol.mixinSym] &&
    !formatters.log &&
    !hooks.streamWrite &&
    internals[symbol.msgPrefixSym] === undefined &&
    !internals[symbol.nestedKeySym] &&
    !stringifiers[symbol.wildcardFirstSym] &&
    keys.every((key) => !stringifiers[key] && !serializers[key]) &&
    stream?.[Symbol.for('pino.metadata')] !== true;
  if (!same) {
    return ({ id, method, path, statusCode, responseTime, message }) => {
      const fields = { req: { id, method, path }, res: { statusCode }, responseTime };
      if (statusCode >= 500) logger.error(fields, message);
      else logger.info(fields, message);
    };
  }
  const levels = internals[symbol.lsCacheSym] as Record<number, string>;
  const time = internals[symbol.timeSym] as () => string;
  const bindings = internals[symbol.chindingsSym] as string;
  const end = internals[symbol.endSym] as string;
  const messageKeyText = JSON.stringify(messageKey);
  const info = logger.levels.values.info as number;
  const error = logger.levels.values.error as number;
  return ({ id, method, path, statusCode, responseTime, message }) => {
    const level = statusCode >= 500 ? error : info;
    if (level < logger.levelVal) return;
    stream.write(
      `${levels[level]}${time.call(logger)}${bindings},"req":{"id":${JSON.stringify(id)},"method":${JSON.stringify(method)},"path":${JSON.stringify(path)}},"res":{"statusCode":${statusCode}},"responseTime":${responseTime},${messageKeyText}:${JSON.stringify(message)}${end}`,
    );
  };
}
