// `npm start`: installs with the pinned pnpm, then starts every app in apps/ that has a "dev"
// script, with embedded defaults (data under DATA_DIR, default .data/) and each on its own port,
// and says where each is once it answers.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pnpm, pnpmCommand } from './pnpm.mjs';

const root = new URL('..', import.meta.url);
const DEFAULT_PORTS = { author: 3000, runner: 3001 };
const dataDir = process.env.DATA_DIR ?? new URL('.data/', root).pathname;

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

/** What to print about an app once it answers, beyond its URL. */
const ANNOUNCEMENTS = {
  author: (url) => [
    `  API: ${url}/api/v1 (described by ${url}/api/v1/openapi.json)`,
    `  sign in: POST ${url}/api/v1/auth/sign-in with ${JSON.stringify(authorAdmin())}`,
    '  demo data (on a fresh DATA_DIR): the bundled examples, each published as version 1 under its id',
  ],
  runner: (url) => {
    const examples = new URL('packages/schema/examples/', root);
    const slugs = readdirSync(examples)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length));
    const width = Math.max(...slugs.map((slug) => slug.length));
    return [
      `  development index (every questionnaire, with start and launch links): ${url}/`,
      '  the bundled examples, each launched with sample launch data (a signed development token):',
      ...slugs.map((slug) => `    ${slug.padEnd(width)}  ${url}/dev/launch/${slug}`),
    ];
  },
};

/** The development admin: ADMIN_EMAIL (with your ADMIN_PASSWORD), else the one the author app generated into DATA_DIR. */
function authorAdmin() {
  if (process.env.ADMIN_EMAIL) return { email: process.env.ADMIN_EMAIL, password: '<your ADMIN_PASSWORD>' };
  try {
    const { email, password } = JSON.parse(readFileSync(join(dataDir, 'author-admin.json'), 'utf8'));
    return { email, password };
  } catch {
    return { email: 'admin@example.com', password: `<see ${join(dataDir, 'author-admin.json')}>` };
  }
}

/** Waits until the app answers /healthz (or has exited), then prints where it is. */
async function announce(name, url, child) {
  while (child.exitCode === null) {
    try {
      const response = await fetch(`${url}/healthz`);
      await response.arrayBuffer();
      if (response.ok) {
        console.log([`\n${name} is ready on ${url}`, ...(ANNOUNCEMENTS[name]?.(url) ?? [])].join('\n'));
        return;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
}

const children = apps.map((name) => {
  const portVar = `${name.toUpperCase()}_PORT`;
  const port = process.env[portVar] ?? String(DEFAULT_PORTS[name] ?? 3100);
  console.log(`starting ${name} on http://localhost:${port}`);
  const [bin, ...pre] = pnpmCommand;
  const child = spawn(bin, [...pre, '--filter', `./apps/${name}`, 'dev'], {
    cwd: root,
    stdio: 'inherit',
    // A process group of its own, so a signal reaches the app itself, not only pnpm (which would
    // exit and leave the app running).
    detached: true,
    env: { ...process.env, PORT: port, DATA_DIR: dataDir },
  });
  void announce(name, `http://localhost:${port}`, child);
  return child;
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // That app has already exited.
      }
    }
  });
}
await Promise.all(children.map((child) => new Promise((resolve) => child.on('exit', resolve))));
