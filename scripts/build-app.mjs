// The production build of an app (each app's `scripts/build.mjs` calls it): one ES module per
// entry point for Node 20 that runs with no TypeScript (`node dist/main.js`), plus the files the
// app reads at run time copied beside them. `--outdir <dir>` builds elsewhere (process tests
// build their own copy); the folder must be inside the app, so that dist's imports of
// node_modules resolve.
// Our workspace packages (@eq/*) export TypeScript source, so they are bundled in; every other
// package stays an import of node_modules, resolved from the app at run time.
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Leaves third-party packages out of the bundle. One that is not a dependency of the app would
 * not resolve from dist/ at run time (pnpm links only declared dependencies): fail the build now.
 */
function externalPackages(appName, dependencies) {
  const builtins = new Set(builtinModules);
  return {
    name: 'external-packages',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
        if (path.startsWith('node:') || builtins.has(path)) return { path, external: true };
        const name = packageOf(path);
        if (name.startsWith('@eq/')) return undefined;
        if (!dependencies.has(name)) {
          return { errors: [{ text: `${name} (imported by ${importer}) is not a dependency of ${appName}` }] };
        }
        return { path, external: true };
      });
    },
  };
}

/**
 * Builds the app in `app` (a directory URL): `entryPoints` maps each output name to its source
 * (`{ main: 'src/main.ts' }` → `dist/main.js`), `copy` lists folders read at run time
 * (`{ from: 'src/views/', to: 'views/', filter? }`). Returns the output folder's URL.
 */
export async function buildApp(app, { entryPoints, copy = [] }) {
  const { outdir } = parseArgs({ options: { outdir: { type: 'string' } } }).values;
  const dist = outdir ? pathToFileURL(`${resolve(outdir)}/`) : new URL('dist/', app);
  const manifest = JSON.parse(await readFile(new URL('package.json', app), 'utf8'));
  // esbuild is a development dependency of each app, not of the repository's root.
  const { build } = createRequire(new URL('package.json', app))('esbuild');

  await rm(dist, { recursive: true, force: true });
  await build({
    entryPoints: Object.entries(entryPoints).map(([out, source]) => ({ in: new URL(source, app).pathname, out })),
    outdir: dist.pathname,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    legalComments: 'none',
    plugins: [externalPackages(manifest.name, new Set(Object.keys(manifest.dependencies ?? {})))],
    logLevel: 'warning',
  });

  await mkdir(dist, { recursive: true });
  for (const { from, to, filter } of copy) {
    await cp(new URL(from, app), new URL(to, dist), { recursive: true, ...(filter ? { filter } : {}) });
  }
  for (const out of Object.keys(entryPoints)) console.log(`built ${new URL(`${out}.js`, dist).pathname}`);
  return dist;
}
