import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import express, { type RequestHandler } from 'express';
import { precompressed } from './precompressed.ts';

/** The asset URLs pages link to; each path holds a hash of its folder's content, so it can be cached forever. */
export interface AssetUrls {
  css: string;
  printCss: string;
  js: string;
  enhanceJs: string;
}

const ONS_FOLDERS = ['css', 'scripts', 'fonts', 'img', 'favicons'];
/** The paths below `/assets`, in any letter case (Express's routes ignore it). */
const ASSET_PATH = /^\/assets(?:\/|$)/i;
const YEAR_SECONDS = 31_536_000;

/**
 * Serves the ONS Design System's built assets (unmodified) and the runner's own, under paths
 * containing a content hash: a new release gets new URLs, so browsers and CDNs may keep every
 * asset for a year. Text files go out compressed once (precompressed.ts). `router` answers the
 * paths below `/assets` and passes every other request on at once, without walking its routes: it
 * runs among the middleware every request passes (app.ts).
 */
export function staticAssets(appAssetsDir: string): { router: RequestHandler; urls: AssetUrls } {
  const onsRoot = dirname(createRequire(import.meta.url).resolve('@ons/design-system/package.json'));
  const onsHash = contentHash(ONS_FOLDERS.map((f) => join(onsRoot, f)));
  const appHash = contentHash([appAssetsDir]);
  const router = express.Router();
  const options = { immutable: true, maxAge: YEAR_SECONDS * 1000, index: false, fallthrough: false } as const;
  const serve = (dir: string) => [precompressed(dir, filesUnder(dir)), express.static(dir, options)];
  for (const folder of ONS_FOLDERS) router.use(`/assets/ons/${onsHash}/${folder}`, serve(join(onsRoot, folder)));
  router.use(`/assets/app/${appHash}`, serve(appAssetsDir));
  return {
    router: (req, res, next) => (ASSET_PATH.test(req.path) ? router(req, res, next) : next()),
    urls: {
      css: `/assets/ons/${onsHash}/css/main.css`,
      printCss: `/assets/ons/${onsHash}/css/print.css`,
      js: `/assets/ons/${onsHash}/scripts/main.js`,
      enhanceJs: `/assets/app/${appHash}/enhance.js`,
    },
  };
}

/** A short hash of every file under the folders (names and bytes), read once at start-up. */
export function contentHash(folders: string[]): string {
  const hash = createHash('sha256');
  for (const folder of folders) {
    for (const file of filesUnder(folder)) hash.update(relative(folder, file)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

function filesUnder(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder).sort();
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
