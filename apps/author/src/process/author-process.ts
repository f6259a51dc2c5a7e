import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Test support for process-level tests: real author processes, as deployed and as `npm start` runs them. */

const APP_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** How `pnpm --filter @eq/author dev` starts the app (tsx as a loader, so the pid is node's). */
export const DEV_START = ['--import', 'tsx', 'src/dev.ts'];

export interface BuiltAuthor {
  /** The built server, `main.js`. */
  main: string;
  /** The built release step, `migrate.js`. */
  migrate: string;
  dispose(): void;
}

/**
 * Builds the app with its build script into a folder of its own (inside the app, so that its
 * imports of node_modules resolve), so test files running at once never share or delete a build.
 */
export function buildAuthor(): BuiltAuthor {
  const builds = `${APP_DIR}node_modules/.cache/eq-author-builds`;
  removeStale(builds);
  const outdir = `${builds}/${randomUUID()}`;
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--outdir', outdir], {
    cwd: APP_DIR,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the author build failed:\n${build.stdout}${build.stderr}`);
  return {
    main: `${outdir}/main.js`,
    migrate: `${outdir}/migrate.js`,
    dispose: () => rmSync(outdir, { recursive: true, force: true }),
  };
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

/** The environment of an author process: nothing is inherited but PATH; any free port on loopback. */
function processEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env };
}

export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <args>` in the app's folder to its end (a one-off command, or a start that refuses).
 * Asynchronous, so that anything the test process serves (a proxy) keeps working meanwhile.
 */
export function runToEnd(args: string[], env: Record<string, string>): Promise<Finished> {
  const child = spawn(process.execPath, args, {
    cwd: APP_DIR,
    env: processEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** One JSON log line (pino). */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface AuthorProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  logs: LogLine[];
  stderr(): string;
  /** Settles when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The first log line (already written or still to come) that matches. */
  waitForLog(matches: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then the exit (SIGKILL if it takes longer than `timeoutMs`). */
  stop(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node <args>` and resolves once it listens (its "author listening" log line says the port). */
export async function startAuthor(args: string[], env: Record<string, string>): Promise<AuthorProcess> {
  const child = spawn(process.execPath, args, {
    cwd: APP_DIR,
    env: processEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<(line: LogLine) => void>();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = parseLine(text);
    if (!line) return;
    logs.push(line);
    for (const waiter of waiters) waiter(line);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });

  function waitForLog(matches: (line: LogLine) => boolean, timeoutMs = 60_000): Promise<LogLine> {
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
        done(() => reject(new Error(`the author app exited (${code ?? signal}) first; stderr: ${stderr}`))),
      );
    });
  }

  const listening = await waitForLog((line) => line.msg === 'author listening');
  return {
    url: `http://127.0.0.1:${Number(listening.port)}`,
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
