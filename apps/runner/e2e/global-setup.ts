import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@eq/http-server/testing';
import { CHROMIUM } from './chromium.ts';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts one runner for the whole run, as `npm start` would in development: the memory store,
 * the bundled examples and fixtures, development launch keys, and submissions delivered as files
 * into `<DATA_DIR>/submissions/`. Tests find it through E2E_BASE_URL and E2E_DATA_DIR. The
 * returned function stops it and removes its data folder.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`the browser tests need Debian's chromium at ${CHROMIUM}: apt-get install -y chromium`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'eq-runner-e2e-'));
  const port = await freePort();
  const logFile = join(dataDir, 'runner.log');
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/main.ts'], {
    cwd: APP_DIR,
    env: runnerEnv(dataDir, port),
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(baseUrl, child);
  } catch (error) {
    await stop(child);
    const output = await readFile(logFile, 'utf8').catch(() => '');
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_DATA_DIR = dataDir;
  return async () => {
    await stop(child);
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** Only what the runner needs: no REDIS_URL or author API from the caller's environment. */
function runnerEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
}

async function waitUntilReady(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the runner exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the runner was not ready within 30 seconds');
}

/** SIGTERM for a graceful shutdown; SIGKILL if it takes too long. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
