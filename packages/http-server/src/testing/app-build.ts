import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';

/** A build of an app in a folder of its own. */
export interface AppBuild {
  outdir: string;
  dispose(): void;
}

/**
 * Builds an app with its own `scripts/build.mjs` into a fresh folder under its
 * `node_modules/.cache/<cacheName>` (inside the app, so that the build's imports of node_modules
 * resolve), so test files running at once never share or delete a build. Builds left by killed
 * runs (over an hour old) are removed first.
 */
export function buildApp(appDir: string, cacheName: string, name: string): AppBuild {
  const builds = `${appDir}node_modules/.cache/${cacheName}`;
  removeStale(builds);
  const outdir = `${builds}/${randomUUID()}`;
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--outdir', outdir], {
    cwd: appDir,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`${name} build failed:\n${build.stdout}${build.stderr}`);
  return { outdir, dispose: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** Builds left by runs that were killed (over an hour old): no test runs that long. */
function removeStale(builds: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const entry of existsSync(builds) ? readdirSync(builds) : []) {
    const path = `${builds}/${entry}`;
    // Another test file may be removing its own build at the same moment.
    const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (modified < hourAgo) rmSync(path, { recursive: true, force: true });
  }
}
