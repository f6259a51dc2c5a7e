// `pnpm --filter @eq/runner build`: dist/main.js, one ES module for Node 20 that runs with no
// TypeScript (`node dist/main.js`), with the files the runner reads at run time copied beside it.
// `--outdir <dir>` builds elsewhere (process tests build their own copy); the folder must be inside
// this app, so that dist's imports of node_modules resolve.
// Our workspace packages (@eq/*) export TypeScript source, so they are bundled in; every other
// package stays an import of node_modules, resolved from this app at run time.
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const app = new URL('..', import.meta.url);
const { outdir } = parseArgs({ options: { outdir: { type: 'string' } } }).values;
const dist = outdir ? pathToFileURL(`${resolve(outdir)}/`) : new URL('dist/', app);
const manifest = JSON.parse(await readFile(new URL('package.json', app), 'utf8'));
const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
const builtins = new Set(builtinModules);

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Leaves third-party packages out of the bundle. One that is not a dependency of this app would
 * not resolve from dist/ at run time (pnpm links only declared dependencies): fail the build now.
 */
const externalPackages = {
  name: 'external-packages',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
      if (path.startsWith('node:') || builtins.has(path)) return { path, external: true };
      const name = packageOf(path);
      if (name.startsWith('@eq/')) return undefined;
      if (!dependencies.has(name)) {
        return { errors: [{ text: `${name} (imported by ${importer}) is not a dependency of @eq/runner` }] };
      }
      return { path, external: true };
    });
  },
};

await rm(dist, { recursive: true, force: true });
await build({
  entryPoints: [new URL('src/main.ts', app).pathname],
  outfile: new URL('main.js', dist).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  plugins: [externalPackages],
  logLevel: 'warning',
});

// Read at run time relative to the module (services.ts): templates and the runner's own assets.
await mkdir(dist, { recursive: true });
await cp(new URL('src/views/', app), new URL('views/', dist), {
  recursive: true,
  filter: (source) => !source.endsWith('.ts'),
});
await cp(new URL('src/assets/', app), new URL('assets/', dist), { recursive: true });
console.log(`built ${new URL('main.js', dist).pathname}`);
