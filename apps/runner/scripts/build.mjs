// `pnpm --filter @eq/runner build`: dist/main.js (see scripts/build-app.mjs at the repository's
// root; `--outdir <dir>` builds elsewhere), with the files the runner reads at run time beside it.
import { buildApp } from '../../../scripts/build-app.mjs';

await buildApp(new URL('..', import.meta.url), {
  entryPoints: { main: 'src/main.ts' },
  // Read at run time relative to the module (services.ts): templates and the runner's own assets.
  copy: [
    { from: 'src/views/', to: 'views/', filter: (source) => !source.endsWith('.ts') },
    { from: 'src/assets/', to: 'assets/' },
  ],
});
