import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type LoggedProcess, startLoggedProcess } from '@eq/http-server/testing';

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

export type { LogLine } from '@eq/http-server/testing';

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

/** A running runner process. */
export type RunnerProcess = LoggedProcess;

/** Starts `node <main>` and resolves once it listens (its "runner listening" log line says the port). */
export function startRunner(options: RunnerProcessOptions): Promise<RunnerProcess> {
  const pinned = options.cpus !== undefined && hasTaskset();
  const node = [...(options.nodeOptions ?? []), options.main];
  // taskset execs node, so the pid is node's.
  return startLoggedProcess({
    command: pinned ? 'taskset' : process.execPath,
    args: pinned ? ['-c', options.cpus ?? '0', process.execPath, ...node] : node,
    cwd: APP_DIR,
    env: options.env,
    listening: (line) => line.msg === 'runner listening',
    name: 'the runner',
    keepLogs: options.keepLogs,
    logTimeoutMs: 20_000,
  });
}

let taskset: boolean | undefined;
function hasTaskset(): boolean {
  taskset ??= spawnSync('taskset', ['--version']).status === 0;
  return taskset;
}
