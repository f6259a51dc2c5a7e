/**
 * Submission ingest and response export through the real HTTP app on Postgres, against the targets
 * of issue 4: ingest >= 500 submissions/s on one core, export of 100,000 responses >= 20,000 rows/s
 * with the server's peak RSS < 200 MB. Prints figures; it is a report, not a test.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5442/postgres pnpm --filter @eq/author bench:ingest
 *
 * (TEST_DATABASE_URL is used when BENCH_DATABASE_URL is not set; each run creates and drops its own
 * database on that server.) The author app runs in a child process (one Node process: one core for
 * JavaScript), built and started as in production (an esbuild bundle under plain node), so its CPU
 * time and memory are its own: CPU from `process.cpuUsage()`, peak RSS from VmHWM in
 * /proc/<pid>/status, each export in a fresh server process. Baselines in the same run: for ingest,
 * an Express app that only parses the same JSON body and echoes the id, on the same server process;
 * for export, the same rows without the export forms ingest stores (read from the jsonb document).
 *
 * INGEST (default 4000) submissions, CLIENTS (default 32) concurrent keep-alive connections,
 * EXPORT_ROWS (default 100000) responses exported, EXPORT_FORMATS (default csv,jsonl,csv-lists),
 * EXPORT_BASELINE (default csv; empty for none): formats exported again as the baseline, after the
 * export forms of migration 0006 are removed, so that they are read from the stored document.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.error(
    'ingest-export bench: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a Postgres server URL whose user may create databases,\n' +
      '  e.g. BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5442/postgres pnpm --filter @eq/author bench:ingest',
  );
  process.exit(1);
}

interface Usage {
  cpuMicros: number;
  rss: number;
  heapUsed: number;
  maxRss: number;
}
type FromServer = { ready: { app: number; echo: number } } | { usage: Usage };

/**
 * The child: the author app and the echo baseline, answering usage questions over IPC. Its source
 * is bundled on its own (see `bundleServer`), so it holds only what the app holds in production.
 */
const SERVER_SOURCE = `
import express from 'express';
import { createApp } from '../src/app.ts';
import { readEnvironment } from '../src/config.ts';
import { connect } from '../src/db/connect.ts';
import { createServices } from '../src/services.ts';

const url = process.env.BENCH_AUTHOR_DATABASE_URL ?? '';
// Logs as in production (info, a JSON line per request), to a stdout nobody reads.
const env = readEnvironment({ NODE_ENV: 'test', LOG_LEVEL: 'info', DATABASE_URL: url });
const keys = JSON.parse(process.env.BENCH_AUTHOR_KEYS ?? '{}');
const services = createServices(env, keys, { db: connect({ url, poolMax: 10 }) });
const app = createApp(services);
const echo = express();
echo.use(express.json({ limit: '5mb' }));
echo.post('/echo', (req, res) => {
  res.status(201).json({ submissionId: req.body.submissionId, status: 'created' });
});
const listen = (handler) =>
  new Promise((resolve) => {
    const server = handler.listen(0, '127.0.0.1', () => resolve(server.address().port));
    server.keepAliveTimeout = 65_000;
  });
const ports = { app: await listen(app), echo: await listen(echo) };
process.on('message', (message) => {
  if (message === 'usage') {
    const cpu = process.cpuUsage();
    process.send({
      usage: {
        cpuMicros: cpu.user + cpu.system,
        rss: process.memoryUsage().rss,
        heapUsed: process.memoryUsage().heapUsed,
        maxRss: process.resourceUsage().maxRSS * 1024,
      },
    });
  }
  if (message === 'stop') process.exit(0);
});
process.send({ ready: ports });
`;

/**
 * The server runs as in production: bundled by esbuild (our packages in, other packages imported
 * from node_modules) and started with plain node, without the TypeScript loader and its memory.
 * The bundle lives inside the app, so that its imports resolve from the app's node_modules.
 */
