import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp, type LoggedProcess, startLoggedProcess } from '@eq/http-server/testing';

/** Test support for process-level tests and the load test: real runner processes, as deployed. */

const APP_DIR = fileURLToPath(new URL('../../', import.meta.url));

export interface BuiltRunner {
  /** The built `main.js`. */
  main: string;
  dispose(): void;
}

/** Builds the runner with its build script into a folder of its own (see `buildApp`). */
export function buildRunner(): BuiltRunner {
  const { outdir, dispose } = buildApp(APP_DIR, 'eq-runner-builds', 'the runner');
  return { main: `${outdir}/main.js`, dispose };
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
