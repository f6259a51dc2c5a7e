/**
 * Saving a 300-page questionnaire through the real HTTP app (PUT /api/v1/questionnaires/:id), on
 * Postgres and on PGlite, against the target p95 <= 50 ms on Postgres. Prints figures; it is a
 * report, not a test. Baselines measured in the same run: the same route with a 1-page
 * questionnaire, the static checks alone, and a JSON round trip of the definition.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5442/postgres pnpm --filter @eq/author bench
 *
 * (TEST_DATABASE_URL is used when BENCH_DATABASE_URL is not set; each run creates and drops its own
 * database on that server.) SAVES sets the number of timed saves (default 200); KINDS=postgres or
 * KINDS=pglite runs one database only.
 *
 * For each 300-page run it also says where the time goes: the garbage-collection pauses that fell
 * inside each save (from the `gc` performance entries; the client runs in the same process, so its
 * collections count too), and the stages inside the save (checks + JSON text, BEGIN, the UPDATE
 * writing the questionnaire and its revision, the audit row, COMMIT); the rest is HTTP, body
 * parsing, authentication and the response. Run it under `node --cpu-prof` or `--trace-gc` for detail:
 *   node --trace-gc --import tsx bench/save.bench.ts
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { checkQuestionnaire } from '@eq/engine';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.error(
    'save bench: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a Postgres server URL whose user may create databases,\n' +
      '  e.g. BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5442/postgres pnpm --filter @eq/author bench',
  );
  process.exit(1);
}
// The test database helper reads TEST_DATABASE_URL when it is first imported.
process.env.TEST_DATABASE_URL = serverUrl;
const { openTestDatabase } = await import('../src/testing/databases.ts');
const { createTestUser, testApp } = await import('../src/testing/app.ts');
const { createSurvey } = await import('../src/surveys/survey-repository.ts');
const { createQuestionnaire } = await import('../src/questionnaires/questionnaire-repository.ts');
const { largeQuestionnaire } = await import('../src/questionnaires/large-questionnaire.ts');
const { saveStages } = await import('../src/questionnaires/questionnaire-repository.ts');

type Kind = 'postgres' | 'pglite';
const SAVES = Number(process.env.SAVES ?? 200);
const WARMUP = 20;
const TARGET_P95_MS = 50;
const PAGES = 300;
const KINDS = (process.env.KINDS ?? 'postgres,pglite').split(',') as Kind[];

/** Garbage-collection pauses, as performance entries, for the whole run. */
const gcPauses: { start: number; end: number; major: boolean }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
    gcPauses.push({
      start: entry.startTime,
      end: entry.startTime + entry.duration,
      major: entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR,
    });
  }
}).observe({ entryTypes: ['gc'] });

interface Summary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  runs: number;
}

function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN, runs: sorted.length };
}

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
const row = (name: string, s: Summary) =>
  `  ${name.padEnd(44)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  (${s.runs} runs)`;

/** Times `runs` calls after `warmup` untimed ones. */
async function time(runs: number, warmup: number, run: (n: number) => Promise<unknown> | unknown): Promise<Summary> {
  return summarise((await timeWindows(runs, warmup, run)).map(([start, end]) => end - start));
}

/** The [start, end] of each of `runs` timed calls. */
async function timeWindows(
  runs: number,
  warmup: number,
  run: (n: number) => Promise<unknown> | unknown,
): Promise<[number, number][]> {
  const windows: [number, number][] = [];
  for (let n = 0; n < warmup + runs; n++) {
    const started = performance.now();
    await run(n);
    if (n >= warmup) windows.push([started, performance.now()]);
  }
  return windows;
}

/** The garbage-collection pause time inside each window (entries arrive a tick late: wait first). */
async function gcInside(windows: [number, number][]): Promise<{ total: number[]; major: number[] }> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const total = windows.map(() => 0);
  const major = windows.map(() => 0);
  for (const pause of gcPauses) {
    windows.forEach(([start, end], i) => {
      const overlap = Math.min(end, pause.end) - Math.max(start, pause.start);
      if (overlap > 0) {
        total[i] = (total[i] ?? 0) + overlap;
        if (pause.major) major[i] = (major[i] ?? 0) + overlap;
      }
    });
  }
  return { total, major };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

