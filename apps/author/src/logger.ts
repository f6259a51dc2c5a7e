import { pino } from 'pino';

/** JSON log lines to stdout: one event per line, lowercase message plus fields. */
export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'author' },
    // Defence in depth: answers never reach a log line, but a stray body or token would be cut.
    redact: {
      paths: ['req.body', 'body', 'token', 'answers', 'payload', 'password', 'definition', 'req.headers.cookie'],
      censor: '[redacted]',
    },
  });
}
