/**
 * `pnpm --filter @eq/runner bench:save`: what saving a page costs the runner's response
 * repository: `update` of a census household of three (the record the request loaded passed in,
 * as the save route does), so the record's checks, sealing and the store's compare-and-set; and
 * the `load` of the GET after the save's redirect. On the memory store, and on a real Redis too
 * when BENCH_REDIS_URL is set (the client as `createStore` makes it). Both wall time and this
 * process's CPU time a save, as the Redis server's own time is not the runner's.
 * `--against <dir>` measures another copy of the runner's `src` folder (say, before a change) in
 * the same run, rounds interleaved, and gives the median of the rounds' ratios. A report: it exits 0.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ResponseState } from '@eq/engine';
import { answerAll } from '@eq/engine/testing';
import { Questionnaire } from '@eq/schema';
import { Redis } from 'ioredis';
import type { ResponseRepository as Repository, StoredResponse } from '../src/responses/response-repository.ts';
import type { createStore as CreateStore } from '../src/store/create-store.ts';
import type { ResponseStore } from '../src/store/response-store.ts';

const { values: args } = parseArgs({
  options: { against: { type: 'string' }, ms: { type: 'string' }, rounds: { type: 'string' } },
});
/** Each round runs one case of one version for this long. */
const ROUND_MS = Number(args.ms ?? 300);
const ROUNDS = Number(args.rounds ?? 15);
const REDIS_URL = process.env.BENCH_REDIS_URL;

const SERVER_KEY = 'bench-server-key-of-at-least-thirty-two-bytes';
const SECRET = 'YmVuY2gtc2VjcmV0LW9mLXRoZS1yZXNwb25kZW50LTMy';
const TODAY = '2025-06-01';

const require = createRequire(import.meta.url);
const q = Questionnaire.parse(require('@eq/schema/examples/census-household.json'));
const journey = answerAll(q, 3, { today: TODAY, seed: 3 });
if (!journey.complete) throw new Error(`the census household is not complete: ${journey.stuck ?? ''}`);
const household: ResponseState = journey.state;
/** An answer whose value each save changes, as a page's save changes one or a few. */
const changing = Object.keys(household.answers)[0];
if (changing === undefined) throw new Error('the census household has no answers');

/** The state a save of run `run` makes: new objects where the engine makes them, the rest shared. */
function savedState(run: number): ResponseState {
  return { ...household, answers: { ...household.answers, [changing as string]: `answer ${run}` } };
}

/** One version of the runner's responses layer. */
interface Version {
  name: string;
  ResponseRepository: typeof Repository;
  createStore: typeof CreateStore;
}

async function version(name: string, src: string): Promise<Version> {
  const at = (path: string) => pathToFileURL(join(src, path)).href;
  const repository: { ResponseRepository: typeof Repository } = await import(at('responses/response-repository.ts'));
  const store: { createStore: typeof CreateStore } = await import(at('store/create-store.ts'));
  return { name, ResponseRepository: repository.ResponseRepository, createStore: store.createStore };
}

/** A version's repository on one store, with a response created and loaded as a request would. */
interface Subject {
  repository: Repository;
  /** Another runner instance on the same store. */
  elsewhere: Repository;
  store: ResponseStore;
  responseId: string;
  loaded: StoredResponse;
}

async function subject(v: Version, redisUrl: string | undefined, prefix: string): Promise<Subject> {
  const store = v.createStore(redisUrl ? { redisUrl, keyPrefix: prefix } : {});
  const repository = new v.ResponseRepository({ store, serverKey: SERVER_KEY });
  const responseId = randomUUID();
  const now = new Date().toISOString();
  const record: StoredResponse = {
    responseId,
    questionnaire: { slug: 'census-household', version: 1 },
    state: savedState(0),
    status: 'inProgress',
    language: 'en',
    respondentRef: '100000000001',
    startedAt: now,
    updatedAt: now,
  };
  if (!(await repository.create(record, SECRET))) throw new Error('could not create the response');
  const loaded = await repository.load(responseId, SECRET);
  if (!loaded) throw new Error('could not load the response');
  const elsewhere = new v.ResponseRepository({ store, serverKey: SERVER_KEY });
  return { repository, elsewhere, store, responseId, loaded };
}

