/**
 * Saving a 300-page questionnaire through the real HTTP app (PUT /api/v1/questionnaires/:id), on
 * Postgres and on PGlite, against the target p95 <= 50 ms on Postgres. Prints figures; it is a
 * report, not a test. Baselines measured in the same run: the same route with a 1-page
 * questionnaire, the static checks alone, and a JSON round trip of the definition.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5442/postgres pnpm --filter @eq/author bench
 *
 * (TEST_DATABASE_URL is used when BENCH_DATABASE_URL is not set; each run creates and drops its own
 * database on that server.) SAVES sets the number of timed saves (default 200).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
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

type Kind = 'postgres' | 'pglite';
const SAVES = Number(process.env.SAVES ?? 200);
const WARMUP = 20;
const TARGET_P95_MS = 50;
const PAGES = 300;

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
  const samples: number[] = [];
  for (let n = 0; n < warmup + runs; n++) {
    const started = performance.now();
    await run(n);
    if (n >= warmup) samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/** A definition with one label changed, as an editor's save would be. */
function edited(definition: Record<string, unknown>, n: number): Record<string, unknown> {
  return { ...definition, description: { en: `Edit ${n}`, cy: `Golygiad ${n}` } };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Times successive PUT saves of `definition` over HTTP, each on the revision the last returned. */
async function timeSaves(kind: Kind, definition: Record<string, unknown>, runs: number): Promise<Summary> {
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
    return await time(runs, WARMUP, async (n) => {
      const body = `${(bodies[n] as string).slice(0, -1)},"baseRevision":${revision}}`;
      const response = await fetch(`${base}/api/v1/questionnaires/${created.id}`, { method: 'PUT', headers, body });
      const saved = (await response.json()) as { revision?: number };
      if (response.status !== 200 || saved.revision !== revision + 1) {
        throw new Error(`save ${n} failed: ${response.status} ${JSON.stringify(saved).slice(0, 300)}`);
      }
      revision = saved.revision;
    });
  } finally {
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
console.log(
  row('JSON.parse + JSON.stringify, 300 pages', await time(SAVES, WARMUP, () => JSON.parse(JSON.stringify(large)))),
);
const checks = await time(Math.min(SAVES, 50), 5, () => checkQuestionnaire(large));
console.log(row('checkQuestionnaire, 300 pages', checks));

const results: Partial<Record<Kind, Summary>> = {};
for (const kind of ['postgres', 'pglite'] as const) {
  console.log(`${kind}:`);
  console.log(row('PUT save, 1 page', await timeSaves(kind, small, SAVES)));
  const summary = await timeSaves(kind, large, SAVES);
  results[kind] = summary;
  console.log(row(`PUT save, ${PAGES} pages`, summary));
}

console.log(`  ${load()} at the end`);
const p95 = results.postgres?.p95 ?? Number.NaN;
const share = checks.p50 / (results.postgres?.p50 ?? Number.NaN);
console.log(`  the static checks alone are ${(share * 100).toFixed(0)}% of the median Postgres save`);
console.log(
  `target: p95 <= ${TARGET_P95_MS} ms on Postgres for ${PAGES} pages: ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'} (p95 ${p95.toFixed(1)} ms)`,
);
