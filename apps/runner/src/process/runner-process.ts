import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Test support for process-level tests and the load test: real runner processes, as deployed. */

const APP_DIR = fileURLToPath(new URL('../../', import.meta.url));

export interface BuiltRunner {
  /** The built `main.js`. */
  main: string;
  dispose(): void;
}

/**
 * Builds the runner with its build script into a folder of its own (inside the app, so that its
 * imports of node_modules resolve), so test files running at once never share or delete a build.
 */
export function buildRunner(): BuiltRunner {
  const builds = `${APP_DIR}node_modules/.cache/eq-runner-builds`;
  removeStale(builds);
  const outdir = `${builds}/${randomUUID()}`;
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--outdir', outdir], {
    cwd: APP_DIR,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the runner build failed:\n${build.stdout}${build.stderr}`);
  return { main: `${outdir}/main.js`, dispose: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** Builds left by runs that were killed (over an hour old): no test runs that long. */
function removeStale(builds: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of existsSync(builds) ? readdirSync(builds) : []) {
    const path = `${builds}/${name}`;
    // Another test file may be removing its own build at the same moment.
    const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (modified < hourAgo) rmSync(path, { recursive: true, force: true });
  }
}

/** One JSON log line of the runner (pino). */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface RunnerProcessOptions {
  /** The script to run: a built `main.js`. */
  main: string;
  /** The runner's environment (nothing is inherited but PATH). PORT defaults to 0: any free port. */
  env: Record<string, string>;
  /** Pins the process to these CPUs with `taskset -c` (e.g. `0`), when taskset exists. */
  cpus?: string;
  /** Keeps every log line in `logs` (default true; a long load test turns it off). */
  keepLogs?: boolean;
  /** Options for node itself, e.g. `--cpu-prof`. */
  nodeOptions?: string[];
}

export interface RunnerProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  pid: number;
  logs: LogLine[];
  /** What the process wrote to stderr so far. */
  stderr(): string;
  /** Settles when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The first log line (already written or still to come) that matches. */
  waitForLog(matches: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then the exit (SIGKILL if it takes longer than `timeoutMs`). */
  stop(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node <main>` and resolves once it listens (its "runner listening" log line says the port). */
export async function startRunner(options: RunnerProcessOptions): Promise<RunnerProcess> {
  const env = { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...options.env };
  const pinned = options.cpus !== undefined && hasTaskset();
  const command = pinned ? 'taskset' : process.execPath;
  const node = [...(options.nodeOptions ?? []), options.main];
  const args = pinned ? ['-c', options.cpus ?? '0', process.execPath, ...node] : node;
  // taskset execs node, so the pid is node's.
  const child = spawn(command, args, { cwd: APP_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: LogLine[] = [];
  const waiters = new Set<(line: LogLine) => void>();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = parseLine(text);
    if (!line) return;
    if (options.keepLogs !== false) logs.push(line);
    for (const waiter of waiters) waiter(line);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });

  function waitForLog(matches: (line: LogLine) => boolean, timeoutMs = 20_000): Promise<LogLine> {
    const seen = logs.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const done = (outcome: () => void) => {
        clearTimeout(timer);
        waiters.delete(waiter);
        outcome();
      };
      const waiter = (line: LogLine) => {
        if (matches(line)) done(() => resolve(line));
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`no such log line in time; stderr: ${stderr}`))),
        timeoutMs,
      );
      waiters.add(waiter);
      void exited.then(({ code, signal }) =>
        done(() => reject(new Error(`the runner exited (${code ?? signal}) first; stderr: ${stderr}`))),
      );
    });
  }

  const listening = await waitForLog((line) => line.msg === 'runner listening');
  const port = Number(listening.port);
  const pid = child.pid ?? 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid,
    logs,
    stderr: () => stderr,
    exited,
    waitForLog,
    kill: (signal) => child.kill(signal),
    async stop(timeoutMs = 30_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

function parseLine(text: string): LogLine | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && 'msg' in value ? (value as LogLine) : undefined;
  } catch {
    return undefined;
  }
}

let taskset: boolean | undefined;
function hasTaskset(): boolean {
  taskset ??= spawnSync('taskset', ['--version']).status === 0;
  return taskset;
}
