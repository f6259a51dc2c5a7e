// Runs the pinned pnpm (package.json "packageManager"): the one on PATH if it is that version,
// otherwise through npx, so a machine with only Node and npm can install and test the project.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const pinned = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).packageManager.replace(/^pnpm@/, '');

function installedVersion() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The command line that runs the pinned pnpm. */
export const pnpmCommand = installedVersion() === pinned ? ['pnpm'] : ['npx', '--yes', `pnpm@${pinned}`];

/** Runs pnpm with the given arguments in the repo root; returns the exit status. */
export function pnpm(args, options = {}) {
  const [bin, ...pre] = pnpmCommand;
  const result = spawnSync(bin, [...pre, ...args], { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}
