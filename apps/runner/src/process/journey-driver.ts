import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

/** Test support: the load test's journey driver (loadtest/drive.ts), run as a process. */

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const DriverResult = z.object({
  completed: z.array(z.object({ responseId: z.string(), seed: z.number(), itemIds: z.record(z.string(), z.string()) })),
  failed: z.array(z.object({ seed: z.number(), error: z.string() })),
});
export type DriverResult = z.infer<typeof DriverResult>;

/**
 * Runs `loadtest/drive.ts --json` with these arguments (e.g. `--target`, `--journeys`) and gives
 * its result: the journeys completed (with the runner's item ids for the plan's `p0`, `p1`, …)
 * and those that failed, with where.
 */
export function runJourneyDriver(args: string[], env: Record<string, string> = {}): Promise<DriverResult> {
  const child = spawn(process.execPath, ['--import', TSX, 'loadtest/drive.ts', '--json', ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', ...env },
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
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => {
      try {
        resolve(DriverResult.parse(JSON.parse(stdout)));
      } catch {
        reject(new Error(`the journey driver gave no result:\n${stdout}\n${stderr}`));
      }
    });
  });
}
