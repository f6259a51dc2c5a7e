/**
 * `pnpm --filter @eq/runner bench:middleware`: what a request costs the runner's whole Express
 * app, middleware and routing included, for the cases of middleware-cases.ts (a respondent on an
 * open link to `routing-and`, memory store). Three ways to measure:
 *
 * - by default, over one keep-alive connection, with the browser in a child process
 *   (middleware-client.ts): this process's CPU time a request is the server's alone;
 * - `--in-process`: the requests handed to the app in this process, without sockets
 *   (in-process.ts): the app's own work, plus the browser's small part in it;
 * - `--instructions`: instructions a request, counted by valgrind (instruction-counts.ts) in
 *   process, each version in a process of its own, both at once: far steadier than CPU time on a
 *   shared machine, but blind to what memory costs. Needs valgrind (`apt-get install valgrind`);
 *   by default 5 rounds of 300 requests a case, after a warm-up, some ten minutes.
 *
 * `--against <dir>` measures another copy of the runner's `src` folder (say, before a change; it
 * must resolve the runner's packages, e.g. with a `node_modules` link in it) in the same run, and
 * gives the ratios: the median of the rounds' (with their range); `--src <dir>` measures a copy in
 * place of this one's `src`. In the two timed ways the versions take turns of a few hundred
 * requests, each turn after a full collection (an old-generation collection takes tens of
 * milliseconds, charged to whichever turn it fell in). A report: it exits 0.
 */
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { testRunner as TestRunnerOf } from '../src/testing/harness.ts';
import { Browser } from './browser.ts';
import { inProcess } from './in-process.ts';
import { instructionCounts } from './instruction-counts.ts';
import { CASES, type Case } from './middleware-cases.ts';
import type { Answer, Command } from './middleware-client.ts';

const { values: args } = parseArgs({
  options: {
    against: { type: 'string' },
    src: { type: 'string' },
    'in-process': { type: 'boolean' },
    instructions: { type: 'boolean' },
    requests: { type: 'string' },
    rounds: { type: 'string' },
  },
});
/** Requests of one case and version in one round. */
const REQUESTS = Number(args.requests ?? (args.instructions ? 300 : 1000));
const ROUNDS = Number(args.rounds ?? (args.instructions ? 5 : 15));
/** Requests a version sends before the other takes its turn. */
const TURN = 200;

const sources = [
  resolve(args.src ?? join(import.meta.dirname, '../src')),
  ...(args.against ? [resolve(args.against)] : []),
];

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

if (args.instructions) await countInstructions();
else await timeRounds();

async function countInstructions(): Promise<void> {
  const [mine, theirs] = await Promise.all(sources.map((src) => instructionCounts(src, REQUESTS, ROUNDS)));
  const rows = CASES.map((c) => {
    const counts = mine?.get(c.name) ?? [];
    const row: Record<string, string> = { case: c.name, 'instructions a request': median(counts).toFixed(0) };
    if (theirs) {
      const against = theirs.get(c.name) ?? [];
      row['against: instructions'] = median(against).toFixed(0);
      const ratios = counts.map((count, i) => count / (against[i] as number));
      row['this / against'] =
        `${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)})`;
    }
    return row;
  });
  console.log(
    `${ROUNDS} rounds of ${REQUESTS} requests a case and version, in process, instructions of the main thread`,
  );
  console.table(rows);
}

/** One version of the runner with a respondent on its first question, answering requests. */
interface Version {
  index: number;
  /** Sends the case's request so many times. */
  run(c: Case, times: number): Promise<void>;
  close(): Promise<void>;
}

async function timeRounds(): Promise<void> {
  const browsers = args['in-process'] ? undefined : fork(join(import.meta.dirname, 'middleware-client.ts'));
  /** Has the browsers' process do something, and waits until it is done. */
  const command = (sent: Command) =>
    new Promise<void>((done, fail) => {
      browsers?.once('message', (answer: Answer) => (answer.ok ? done() : fail(new Error(answer.error))));
      browsers?.send(sent);
    });

  async function version(index: number, src: string): Promise<Version> {
    const harness: { testRunner: typeof TestRunnerOf } = await import(
      pathToFileURL(join(src, 'testing/harness.ts')).href
    );
    const runner = await harness.testRunner();
    if (!browsers) {
      const browser = new Browser(inProcess(runner.app));
      await browser.open('/s/routing-and');
      return { index, run: (c, times) => browser.repeat(c.sent, times, c.status), close: () => runner.close() };
    }
    const server = runner.app.listen(0);
    await new Promise((done) => server.once('listening', done));
    const port = (server.address() as AddressInfo).port;
    await command({ kind: 'open', runner: index, port, path: '/s/routing-and' });
    return {
      index,
      run: (c, times) => command({ kind: 'run', runner: index, sent: c.sent, times, status: c.status }),
      async close() {
        server.closeAllConnections();
        await new Promise((done) => server.close(done));
        await runner.close();
      },
    };
  }

  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  /** This process's CPU µs over `times` requests of one case, after a full collection. */
  const cpuOf = async (v: Version, c: Case, times: number): Promise<number> => {
    collectGarbage();
    const started = process.cpuUsage();
    await v.run(c, times);
    const used = process.cpuUsage(started);
    return used.user + used.system;
  };

  const versions: Version[] = [];
  for (const [index, src] of sources.entries()) versions.push(await version(index, src));
  /** CPU µs a request of one case, by version, over one round of turns (the first in turn alternating). */
  const round = async (c: Case): Promise<number[]> => {
    const used = versions.map(() => 0);
    const turns = Math.ceil(REQUESTS / TURN);
    for (let turn = 0; turn < turns; turn++) {
      for (const v of turn % 2 ? [...versions].reverse() : versions) {
        used[v.index] = (used[v.index] ?? 0) + (await cpuOf(v, c, TURN));
      }
    }
    return used.map((us) => us / (turns * TURN));
  };

  // Warm up (the JIT, the template cache), then the rounds.
  for (const v of versions) for (const c of CASES) await cpuOf(v, c, 300);
  /** µs a request, by case then version, one figure a round. */
  const figures = CASES.map(() => versions.map((): number[] => []));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [ci, c] of CASES.entries()) {
      for (const [vi, us] of (await round(c)).entries()) figures[ci]?.[vi]?.push(us);
    }
  }

  const rows = CASES.map((c, ci) => {
    const [mine = [], theirs] = figures[ci] ?? [];
    const row: Record<string, string> = { case: c.name, 'CPU µs a request': median(mine).toFixed(1) };
    if (theirs) {
      row['against: µs'] = median(theirs).toFixed(1);
      const ratios = mine.map((m, i) => m / (theirs[i] as number));
      row['this / against'] =
        `${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)})`;
    }
    return row;
  });
  const driver = browsers ? "one connection, the server's CPU alone" : 'in process, no sockets';
  console.log(`${ROUNDS} rounds of ${REQUESTS} requests a case and version (turns of ${TURN}), ${driver}`);
  console.table(rows);
  for (const v of versions) await v.close();
  browsers?.disconnect();
}
