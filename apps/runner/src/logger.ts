import { pino } from 'pino';

/** JSON log lines to stdout: one event per line, lowercase message plus fields. */
export type Logger = pino.Logger;

export interface LoggerOptions {
  /**
   * Gather info and debug lines for at most this long (or until 4 kB are waiting) and write them
   * in one system call: a line a request, each written on its own, was the largest part of the
   * runner's logging cost (docs/performance.md). Warnings and errors are written at once, with
   * what waits before them, and everything waiting is written when the process exits. 0 writes
   * each line as it comes.
   */
  gatherMs?: number;
  /** Where the lines go instead of standard output (tests read them); `gatherMs` is then unused. */
  destination?: pino.DestinationStream;
}

const GATHER_BYTES = 4096;

export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const gatherMs = options.gatherMs ?? 0;
  return pino(
    {
      level,
      base: { app: 'runner' },
      // Defence in depth: answers never reach a log line, but a stray body or token would be cut.
      redact: {
        paths: ['req.body', 'body', 'token', 'answers', 'payload', 'req.headers.cookie'],
        censor: '[redacted]',
      },
    },
    options.destination ?? (gatherMs > 0 ? gatheredStdout(gatherMs) : pino.destination({ dest: 1, sync: true })),
  );
}

/** Standard output, written synchronously, a few lines at a time (see `gatherMs`). */
function gatheredStdout(gatherMs: number): pino.DestinationStream {
  const out = pino.destination({ dest: 1, sync: true, minLength: GATHER_BYTES });
  let waiting = false;
  let scheduled = false;
  const flush = () => {
    if (!waiting) return;
    waiting = false;
    out.flush();
  };
  process.on('exit', flush);
  return {
    write(line: string) {
      out.write(line);
      // pino's lines begin `{"level":N`: 10 to 30 are trace, debug and info.
      if (!/^\{"level":[123]0,/.test(line)) {
        waiting = true;
        flush();
        return;
      }
      waiting = true;
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        flush();
      }, gatherMs).unref();
    },
  };
}
