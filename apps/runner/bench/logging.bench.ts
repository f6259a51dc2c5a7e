/**
 * `pnpm --filter @eq/runner bench:logging --against <dir>`: what the request logging costs a
 * request: the middleware (request id, `X-Request-Id` header, the `close` listener) and the one
 * line written when the response closes, through the runner's own logger (`createLogger`, lines
 * gathered as in production) on real `http` request and response objects made beforehand.
 * `--against <dir>` measures another copy of the runner's `src` folder (say, before a change) in
 * the same run, rounds interleaved, and gives the median of the rounds' ratios. The log lines go
 * to standard output, which the package script sends to /dev/null; the figures go to standard
 * error. A report: it exits 0.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Express as App, RequestHandler } from 'express';
import type { createLogger as CreateLogger } from '../src/logger.ts';
import type { requestLogging as RequestLogging } from '../src/middleware/request-logging.ts';

const { values: args } = parseArgs({
  options: { against: { type: 'string' }, requests: { type: 'string' }, rounds: { type: 'string' } },
});
/** Requests of one version in one round. */
const REQUESTS = Number(args.requests ?? 2000);
const ROUNDS = Number(args.rounds ?? 31);

interface Version {
  name: string;
  middleware: RequestHandler;
}

async function load(name: string, src: string): Promise<Version> {
  const { createLogger } = (await import(pathToFileURL(resolve(src, 'logger.ts')).href)) as {
    createLogger: typeof CreateLogger;
  };
  const { requestLogging } = (await import(pathToFileURL(resolve(src, 'middleware/request-logging.ts')).href)) as {
    requestLogging: typeof RequestLogging;
  };
  // The app's request prototype, where the middleware defines `req.log`.
  const app = { request: Object.create(IncomingMessage.prototype) } as unknown as App;
  const middleware = requestLogging(app, createLogger('info', { gatherMs: 50 }));
  return { name, middleware };
}

/** One round's requests, each a GET with a query string and no `X-Request-Id`, as the load test sends. */
function requests(): [IncomingMessage, ServerResponse][] {
  const socket = new Socket();
  return Array.from({ length: REQUESTS }, () => {
    const req = new IncomingMessage(socket);
    req.method = 'GET';
    req.url = '/questionnaire/age?return=summary';
    (req as unknown as { originalUrl: string }).originalUrl = req.url;
    const res = new ServerResponse(req);
    (res as unknown as { req: IncomingMessage }).req = req;
    res.statusCode = 200;
    return [req, res];
  });
}

/** µs a request: the middleware, then the response closing (which writes the line). */
function round(version: Version): number {
  const pairs = requests();
  const next = () => {};
  const start = process.hrtime.bigint();
  for (const [req, res] of pairs) {
    version.middleware(req as never, res as never, next);
    res.emit('close');
  }
  return Number(process.hrtime.bigint() - start) / 1000 / REQUESTS;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const versions = [await load('this', resolve(import.meta.dirname, '../src'))];
if (args.against) versions.push(await load('against', args.against));

for (let i = 0; i < 5; i++) for (const version of versions) round(version);
const times = new Map(versions.map((version) => [version, [] as number[]]));
const ratios: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 === 0 ? versions : [...versions].reverse();
  const took = order.map((version) => [version, round(version)] as const);
  for (const [version, us] of took) times.get(version)?.push(us);
  const [[, a] = [], [, b] = []] = r % 2 === 0 ? took : [...took].reverse();
  if (a !== undefined && b !== undefined) ratios.push(a / b);
}
for (const [version, t] of times) {
  process.stderr.write(
    `${version.name.padEnd(8)} median ${median(t).toFixed(3)} µs a request (min ${Math.min(...t).toFixed(3)})\n`,
  );
}
if (ratios.length > 0) {
  const sorted = [...ratios].sort((x, y) => x - y);
  const quartile = (q: number) => sorted[Math.floor(q * (sorted.length - 1))]?.toFixed(3);
  process.stderr.write(
    `ratio this/against: median ${median(ratios).toFixed(3)} (quartiles ${quartile(0.25)} to ${quartile(0.75)})\n`,
  );
}
