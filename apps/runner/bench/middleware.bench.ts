/**
 * `pnpm --filter @eq/runner bench:middleware`: what a request costs the runner's whole Express
 * app, middleware and routing included: a respondent on an open link (`routing-and`, memory store)
 * over one keep-alive connection, client and server in this process, so the figures are this
 * process's CPU time a request (the client's share is the same for every version). Cases: the
 * question page (GET, and HEAD), its post (saved, then a 303), and the session-expiry JSON the
 * timeout script asks for (the middleware and routers with next to nothing behind them).
 * `--against <dir>` measures another copy of the runner's `src` folder (say, before a change; it
 * must resolve the runner's packages, e.g. with a `node_modules` link beside it) in the same run,
 * rounds interleaved, and gives the median of the rounds' ratios. A report: it exits 0.
 */
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { testRunner as TestRunnerOf } from '../src/testing/harness.ts';

const { values: args } = parseArgs({
  options: { against: { type: 'string' }, requests: { type: 'string' }, rounds: { type: 'string' } },
});
/** Requests of one case in one round. */
const REQUESTS = Number(args.requests ?? 400);
const ROUNDS = Number(args.rounds ?? 15);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A browser's part: one keep-alive connection to one runner, with its cookies. */
class Client {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly cookies = new Map<string, string>();

  constructor(private readonly port: number) {}

  send(method: string, path: string, form?: Record<string, string>): Promise<Reply> {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: Record<string, string> = {
      'Accept-Encoding': 'identity',
      Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    return new Promise((done, fail) => {
      const req = request({ port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair = ''] = line.split(';');
            const at = pair.indexOf('=');
            this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
          }
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() });
        });
      });
      req.on('error', fail);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

interface Case {
  name: string;
  send(client: Client): Promise<Reply>;
  status: number;
}

/** One version of the runner, listening, with a respondent on its first question. */
interface Version {
  name: string;
  client: Client;
  csrf: string;
  close(): Promise<void>;
}

async function version(name: string, src: string): Promise<Version> {
  const harness: { testRunner: typeof TestRunnerOf } = await import(
    pathToFileURL(join(src, 'testing/harness.ts')).href
  );
  const runner = await harness.testRunner();
  const server = runner.app.listen(0);
  await new Promise((done) => server.once('listening', done));
  const client = new Client((server.address() as AddressInfo).port);
  let reply = await client.send('GET', '/s/routing-and');
  while (reply.status === 303 || reply.status === 302) {
    reply = await client.send('GET', String(reply.headers.location));
  }
  const csrf = /name="_csrf" value="([^"]+)"/.exec(reply.body)?.[1];
  if (reply.status !== 200 || !csrf) throw new Error(`${name}: the open link did not lead to a question page`);
  return {
    name,
    client,
    csrf,
    async close() {
      client.close();
      await new Promise((done) => server.close(done));
      await runner.close();
    },
  };
}

const cases = (v: Version): Case[] => [
  { name: 'GET question page', status: 200, send: (c) => c.send('GET', '/questionnaire/age') },
  { name: 'HEAD question page', status: 200, send: (c) => c.send('HEAD', '/questionnaire/age') },
  {
    name: 'POST answer (save, 303)',
    status: 303,
    send: (c) => c.send('POST', '/questionnaire/age', { 'age-answer': '25', _csrf: v.csrf }),
  },
  { name: 'GET /session/expiry (JSON)', status: 200, send: (c) => c.send('GET', '/session/expiry') },
];

/** CPU µs a request of one case, over one round. */
async function round(v: Version, c: Case): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) {
    const reply = await c.send(v.client);
    if (reply.status !== c.status) throw new Error(`${v.name} ${c.name}: ${reply.status}, not ${c.status}`);
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / REQUESTS;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const versions = [await version('this', resolve(import.meta.dirname, '../src'))];
if (args.against) versions.push(await version('against', resolve(args.against)));

const names = cases(versions[0] as Version).map((c) => c.name);
/** µs a request, by case then version, one figure a round. */
const figures = names.map(() => versions.map((): number[] => []));
// Warm up (the JIT, the template cache), then rounds with the versions' order alternating.
for (const v of versions) for (const c of cases(v)) for (let i = 0; i < 200; i++) await c.send(v.client);
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 ? [...versions].reverse() : versions;
  for (const [ci] of names.entries()) {
    for (const v of order) {
      const c = cases(v)[ci] as Case;
      figures[ci]?.[versions.indexOf(v)]?.push(await round(v, c));
    }
  }
}

const rows = names.map((name, ci) => {
  const [mine = [], theirs] = figures[ci] ?? [];
  const row: Record<string, string> = { case: name, 'CPU µs a request': median(mine).toFixed(1) };
  if (theirs) {
    row['against: µs'] = median(theirs).toFixed(1);
    const ratios = mine.map((m, i) => m / (theirs[i] as number));
    row['this / against'] =
      `${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)})`;
  }
  return row;
});
console.log(`${ROUNDS} rounds of ${REQUESTS} requests a case and version, one connection, client in the same process`);
console.table(rows);
for (const v of versions) await v.close();
