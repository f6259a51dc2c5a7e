// The load test: one production runner on one CPU with a real Redis, an Express hello-world
// baseline measured the same way in the same run, then the figures. `--help` lists the options.
//   pnpm --filter @eq/runner loadtest [--seconds 30 --concurrency 10 --profile]
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundledQuestionnaire, startFakeAuthorApi } from '../apps/runner/src/process/fake-author-api.ts';
import { productionSetup } from '../apps/runner/src/process/production-env.ts';
import { buildRunner, type RunnerProcess, startRunner } from '../apps/runner/src/process/runner-process.ts';
import { planJourney } from './journey.ts';
import { type LoadOptions, runLoad } from './load.ts';
import { cpuPlan, cpuSeconds, pinSelf, type RedisServer, startRedis } from './machine.ts';
import { costsByCategory, profileCosts } from './profile.ts';
import { formatReport, type LoadReport } from './stats.ts';

const HELP = `loadtest/run.ts: the runner against an Express hello world, one CPU each, same run

  --seconds N       measured seconds per run (default 30)
  --warmup N        seconds of load before measuring (default 10)
  --concurrency N   virtual respondents at once (default 10)
  --people N        people in each census household (default 3)
  --households N    distinct households (seeded simulated respondents) planned before the run;
                    each journey of a measured runner is a new one while they last (default:
                    12 a second of warm-up and measurement, enough for ~2,000 req/s)
  --profile         profile the runner (node --cpu-prof) and print its top costs
  --profile-to DIR  keep the profile in DIR: the .cpuprofile (for Chrome DevTools) and costs.json,
                    every function's and module's share
  --also FILE       another built runner (main.js) measured in the same run, e.g. a build of
                    the code before a change (repeat for several); see README.md
  --also-node=OPTS  the working tree's build once more, started with these Node options, e.g.
                    "--max-semi-space-size=32" (repeat for several)
  --also-env=VARS   the working tree's build once more, with these environment variables, e.g.
                    "COMPRESS=off" (repeat for several)
  --env=VARS        the runner's own environment variables besides the load test's, e.g.
                    "COMPRESS=off" (--also builds get them too)
  --rounds N        measure each runner N times, in turns (default 1)
  --skip-baseline   leave the Express hello world out (comparing runners only)
  --get PATH        drive the runners with GET PATH in a loop instead of journeys, e.g.
                    /session/expiry to measure the middleware every request goes through
  REDIS_URL=...     use this Redis instead of starting a private redis-server
`;

const TARGET = { requestsPerSecond: 1500, shareOfBaseline: 0.15, p99Ms: 50 };

