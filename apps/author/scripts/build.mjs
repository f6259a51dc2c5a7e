// `pnpm --filter @eq/author build`: dist/main.js (the server) and dist/migrate.js (the release
// step that migrates the database); see scripts/build-app.mjs at the repository's root.
// `--outdir <dir>` builds elsewhere (the process tests build their own copy).
import { buildApp } from '../../../scripts/build-app.mjs';

await buildApp(new URL('..', import.meta.url), {
  entryPoints: { main: 'src/main.ts', migrate: 'src/db/migrate-command.ts' },
});