/** A definition with one label changed, as an editor's save would be. */
function edited(definition: Record<string, unknown>, n: number): Record<string, unknown> {
  return { ...definition, description: { en: `Edit ${n}`, cy: `Golygiad ${n}` } };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface SaveRun {
  summary: Summary;
  windows: [number, number][];
  /** Milliseconds per stage inside the handler, one entry per timed save. */
  stages: Map<string, number[]>;
  /** How Postgres stored the last definition: compression method and bytes, against its JSON text. */
  storage?: { compression: string | null; stored: number; text: number };
}

/** Times successive PUT saves of `definition` over HTTP, each on the revision the last returned. */
async function timeSaves(kind: Kind, definition: Record<string, unknown>, runs: number): Promise<SaveRun> {
  const database = await openTestDatabase(kind);
  const server = createServer(testApp(database.db).app);
  try {
    const base = await listen(server);
    const editor = await createTestUser(database.db, 'editor');
    const survey = await createSurvey(database.db, { surveyRef: '139', name: 'Bench survey' });
    const created = await createQuestionnaire(database.db, { surveyId: survey.id, definition });
    let revision = created.revision;
    const headers = { Authorization: `Bearer ${editor.token}`, 'Content-Type': 'application/json' };
    // Bodies are written before timing: the client's JSON.stringify is not the server's cost.
    const bodies = Array.from({ length: WARMUP + runs }, (_, n) =>
      JSON.stringify({ definition: edited(definition, n) }),
    );
    const stages = new Map<string, number[]>();
    let timing = false;
    saveStages.observe = (stage, took) => {
      if (!timing) return;
      const list = stages.get(stage) ?? [];
      list.push(took);
      stages.set(stage, list);
    };
    const windows = await timeWindows(runs, WARMUP, async (n) => {
      timing = n >= WARMUP;
      const body = `${(bodies[n] as string).slice(0, -1)},"baseRevision":${revision}}`;
      const response = await fetch(`${base}/api/v1/questionnaires/${created.id}`, { method: 'PUT', headers, body });
      const saved = (await response.json()) as { revision?: number };
      if (response.status !== 200 || saved.revision !== revision + 1) {
        throw new Error(`save ${n} failed: ${response.status} ${JSON.stringify(saved).slice(0, 300)}`);
      }
      revision = saved.revision;
    });
    saveStages.observe = undefined;
    const { rows } = await database.db.raw<{
      rows: { compression: string | null; stored: number; text: number }[];
    }>(
      `select pg_column_compression(definition) as compression, pg_column_size(definition) as stored,
              octet_length(definition::text) as text
         from questionnaire_revisions where questionnaire_id = ? order by revision desc limit 1`,
      [created.id],
    );
    return {
      summary: summarise(windows.map(([start, end]) => end - start)),
      windows,
      stages,
      ...(rows[0] ? { storage: rows[0] } : {}),
    };
  } finally {
    saveStages.observe = undefined;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  }
}

const large = largeQuestionnaire(PAGES);
const small = largeQuestionnaire(1);
const size = Buffer.byteLength(JSON.stringify(large));
const { problems } = checkQuestionnaire(large);

console.log(
  `save bench: ${SAVES} successive saves (after ${WARMUP} warm-up saves) through HTTP, Node ${process.version}`,
);
console.log(
  `  definition: ${PAGES} pages, ${(size / 1024).toFixed(0)} KiB of JSON, ${problems.length} problems (${problems.filter((p) => p.severity === 'error').length} errors)`,
);
// Figures from a busy machine are not comparable: say how busy it was.
const load = () => `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
console.log(`  ${load()} at the start`);
console.log('baselines (in process):');
const largeText = JSON.stringify(large);
console.log(row('JSON.parse, 300 pages', await time(SAVES, WARMUP, () => JSON.parse(largeText))));
console.log(row('JSON.stringify, 300 pages', await time(SAVES, WARMUP, () => JSON.stringify(large))));
const checks = await time(Math.min(SAVES, 50), 5, () => checkQuestionnaire(large));
console.log(row('checkQuestionnaire, 300 pages', checks));

/** Where the time of a run's saves went: GC pauses inside them, and the stages of the handler. */
async function explain(run: SaveRun): Promise<void> {
  const totals = run.windows.map(([start, end]) => end - start);
  const gc = await gcInside(run.windows);
  const slowest = totals
    .map((total, i) => ({ total, gc: gc.total[i] ?? 0 }))
    .sort((a, b) => b.total - a.total)
    .slice(0, Math.max(1, Math.round(totals.length / 20)));
  const withMajor = gc.major.filter((pause) => pause > 0).length;
  console.log(
    `    GC inside the saves: mean ${mean(gc.total).toFixed(1)} ms of ${mean(totals).toFixed(1)} ms; ${withMajor} of ${totals.length} saves hit a major GC` +
      `; the slowest 5% average ${mean(slowest.map((s) => s.total)).toFixed(1)} ms, of which GC ${mean(slowest.map((s) => s.gc)).toFixed(1)} ms`,
  );
  console.log(row('PUT save minus the GC inside it', summarise(totals.map((total, i) => total - (gc.total[i] ?? 0)))));
  let inside = totals.map(() => 0);
  for (const [stage, list] of run.stages) {
    console.log(row(`  stage: ${stage}`, summarise(list)));
    inside = inside.map((sum, i) => sum + (list[i] ?? 0));
  }
  if (run.stages.size > 0) {
    console.log(
      row('  outside the save (HTTP, body, auth, reply)', summarise(totals.map((t, i) => t - (inside[i] ?? 0)))),
    );
  }
  if (run.storage) {
    const { compression, stored, text } = run.storage;
    console.log(
      `    stored definition: ${compression ?? 'not compressed'}, ${(stored / 1024).toFixed(0)} KiB for ${(text / 1024).toFixed(0)} KiB of jsonb text (x2 per save: questionnaire and revision)`,
    );
  }
}

const results: Partial<Record<Kind, Summary>> = {};
for (const kind of KINDS) {
  console.log(`${kind}:`);
  console.log(row('PUT save, 1 page', (await timeSaves(kind, small, SAVES)).summary));
  const run = await timeSaves(kind, large, SAVES);
  results[kind] = run.summary;
  console.log(row(`PUT save, ${PAGES} pages`, run.summary));
  await explain(run);
}

console.log(`  ${load()} at the end`);
const p95 = results.postgres?.p95 ?? Number.NaN;
const share = checks.p50 / (results.postgres?.p50 ?? Number.NaN);
console.log(`  the static checks alone are ${(share * 100).toFixed(0)}% of the median Postgres save`);
console.log(
  `target: p95 <= ${TARGET_P95_MS} ms on Postgres for ${PAGES} pages: ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'} (p95 ${p95.toFixed(1)} ms)`,
);
