import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@eq/http-server/testing';

/**
 * Test support: a real nginx with the repository's runner configuration
 * (infra/nginx/runner.conf.template), run unprivileged from a temporary folder that holds its
 * pid, logs and temporary files.
 */
const TEMPLATE = new URL('../../../../infra/nginx/runner.conf.template', import.meta.url);

export interface Nginx {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** nginx's error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

/** Whether an `nginx` binary is on the PATH. */
export function hasNginx(): boolean {
  return spawnSync('nginx', ['-v']).status === 0;
}

/** Renders the template as `envsubst '${NGINX_LISTEN} ${RUNNER_SERVERS}'` would. */
export function renderRunnerConf(listen: string, servers: string[]): string {
  const values: Record<string, string> = {
    NGINX_LISTEN: listen,
    RUNNER_SERVERS: servers.map((server) => `server ${server};`).join(' '),
  };
  return readFileSync(TEMPLATE, 'utf8').replace(
    /\$\{(NGINX_LISTEN|RUNNER_SERVERS)\}/g,
    (_, name: string) => values[name] ?? '',
  );
}

/** Starts nginx balancing over the runners (`127.0.0.1:<port>` each); resolves once it answers. */
export async function startNginx(runners: string[]): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'eq-nginx-'));
  // Started as root, nginx runs its worker as an unprivileged user, which must reach its temporary folders.
  chmodSync(dir, 0o755);
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(dir, temp));
    chmodSync(join(dir, temp), 0o777);
  }
  const port = await freePort();
  writeFileSync(join(dir, 'runner.conf'), renderRunnerConf(`127.0.0.1:${port}`, runners));
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/runner.conf;
}
`,
  );
  const child: ChildProcess = spawn(
    'nginx',
    ['-p', dir, '-c', `${dir}/nginx.conf`, '-e', `${dir}/error.log`, '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const errors = () => {
    try {
      return `${stderr}${readFileSync(join(dir, 'error.log'), 'utf8')}`;
    } catch {
      return stderr;
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (!(await answers(`${url}/healthz`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start: ${errors()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    errors,
    async stop() {
      // SIGQUIT: nginx's graceful stop.
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}
