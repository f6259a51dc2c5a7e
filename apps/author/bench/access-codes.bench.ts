/**
 * Issuing 100,000 access codes through the real HTTP app (POST /api/v1/questionnaires/:id/access-codes),
 * on Postgres and on PGlite, against the issue's target of under 10 s end to end: the request, the
 * serials, the hashes written to the database, and the whole download read by the client. Prints
 * figures; it is a report, not a test. Baselines in the same run: the codes alone (`issueCodes`),
 * and the codes with their hashes and print format, without a database or HTTP.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5442/postgres pnpm bench:access-codes
 *
 * (TEST_DATABASE_URL is used when BENCH_DATABASE_URL is not set; each run creates and drops its own
 * database on that server.) COUNT sets the codes per request (default 100,000), RUNS the timed
 * requests per database and format (default 3).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { formatCode, hashCode, issueCodes } from '@eq/access-code';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.error(
    'access-codes bench: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a Postgres server URL whose user may create databases,\n' +
      '  e.g. BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5442/postgres pnpm bench:access-codes',
  );
  process.exit(1);
}
// The test database helper reads TEST_DATABASE_URL when it is first imported.
process.env.TEST_DATABASE_URL = serverUrl;
const { openTestDatabase } = await import('../src/testing/databases.ts');
const { createTestUser, TEST_KEYS, testApp } = await import('../src/testing/app.ts');
const { seedQuestionnaire } = await import('../src/access-codes/testing.ts');

type Kind = 'postgres' | 'pglite';
type Format = 'csv' | 'json';
const COUNT = Number(process.env.COUNT ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 3);
const TARGET_MS = 10_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s`;
const row = (name: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const rate = Math.round(COUNT / (median / 1000)).toLocaleString('en-GB');
  return `  ${name.padEnd(40)} median ${seconds(median)}  max ${seconds(sorted.at(-1) ?? Number.NaN)}  (${rate} codes/s, ${samples.length} runs)`;
};

function timeSync(runs: number, run: () => unknown): number[] {
  const samples: number[] = [];
  for (let n = 0; n < runs; n++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Times `RUNS` issues of COUNT codes over HTTP, each read to its last byte; checks each reply. */
async function timeIssues(kind: Kind, format: Format): Promise<number[]> {
  const database = await openTestDatabase(kind);
  const server = createServer(testApp(database.db).app);
  try {
    const base = await listen(server);
    const editor = await createTestUser(database.db, 'editor');
    const questionnaire = await seedQuestionnaire(database.db);
    const headers = {
      Authorization: `Bearer ${editor.token}`,
      'Content-Type': 'application/json',
      Accept: format === 'csv' ? 'text/csv' : 'application/json',
    };
    const samples: number[] = [];
    for (let n = 0; n < RUNS; n++) {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/questionnaires/${questionnaire.id}/access-codes`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ count: COUNT }),
      });
      const body = await response.text();
      samples.push(performance.now() - started);
      const codes = format === 'csv' ? body.trimEnd().split('\n').length - 1 : (JSON.parse(body).codes?.length ?? 0);
      if (response.status !== 201 || codes !== COUNT) {
        throw new Error(`issue ${n} failed: ${response.status} ${body.slice(0, 300)}`);
      }
    }
    const [stored] = (await database.db('access_codes').count({ rows: '*' })) as { rows: number | string }[];
    const rows = Number(stored?.rows);
    if (rows !== COUNT * RUNS) throw new Error(`expected ${COUNT * RUNS} stored hashes, found ${rows}`);
    return samples;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  }
}

const load = () => `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
console.log(`access-codes bench: ${COUNT.toLocaleString('en-GB')} codes per request, Node ${process.version}`);
console.log(`  ${load()} at the start`);
console.log('baselines (in process, no database, no HTTP):');
const key = TEST_KEYS.accessCodeKey;
console.log(
  row(
    'issueCodes',
    timeSync(RUNS, () => issueCodes(key, 1, 0, COUNT)),
  ),
);
console.log(
  row(
    'issueCodes + hashCode + formatCode',
    timeSync(RUNS, () => {
      for (const code of issueCodes(key, 1, 0, COUNT)) {
        hashCode(code);
        formatCode(code);
      }
    }),
  ),
);

let slowest = 0;
for (const kind of ['postgres', 'pglite'] as const) {
  console.log(`${kind} (end to end over HTTP, download read in full):`);
  for (const format of ['csv', 'json'] as const) {
    const samples = await timeIssues(kind, format);
    slowest = Math.max(slowest, ...samples);
    console.log(row(`POST access-codes, ${format}`, samples));
  }
}
console.log(`  ${load()} at the end`);
console.log(
  `target: ${COUNT.toLocaleString('en-GB')} codes in < ${TARGET_MS / 1000} s end to end: ${slowest < TARGET_MS ? 'met' : 'MISSED'} (slowest run ${seconds(slowest).trim()})`,
);
