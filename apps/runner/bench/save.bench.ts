/**
 * `pnpm --filter @eq/runner bench:save`: what saving a page costs the runner's response
 * repository: `update` of a census household of three (the record the request loaded passed in,
 * as the save route does), so the record's checks, sealing and the store's compare-and-set; and
 * the `load` of the GET after the save's redirect. On the memory store, and on a real Redis too
 * when BENCH_REDIS_URL is set (the client as `createStore` makes it). Both wall time and this
 * process's CPU time a save, as the Redis server's own time is not the runner's.
 * `save` changes one answer of the finished household each time; `journey save` saves, in turn,
 * the states `--households` census households of three pass through as the engine saves their
 * pages (sharing what each save left as it was), each use of a household's states a copy with
 * objects of its own, as each real household's are, so nothing kept by object carries over
 * from one household to the next; `journey page` is what a page's POST and the GET after its
 * redirect ask of the repository: a load and that save, then a load.
 * `--cases <regular expression>` measures only the cases whose names it matches; `--concurrency <n>`
 * runs each case for n respondents at once, as a runner serves them (on Redis, ioredis then sends
 * their commands together: auto-pipelining), and gives the time per run of one.
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
import { journeyPages } from './journey-pages.ts';

const { values: args } = parseArgs({
  options: {
    against: { type: 'string' },
    ms: { type: 'string' },
    rounds: { type: 'string' },
    households: { type: 'string' },
    cases: { type: 'string' },
    concurrency: { type: 'string' },
  },
});
/** Each round runs one case of one version for this long. */
const ROUND_MS = Number(args.ms ?? 300);
const ROUNDS = Number(args.rounds ?? 15);
/** Respondents at once, each with a response of its own, on one repository and store (one Redis client). */
const CONCURRENCY = Number(args.concurrency ?? 1);
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

/** The states each household's saves make, in order (the states its pages were shown in). */
const journeys: ResponseState[][] = Array.from({ length: Number(args.households ?? 20) }, (_, i) => {
  const states: ResponseState[] = [];
  for (const { state } of journeyPages(q, 100 + i, TODAY)) if (states.at(-1) !== state) states.push(state);
  return states;
});

/**
 * A household's states with objects of their own, shared between its states as the originals
 * are: as the engine makes them, each save's state sharing what the save left as it was.
 */
function ownCopy(states: ResponseState[]): ResponseState[] {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    let made = copies.get(value);
    if (made === undefined) {
      if (Array.isArray(value)) made = value.map(copy);
      else {
        const fields: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) fields[k] = copy(v);
        made = fields;
      }
      copies.set(value, made);
    }
    return made;
  };
  return states.map((state) => copy(state) as ResponseState);
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
  /** The journey states this subject saves next, made before each round (`prepare`). */
  queued: ResponseState[];
  /** The household whose states are queued next. */
  household: number;
}

/** CONCURRENCY subjects of a version, sharing one store and repository (and another instance). */
async function subjects(v: Version, redisUrl: string | undefined, prefix: string): Promise<Subject[]> {
  const store = v.createStore(redisUrl ? { redisUrl, keyPrefix: prefix } : {});
  const repository = new v.ResponseRepository({ store, serverKey: SERVER_KEY });
  const elsewhere = new v.ResponseRepository({ store, serverKey: SERVER_KEY });
  return Promise.all(Array.from({ length: CONCURRENCY }, () => subject(store, repository, elsewhere)));
}

async function subject(store: ResponseStore, repository: Repository, elsewhere: Repository): Promise<Subject> {
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
  return { repository, elsewhere, store, responseId, loaded, queued: [], household: 0 };
}

/**
 * The two halves of a respondent's page: the POST's save, and the GET's load of what it saved;
 * then both on two instances behind a balancer: another instance saves, this one loads.
 */
const CASES: Record<string, (s: Subject, run: number) => Promise<void>> = {
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
  'journey save': async (s: Subject) => {
    await journeySave(s);
  },
  'journey page': async (s: Subject) => {
    const loaded = await s.repository.load(s.responseId, SECRET);
    if (!loaded) throw new Error('the load found no response');
    s.loaded = loaded;
    await journeySave(s);
    if (!(await s.repository.load(s.responseId, SECRET))) throw new Error('the load found no response');
  },
};
type CaseName = keyof typeof CASES;

async function journeySave(s: Subject): Promise<void> {
  const state = s.queued.pop();
  if (!state) throw new Error('no journey state queued');
  const saved = await s.repository.update(s.responseId, SECRET, (current) => ({ ...current, state }), s.loaded);
  if (!saved) throw new Error('the save found no response');
  s.loaded = saved;
}

/** Queues at least `runs` journey states to save, households' copies in turn (popped from the end). */
function prepare(s: Subject, runs: number): void {
  const states: ResponseState[] = [];
  while (states.length < runs) {
    states.push(...ownCopy(journeys[s.household % journeys.length] as ResponseState[]));
    s.household++;
  }
  s.queued = states.reverse();
}

interface Round {
  wallUs: number;
  cpuUs: number;
}

/** Numbers the saves, so each writes an answer of its own. */
let saves = 0;

/** How many runs each subject made in the last round of each case: the next one queues more than that. */
const lastRuns = new Map<Subject, Map<CaseName, number>>();

/**
 * Runs one case over and over for ROUND_MS on each subject at once (or until the journey states
 * queued for one run out): microseconds of wall and CPU time per run, runs of all of them counted.
 */
async function round(team: Subject[], name: CaseName): Promise<Round> {
  const run = CASES[name] as (s: Subject, run: number) => Promise<void>;
  const journey = name.startsWith('journey');
  const runsBefore = team.map((s) => {
    const before = lastRuns.get(s) ?? new Map<CaseName, number>();
    lastRuns.set(s, before);
    if (journey) prepare(s, Math.ceil((before.get(name) ?? 500) * 1.5));
    return before;
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  let stop = false;
  const counts = await Promise.all(
    team.map(async (s) => {
      let runs = 0;
      while (!stop && performance.now() - started < ROUND_MS) {
        if (journey && s.queued.length === 0) stop = true;
        else {
          await run(s, ++saves);
          runs++;
        }
      }
      return runs;
    }),
  );
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  for (const [i, runs] of counts.entries()) runsBefore[i]?.set(name, runs);
  const runs = counts.reduce((a, b) => a + b, 0);
  return { wallUs: (wall * 1000 * team.length) / runs, cpuUs: (used.user + used.system) / runs };
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
  const teams = await Promise.all(versions.map((v) => subjects(v, url, prefix)));
  for (const name of Object.keys(CASES).filter((n) => new RegExp(args.cases ?? '').test(n)) as CaseName[]) {
    const results: Round[][] = versions.map(() => []);
    // Two rounds of warm-up each, then rounds in turns, the order swapped every round.
    for (let r = -2; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? teams.map((_, i) => i) : teams.map((_, i) => teams.length - 1 - i);
      for (const i of order) {
        const measured = await round(teams[i] as Subject[], name);
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
  await Promise.all(teams.map((team) => team[0]?.store.close()));
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
    `medians of ${ROUNDS} interleaved rounds of ${ROUND_MS} ms, ${CONCURRENCY} at once`,
);
console.log([header, ...rows].map(line).join('\n'));
