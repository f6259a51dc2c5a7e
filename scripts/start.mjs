// `npm start`: installs with the pinned pnpm, then starts every app in apps/ that has a "dev"
// script, with embedded defaults (data under DATA_DIR, default .data/) and each on its own port.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pnpm, pnpmCommand } from './pnpm.mjs';

const root = new URL('..', import.meta.url);
const DEFAULT_PORTS = { author: 3000, runner: 3001 };

if (pnpm(['install', '--frozen-lockfile', '--prefer-offline']) !== 0) process.exit(1);

const appsDir = new URL('apps/', root);
const apps = (existsSync(appsDir) ? readdirSync(appsDir) : []).filter((name) => {
  const file = new URL(`${name}/package.json`, appsDir);
  return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).scripts?.dev;
});

if (apps.length === 0) {
  console.log('No apps to start yet: the runner and author apps arrive in apps/. Try `pnpm eq validate <file>`.');
  process.exit(0);
}

const children = apps.map((name) => {
  const portVar = `${name.toUpperCase()}_PORT`;
  const port = process.env[portVar] ?? String(DEFAULT_PORTS[name] ?? 3100);
  console.log(`starting ${name} on http://localhost:${port}`);
  const [bin, ...pre] = pnpmCommand;
  return spawn(bin, [...pre, '--filter', `./apps/${name}`, 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: port, DATA_DIR: process.env.DATA_DIR ?? new URL('.data/', root).pathname },
  });
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}
await Promise.all(children.map((child) => new Promise((resolve) => child.on('exit', resolve))));
