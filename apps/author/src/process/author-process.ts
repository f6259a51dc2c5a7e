import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type LoggedProcess, processEnv, startLoggedProcess } from '@eq/http-server/testing';

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

export type { LogLine } from '@eq/http-server/testing';

/** A running author process. */
export type AuthorProcess = LoggedProcess;

/** Starts `node <args>` and resolves once it listens (its "author listening" log line says the port). */
export function startAuthor(args: string[], env: Record<string, string>): Promise<AuthorProcess> {
  return startLoggedProcess({
    args,
    cwd: APP_DIR,
    env,
    listening: (line) => line.msg === 'author listening',
    name: 'the author app',
  });
}