async function bundleServer(): Promise<string> {
  const { build } = await import('esbuild');
  const outdir = new URL('../node_modules/.cache/eq-bench/', import.meta.url).pathname;
  mkdirSync(outdir, { recursive: true });
  await build({
    stdin: { contents: SERVER_SOURCE, resolveDir: new URL('.', import.meta.url).pathname, loader: 'ts' },
    outfile: `${outdir}ingest-export.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-packages',
        setup(esbuild) {
          esbuild.onResolve({ filter: /^[^./]/ }, ({ path }) =>
            path.startsWith('@eq/') ? undefined : { external: true },
          );
        },
      },
    ],
  });
  return `${outdir}ingest-export.mjs`;
}

async function report(): Promise<void> {
  const INGEST = Number(process.env.INGEST ?? 4000);
  const CLIENTS = Number(process.env.CLIENTS ?? 32);
  const EXPORT_ROWS = Number(process.env.EXPORT_ROWS ?? 100_000);
  const { default: knex } = await import('knex');
  const { connect } = await import('../src/db/connect.ts');
  const { migrateLatest } = await import('../src/db/migrate.ts');
  const { createTestUser, RUNNER_AUTH, TEST_KEYS } = await import('../src/testing/app.ts');
  const { exampleQuestionnaire, seedPublishedVersion, simulatedSubmission } = await import(
    '../src/submissions/testing.ts'
  );
  const { storedForms } = await import('../src/responses/stored-forms.ts');

  // A database of its own on the server, dropped at the end.
  const name = `eq_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = knex({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
  await admin.raw(`create database ${name}`);
  const dbUrl = new URL(serverUrl ?? '');
  dbUrl.pathname = `/${name}`;
  const db = connect({ url: dbUrl.toString() });
  await migrateLatest(db);
  const serverScript = await bundleServer();
  const census = exampleQuestionnaire('census-household');
  const seeded = await seedPublishedVersion(db, census);
  const viewer = await createTestUser(db, 'viewer');

  // Households of 1 to 4 answered through the engine; each delivery is one of them under new ids.
  const started = performance.now();
  const pool = Array.from({ length: 24 }, (_, i) =>
    simulatedSubmission(census, { people: 1 + (i % 4), seed: 100 + i }),
  );
  const bodies = Array.from({ length: INGEST }, (_, i) => {
    const id = randomUUID();
    return { id, body: JSON.stringify({ ...pool[i % pool.length], submissionId: id, responseId: `bench-${i}` }) };
  });
  const averageBytes = bodies.reduce((n, b) => n + b.body.length, 0) / bodies.length;
  console.log(
    `census submissions: ${pool.length} simulated households of 1-4 (${(performance.now() - started).toFixed(0)} ms), ` +
      `${INGEST} bodies, ${(averageBytes / 1024).toFixed(1)} KiB on average`,
  );

  /** The author app (and the echo baseline) in a fresh child process. */
  async function startServer() {
    const child = fork(serverScript, [], {
      execArgv: process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/eq-bench-prof'] : [],
      env: {
        ...process.env,
        BENCH_AUTHOR_DATABASE_URL: dbUrl.toString(),
        BENCH_AUTHOR_KEYS: JSON.stringify(TEST_KEYS),
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const messages: ((m: FromServer) => void)[] = [];
    child.on('message', (m: FromServer) => messages.shift()?.(m));
    const next = () => new Promise<FromServer>((resolve) => messages.push(resolve));
    let stopping = false;
    child.on('exit', (code) => {
      if (!stopping) {
        console.error(`the author server stopped (exit code ${code})`);
        process.exit(1);
      }
    });
    const ready = await next();
    if (!('ready' in ready)) throw new Error('the server did not start');
    const usage = async (): Promise<Usage> => {
      const reply = next();
      child.send('usage');
      const m = await reply;
      if (!('usage' in m)) throw new Error('no usage from the server');
      return m.usage;
    };
    const stop = () =>
      new Promise<void>((resolve) => {
        stopping = true;
        child.once('exit', () => resolve());
        child.send('stop');
      });
    return { pid: child.pid ?? 0, ports: ready.ready, usage, stop };
  }
  let server = await startServer();
  const { ports } = server;
  const usage = () => server.usage();
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(`\nserver started: RSS ${mb((await usage()).rss)} idle`);

  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const post = (port: number, path: string, body: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  /** Posts every body with CLIENTS requests in flight; the rate and the server's CPU time per request. */
  async function drive(port: number, path: string, list: { id: string; body: string }[], auth: boolean) {
    const before = await usage();
    const statuses = new Map<number, number>();
    let nextIndex = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = nextIndex++; i < list.length; i = nextIndex++) {
          const { id, body } = list[i] ?? { id: '', body: '' };
          const status = await post(port, path, body, auth ? { ...RUNNER_AUTH, 'idempotency-key': id } : {});
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const after = await usage();
    return {
      rate: list.length / seconds,
      cpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / list.length,
      statuses: Object.fromEntries(statuses),
    };
  }

  console.log(
    `ingest: POST /api/v1/submissions, ${CLIENTS} concurrent clients, server in one process (pid ${server.pid})`,
  );
  await drive(ports.app, '/api/v1/submissions', bodies.slice(0, 200), true); // warm-up: JIT, pool, cache
  await drive(ports.echo, '/echo', bodies.slice(0, 200), false);
  const echo = await drive(ports.echo, '/echo', bodies.slice(200), false);
  const ingest = await drive(ports.app, '/api/v1/submissions', bodies.slice(200), true);
  const stored = Number((await db('submissions').count<{ count: number }[]>('* as count'))[0]?.count);
  const line = (name: string, r: typeof ingest) =>
    `  ${name.padEnd(40)} ${r.rate.toFixed(0).padStart(6)} /s   server CPU ${r.cpuMs.toFixed(3)} ms each   ${JSON.stringify(r.statuses)}`;
  console.log(line('baseline: express.json echo', echo));
  console.log(line('POST /api/v1/submissions', ingest));
  console.log(
    `  stored ${stored} rows (of ${INGEST} posted); target >= 500/s: ${ingest.rate >= 500 ? 'met' : 'MISSED'}; ` +
      `one core at this CPU time would take ${(1000 / ingest.cpuMs).toFixed(0)}/s`,
  );

  // Export: EXPORT_ROWS responses, made in the database from the households above (new ids, one a
  // second), with the export forms ingest stores (migration 0006): made by the app's own function
  // from each household with placeholder ids, which the insert replaces.
  const t1 = performance.now();
  await db('submissions').del();
  // A table, not a temporary one: the pool's next query may run on another connection.
  await db.raw(
    'create table bench_templates (n int primary key, payload jsonb not null, line text, once text, items text)',
  );
  const PLACEHOLDERS = { submissionId: '@@ID@@', responseId: '@@REF@@', submittedAt: '@@AT@@' };
  for (const [n, doc] of pool.entries()) {
    const forms = storedForms({ ...doc, ...PLACEHOLDERS });
    await db('bench_templates').insert({ n, payload: JSON.stringify(doc), ...forms });
  }
  const filled = (column: string) =>
    `replace(replace(replace(t.${column}, '${PLACEHOLDERS.submissionId}', id::text), '${PLACEHOLDERS.responseId}', 'bench-' || g), '${PLACEHOLDERS.submittedAt}', at_text)`;
  for (let from = 0; from < EXPORT_ROWS; from += 10_000) {
    await db.raw(
      `insert into submissions (submission_id, questionnaire_id, slug, version, response_id, test, submitted_at, payload,
                                export_line, export_once, export_items)
       select id, ?, 'census-household', 1, 'bench-' || g, false, at,
              jsonb_set(jsonb_set(jsonb_set(t.payload, '{submissionId}', to_jsonb(id::text)),
                '{responseId}', to_jsonb('bench-' || g)),
                '{submittedAt}', to_jsonb(at_text)),
              ${filled('line')}, ${filled('once')}, ${filled('items')}
       from generate_series(?::int, ?::int) g
       cross join lateral (select gen_random_uuid() as id, timestamptz '2025-06-01T00:00:00Z' + g * interval '1 second' as at) x
       cross join lateral (select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at_text) y
       join bench_templates t on t.n = g % ?`,
      [seeded.questionnaireId, from, Math.min(from + 10_000, EXPORT_ROWS) - 1, pool.length],
    );
  }
  await db.raw('drop table bench_templates');
  await db.raw('analyze submissions');
  // The forms must be what ingest would have stored for each row's document.
  for (const row of await db('submissions').orderByRaw('random()').limit(20)) {
    const forms = storedForms(row.payload);
    if (forms.line !== row.export_line || forms.once !== row.export_once || forms.items !== row.export_items) {
      throw new Error(`the export forms of ${row.submission_id} are not those ingest stores`);
    }
  }
  console.log(
    `\nexport: ${EXPORT_ROWS} responses inserted in bulk (${((performance.now() - t1) / 1000).toFixed(1)} s)`,
  );

  /** Streams an export through HTTP into a sink that counts bytes and lines; peak RSS reset first. */
  async function exportOnce(format: string) {
    const { pid } = server;
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    const before = await usage();
    const postgresBefore = await postgresCpuTicks();
    const t0 = performance.now();
    let bytes = 0;
    let lines = 0;
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, vmHwm(pid));
    }, 50);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.ports.app,
          path: `/api/v1/questionnaires/${seeded.questionnaireId}/responses/export?format=${format}`,
          headers: { authorization: `Bearer ${viewer.token}` },
          agent,
        },
        (res) => {
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
          });
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end();
    });
    clearInterval(sampler);
    const seconds = (performance.now() - t0) / 1000;
    const after = await usage();
    let postgresSeconds = 0;
    for (const [backend, ticks] of await postgresCpuTicks()) {
      postgresSeconds += (ticks - (postgresBefore.get(backend) ?? 0)) / 100;
    }
    peak = Math.max(peak, vmHwm(pid));
    const rows = format === 'jsonl' ? lines : lines - 1;
    return {
      status,
      seconds,
      bytes,
      rows,
      peak,
      postgresSeconds,
      cpuSeconds: (after.cpuMicros - before.cpuMicros) / 1e6,
    };
  }

  /**
   * CPU time (clock ticks) of each Postgres backend serving the bench database (a local server:
   * /proc/<pid>/stat), so that the export's cost on the database shows beside the app's. A backend
   * that ends in between is not counted.
   */
  async function postgresCpuTicks(): Promise<Map<number, number>> {
    const { rows } = await admin.raw<{ rows: { pid: number }[] }>(
      'select pid from pg_stat_activity where datname = ?',
      [name],
    );
    const ticks = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        ticks.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch {
        // Not local, or gone: counted as nothing.
      }
    }
    return ticks;
  }

  /** One export in a fresh server, so that its peak RSS is the export's, not the ingest's garbage. */
  async function measureExport(format: string, label: string) {
    server = await startServer();
    const idle = (await usage()).rss;
    const r = await exportOnce(format);
    await server.stop();
    const rate = r.rows / r.seconds;
    const targets = [
      ...(format === 'csv' ? [`>= 20000 rows/s ${rate >= 20_000 ? 'met' : 'MISSED'}`] : []),
      `peak RSS < 200 MB ${r.peak < 200 * 1024 * 1024 ? 'met' : 'MISSED'}`,
    ];
    console.log(
      `  ${label.padEnd(9)} HTTP ${r.status}  ${r.rows} rows  ${mb(r.bytes)}  ${r.seconds.toFixed(1)} s  ` +
        `${rate.toFixed(0)} rows/s\n` +
        `            app CPU ${r.cpuSeconds.toFixed(1)} s (${(r.rows / r.cpuSeconds).toFixed(0)} rows per CPU second), ` +
        `Postgres CPU ${r.postgresSeconds.toFixed(1)} s, app RSS ${mb(idle)} idle, peak ${mb(r.peak)}\n` +
        `            targets: ${targets.join(', ')}`,
    );
  }

  await server.stop();
  const formats = (process.env.EXPORT_FORMATS ?? 'csv,jsonl,csv-lists').split(',').filter(Boolean);
  for (const format of formats) await measureExport(format, format);

  // Baseline in the same run: the same responses as rows stored before migration 0006 (no export
  // forms), which the exports read from the jsonb document (payload).
  const baselineFormats = (process.env.EXPORT_BASELINE ?? 'csv').split(',').filter(Boolean);
  if (baselineFormats.length > 0) {
    const t2 = performance.now();
    await db('submissions').update({ export_line: null, export_once: null, export_items: null });
    await db.raw('vacuum analyze submissions');
    console.log(
      `\nbaseline: the same ${EXPORT_ROWS} responses without their export forms, read from payload ` +
        `(forms removed in ${((performance.now() - t2) / 1000).toFixed(1)} s)`,
    );
    for (const format of baselineFormats) await measureExport(format, format);
  }

  agent.destroy();
  await db.destroy();
  await admin.raw(`drop database if exists ${name} with (force)`);
  await admin.destroy();
}

/** The peak resident set size of a process so far (reset by writing 5 to /proc/<pid>/clear_refs). */
function vmHwm(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

await report();
