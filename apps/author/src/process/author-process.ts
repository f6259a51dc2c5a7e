import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp, type LoggedProcess, processEnv, startLoggedProcess } from '@eq/http-server/testing';

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

/** Builds the app with its build script into a folder of its own (see `buildApp`). */
export function buildAuthor(): BuiltAuthor {
  const { outdir, dispose } = buildApp(APP_DIR, 'eq-author-builds', 'the author');
  return { main: `${outdir}/main.js`, migrate: `${outdir}/migrate.js`, dispose };
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
