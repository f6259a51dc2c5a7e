import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { availableParallelism, cpus } from 'node:os';
import { freePort } from '../packages/http-server/src/testing/free-port.ts';

/**
 * Which CPUs each side of the load test uses. The runner gets CPU 0 to itself, so its figures are
 * "per core"; the driver, Redis and the fake author API share the others, so they never take the
 * runner's CPU. With one CPU, or no taskset, nothing is pinned and the figures say so.
 */
export interface CpuPlan {
  /** For the server under test (runner or baseline), e.g. `0`. */
  server?: string;
  /** For everything else, e.g. `1-3`. */
  rest?: string;
  description: string;
}

export function cpuPlan(): CpuPlan {
  const count = availableParallelism();
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const taskset = spawnSync('taskset', ['--version']).status === 0;
  if (count < 2 || !taskset) {
    const why = count < 2 ? 'one CPU' : 'no taskset';
    return { description: `${count} × ${model}; not pinned (${why}): the driver and Redis share the runner's CPU` };
  }
  const rest = count === 2 ? '1' : `1-${count - 1}`;
  return {
    server: '0',
    rest,
    description: `${count} × ${model}; server pinned to CPU 0, driver, Redis and author API on CPU ${rest}`,
  };
}

/** Moves this process (every thread) onto these CPUs. */
export function pinSelf(cpuList: string | undefined): void {
  if (cpuList) spawnSync('taskset', ['-a', '-cp', cpuList, String(process.pid)], { stdio: 'ignore' });
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the command (which is in parentheses and may hold spaces): utime is the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticksPerSecond = 100;
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

export interface RedisServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A private redis-server (no persistence) on a free port, pinned to `cpuList` when given. */
export async function startRedis(cpuList: string | undefined): Promise<RedisServer> {
  const port = await freePort();
  const redis = ['redis-server', '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child: ChildProcess = cpuList
    ? spawn('taskset', ['-c', cpuList, ...redis], { stdio: 'ignore' })
    : spawn(redis[0] as string, redis.slice(1), { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.on('error', () => {});
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error('redis-server did not start (is it installed?)');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Whether a Redis answers PING on the port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.setEncoding('utf8').on('data', (reply: string) => {
      socket.destroy();
      resolve(reply.startsWith('+PONG'));
    });
    socket.on('error', () => resolve(false));
  });
}