/**
 * The two halves of a respondent's page: the POST's save, and the GET's load of what it saved;
 * then both on two instances behind a balancer: another instance saves, this one loads.
 */
const CASES = {
  save: async (s: Subject, run: number) => {
    const state = savedState(run);
    const saved = await s.repository.update(s.responseId, SECRET, (current) => ({ ...current, state }), s.loaded);
    if (!saved) throw new Error('the save found no response');
    s.loaded = saved;
  },
  load: async (s: Subject) => {
    if (!(await s.repository.load(s.responseId, SECRET))) throw new Error('the load found no response');
  },
  'save elsewhere, load': async (s: Subject, run: number) => {
    const state = savedState(run);
    if (!(await s.elsewhere.update(s.responseId, SECRET, (current) => ({ ...current, state }))))
      throw new Error('the save found no response');
    if (!(await s.repository.load(s.responseId, SECRET))) throw new Error('the load found no response');
  },
};
type CaseName = keyof typeof CASES;

interface Round {
  wallUs: number;
  cpuUs: number;
}

/** Numbers the saves, so each writes an answer of its own. */
let saves = 0;

/** Runs one case over and over for ROUND_MS: microseconds of wall and CPU time per run. */
async function round(s: Subject, name: CaseName): Promise<Round> {
  const run = CASES[name];
  const cpu = process.cpuUsage();
  const started = performance.now();
  let runs = 0;
  while (performance.now() - started < ROUND_MS) {
    await run(s, ++saves);
    runs++;
  }
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallUs: (wall * 1000) / runs, cpuUs: (used.user + used.system) / runs };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const versions = [await version('this', resolve(import.meta.dirname, '../src'))];
if (args.against) versions.push(await version('against', resolve(args.against)));
const stores: [string, string | undefined][] = [['memory', undefined]];
if (REDIS_URL) stores.push(['redis', REDIS_URL]);

const prefix = `bench:${randomUUID()}:`;
const header = [
  'case',
  'store',
  'wall µs',
  'cpu µs',
  ...(versions.length > 1 ? ['against wall', 'against cpu', 'cpu this/against (range)', 'wall this/against'] : []),
];
const rows: string[][] = [];
for (const [storeName, url] of stores) {
  const subjects = await Promise.all(versions.map((v) => subject(v, url, prefix)));
  for (const name of Object.keys(CASES) as CaseName[]) {
    const results: Round[][] = versions.map(() => []);
    // Two rounds of warm-up each, then rounds in turns, the order swapped every round.
    for (let r = -2; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? subjects.map((_, i) => i) : subjects.map((_, i) => subjects.length - 1 - i);
      for (const i of order) {
        const measured = await round(subjects[i] as Subject, name);
        if (r >= 0) results[i]?.push(measured);
      }
    }
    const [mine, theirs] = results as [Round[], Round[] | undefined];
    const row = [
      name,
      storeName,
      median(mine.map((m) => m.wallUs)).toFixed(1),
      median(mine.map((m) => m.cpuUs)).toFixed(1),
    ];
    if (theirs) {
      const cpuRatios = mine.map((m, i) => m.cpuUs / (theirs[i]?.cpuUs ?? Number.NaN));
      const wallRatios = mine.map((m, i) => m.wallUs / (theirs[i]?.wallUs ?? Number.NaN));
      row.push(
        median(theirs.map((m) => m.wallUs)).toFixed(1),
        median(theirs.map((m) => m.cpuUs)).toFixed(1),
        `${median(cpuRatios).toFixed(2)} (${Math.min(...cpuRatios).toFixed(2)}-${Math.max(...cpuRatios).toFixed(2)})`,
        median(wallRatios).toFixed(2),
      );
    }
    rows.push(row);
  }
  await Promise.all(subjects.map((s) => s.store.close()));
}
if (REDIS_URL) {
  const admin = new Redis(REDIS_URL);
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
}

const json = JSON.stringify(savedState(0));
const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)));
const line = (row: string[]) =>
  row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
console.log(
  `Saves: census household of 3 (state ${(json.length / 1024).toFixed(1)} kB of JSON), Node ${process.version}; ` +
    `medians of ${ROUNDS} interleaved rounds of ${ROUND_MS} ms`,
);
console.log([header, ...rows].map(line).join('\n'));