/** What the runner's time goes on, by module (see profile.ts). */
const CATEGORIES: [string, RegExp][] = [
  ['compression (gzip, brotli)', /^(compression|node:zlib|apps\/runner\/src\/middleware\/compress\.ts)$/],
  [
    'session cookie and tokens (AES-GCM, jose)',
    /^(jose|node:internal\/crypto\/(util|webcrypto|aes|cipher|keys)|apps\/runner\/src\/session\/)/,
  ],
  [
    'pages (nunjucks, ONS macros, view-models, compaction)',
    /^(nunjucks|apps\/runner\/src\/(views|view-models|i18n)\/)/,
  ],
  ['answers at rest (AES-GCM, HKDF, JSON)', /^apps\/runner\/src\/responses\//],
  ['engine (path, conditions, validation)', /^packages\/engine\//],
  ['garbage collection', /^\(garbage collector\)$/],
  ['logging (pino)', /^(pino|pino-http|sonic-boom|apps\/runner\/src\/middleware\/request-logging\.ts)$/],
  ['Redis client and store', /^(ioredis|redis-parser|denque|cluster-key-slot|apps\/runner\/src\/store\/)/],
  [
    'HTTP, Express and middleware',
    /^(express|router|body-parser|on-headers|on-finished|cookie|cookie-parser|cookie-signature|csrf-csrf|helmet|send|serve-static|qs|finalhandler|negotiator|accepts|type-is|mime-types|content-type|vary|encodeurl|escape-html|parseurl|statuses|http-errors|depd|raw-body|iconv-lite|debug|setprototypeof|path-to-regexp|node:_http|node:net|node:internal\/(streams|http|url)|node:url|node:querystring|apps\/runner\/src\/(middleware|routes)\/)/,
  ],
  ['validation of data (zod)', /^zod$/],
  ['Node: promises, timers, native writes', /^(node:internal\/process|node:internal\/timers|node:timers|\(program\))/],
];
const REPO = fileURLToPath(new URL('..', import.meta.url));

const { values } = parseArgs({
  // pnpm passes a `--` through to the script.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '10' },
    people: { type: 'string', default: '3' },
    households: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'profile-to': { type: 'string' },
    also: { type: 'string', multiple: true, default: [] },
    'also-node': { type: 'string', multiple: true, default: [] },
    'also-env': { type: 'string', multiple: true, default: [] },
    env: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    'skip-baseline': { type: 'boolean', default: false },
    get: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const seconds = Number(values.seconds);
const warmupSeconds = Number(values.warmup);
const concurrency = Number(values.concurrency);
const cpus = cpuPlan();
pinSelf(cpus.rest);

const census = bundledQuestionnaire('examples/census-household');
// Every journey a different household (names, answers, people), as in a real census: caches that
// the runner keeps across respondents are measured on what respondents genuinely share, not on
// the same few households coming round again. Planned before the run (about 9 ms each), so the
// driver does not stall mid-measurement.
const households = values.get ? 0 : Number(values.households ?? Math.ceil((seconds + warmupSeconds) * 12));
const plans = Array.from({ length: households }, (_, i) =>
  planJourney(census, { seed: i + 1, people: Number(values.people) }),
);
const built = buildRunner();
const author = await startFakeAuthorApi([census]);
const redis: RedisServer | undefined = process.env.REDIS_URL ? undefined : await startRedis(cpus.rest);
const redisUrl = process.env.REDIS_URL ?? redis?.url ?? '';
const setup = await productionSetup({ redisUrl, authorApiUrl: author.url, authorApiToken: author.token });
const profileDir =
  values.profile || values['profile-to'] ? mkdtempSync(join(tmpdir(), 'eq-runner-profile-')) : undefined;

interface Measured {
  report: LoadReport;
  /** The server's CPU use over the measured window: 1 is one CPU all the time. */
  serverCpu?: number;
  driverCpu: number;
}

/** Starts a server on the server CPU, loads it, reads its CPU time over the window, stops it. */
async function measure(
  main: string,
  env: Record<string, string>,
  work: LoadOptions['work'],
  nodeOptions: string[] = [],
) {
  const server: RunnerProcess = await startRunner({
    main,
    env,
    keepLogs: false,
    nodeOptions,
    ...(cpus.server ? { cpus: cpus.server } : {}),
  });
  let serverAt: number | undefined;
  let driverAt = process.cpuUsage();
  let serverCpu: number | undefined;
  let driverCpu = 0;
  let openedAt = 0;
  const { report, failed, started } = await runLoad({
    targets: [server.url],
    concurrency,
    work,
    seconds,
    warmupSeconds,
    window: {
      opened: () => {
        openedAt = performance.now();
        serverAt = cpuSeconds(server.pid);
        driverAt = process.cpuUsage();
      },
      closed: () => {
        const elapsed = (performance.now() - openedAt) / 1000;
        const serverNow = cpuSeconds(server.pid);
        if (serverAt !== undefined && serverNow !== undefined) serverCpu = (serverNow - serverAt) / elapsed;
        const driver = process.cpuUsage(driverAt);
        driverCpu = (driver.user + driver.system) / 1e6 / elapsed;
      },
    },
    onFailure: (failure) => process.stderr.write(`journey failed (seed ${failure.seed}): ${failure.error}\n`),
  });
  const exit = await server.stop();
  if (exit.code !== 0) process.stderr.write(`the server exited with ${exit.code ?? exit.signal}\n${server.stderr()}\n`);
  if (failed.length > 0) process.stderr.write(`${failed.length} journeys failed\n`);
  if ('plans' in work && started > work.plans.length) {
    process.stderr.write(
      `${started} journeys on ${work.plans.length} households: some came round twice (--households)\n`,
    );
  }
  return { report, driverCpu, ...(serverCpu === undefined ? {} : { serverCpu }) } satisfies Measured;
}

process.stdout.write(
  `load test: ${cpus.description}; Node ${process.version}; ${concurrency} concurrent, ${warmupSeconds} s warm-up, ${seconds} s measured, ${values.get ? `GET ${values.get}` : `${plans.length} distinct households`}\n\n`,
);
const helloWorld = fileURLToPath(new URL('../apps/runner/scripts/hello-world.mjs', import.meta.url));
const baseline = values['skip-baseline'] ? undefined : await measure(helloWorld, {}, { get: '/' });
if (baseline) {
  process.stdout.write(`${formatReport('baseline: Express hello world', baseline.report)}\n${cpuLine(baseline)}\n\n`);
}
const runnerEnv: Record<string, string> = { ...setup.env, LOG_LEVEL: 'info', ...variables(values.env ?? '') };
const journeys: LoadOptions['work'] = values.get ? { get: values.get } : { plans, launchKey: setup.launchKey };
const runners = [
  { name: 'runner', main: built.main, nodeOptions: [] as string[], env: {} },
  ...values['also-node'].map((options) => ({
    name: `runner with node ${options}`,
    main: built.main,
    nodeOptions: options.split(/\s+/).filter(Boolean),
    env: {},
  })),
  ...values['also-env'].map((vars) => ({
    name: `runner with ${vars}`,
    main: built.main,
    nodeOptions: [] as string[],
    env: variables(vars),
  })),
  ...values.also.map((main) => ({ name: main, main, nodeOptions: [] as string[], env: {} })),
];
const results = new Map<string, Measured[]>(runners.map(({ name }) => [name, []]));
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const { name, main, nodeOptions, env } of runners) {
    const measured = await measure(main, { ...runnerEnv, ...env }, journeys, nodeOptions);
    results.get(name)?.push(measured);
    const work = values.get
      ? `GET ${values.get}`
      : `census household of ${values.people}, launched with a token, to the confirmation`;
    const title = `${name === 'runner' ? 'runner' : `also ${name}`}: ${work}`;
    process.stdout.write(`${formatReport(title, measured.report)}\n${cpuLine(measured)}\n\n`);
  }
}
if (runners.length > 1 || Number(values.rounds) > 1) process.stdout.write(`${compareLines(results)}\n\n`);

const runner = results.get('runner')?.[0];
if (runner && baseline) {
  const share = runner.report.all.perSecond / baseline.report.all.perSecond;
  const p99 = Math.max(runner.report.get.p99, runner.report.post.p99);
  const met =
    runner.report.all.perSecond >= TARGET.requestsPerSecond && share >= TARGET.shareOfBaseline && p99 < TARGET.p99Ms;
  process.stdout.write(
    [
      `runner ${runner.report.all.perSecond.toFixed(0)} req/s = ${(share * 100).toFixed(1)}% of the baseline's ${baseline.report.all.perSecond.toFixed(0)} req/s; p99 ${p99.toFixed(1)} ms; pages compressed by the runner: ${runnerEnv.COMPRESS === 'off' ? 'no (COMPRESS=off)' : 'yes'}`,
      `target (>= ${TARGET.requestsPerSecond} req/s on one core, >= ${TARGET.shareOfBaseline * 100}% of the baseline, p99 < ${TARGET.p99Ms} ms): ${met ? 'met' : 'MISSED'}`,
    ].join('\n'),
  );
  process.stdout.write('\n');
}

if (profileDir) {
  process.stdout.write(`\nprofiling the runner (node --cpu-prof; slower than above, for shares only)...\n`);
  await measure(built.main, runnerEnv, journeys, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  const costs = profileCosts(profileDir, REPO);
  const list = (costs: { share: number; what: string }[]) =>
    costs.slice(0, 20).map((c) => `  ${(c.share * 100).toFixed(1).padStart(5)}%  ${c.what}`);
  process.stdout.write(
    [
      'busy time by category:',
      ...list(costsByCategory(costs.modules, CATEGORIES)),
      'self time by function, share of busy time:',
      ...list(costs.functions),
      'self time by module (Node internals charged to their caller):',
      ...list(costs.modules),
    ].join('\n'),
  );
  process.stdout.write('\n');
  if (values['profile-to']) {
    cpSync(profileDir, values['profile-to'], { recursive: true });
    // The build is removed below: the costs by source file, every one of them, go with the profile.
    writeFileSync(join(values['profile-to'], 'costs.json'), JSON.stringify(costs, null, 1));
    process.stdout.write(`profile kept in ${values['profile-to']}\n`);
  }
  rmSync(profileDir, { recursive: true, force: true });
}

await author.close();
await redis?.stop();
built.dispose();

/**
 * Each runner's CPU time a request over its rounds: the lowest, and the median; then each other
 * runner's against the first, round by round. Neighbours sharing the machine only ever add to a
 * process's CPU time a request (caches, a busy sibling core), and they come and go: the lowest
 * round is the one nearest a runner's own cost, and runners measured one after the other in the
 * same round met much the same neighbours.
 */
function compareLines(results: Map<string, Measured[]>): string {
  const perRequest = (m: Measured) =>
    m.serverCpu === undefined ? Number.NaN : (m.serverCpu * 1000) / m.report.all.perSecond;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  const rounds = [...results];
  const lines = rounds.map(([name, measured]) => {
    const cpu = measured.map(perRequest).sort((a, b) => a - b);
    return `  ${(cpu[0] ?? Number.NaN).toFixed(3)} ms lowest, ${(median(cpu) ?? Number.NaN).toFixed(3)} ms median, over ${cpu.length}: ${name}`;
  });
  const [first, ...others] = rounds;
  const ratios = others.map(([name, measured]) => {
    const each = measured.map((m, i) => perRequest(first?.[1][i] ?? m) / perRequest(m));
    const range = `${Math.min(...each).toFixed(2)} to ${Math.max(...each).toFixed(2)}`;
    return `  runner / ${name}: ${(median(each) ?? Number.NaN).toFixed(3)} (rounds ${range})`;
  });
  return ['CPU time a request, over the rounds:', ...lines, ...ratios].join('\n');
}

/** `A=1 B=2` as an environment. */
function variables(text: string): Record<string, string> {
  const pairs = text.split(/\s+/).filter(Boolean);
  return Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
}

function cpuLine(measured: Measured): string {
  const { serverCpu, report } = measured;
  const server =
    serverCpu === undefined
      ? 'unknown'
      : `${(serverCpu * 100).toFixed(0)}% of a CPU, ${((serverCpu * 1000) / report.all.perSecond).toFixed(3)} ms a request`;
  return `server CPU ${server}; driver CPU ${(measured.driverCpu * 100).toFixed(0)}% of a CPU`;
}
