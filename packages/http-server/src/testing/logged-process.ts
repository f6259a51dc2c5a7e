import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Test support shared by the apps' process-level tests (and the load test): a real app process,
 * its JSON log lines (pino) parsed as they come, started once it says it listens.
 */

/** One JSON log line (pino). */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export interface LoggedProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  pid: number;
  logs: LogLine[];
  /** What the process wrote to stderr so far. */
  stderr(): string;
  /** Settles when the process has exited. */
  exited: Promise<Exit>;
  /** The first log line (already written or still to come) that matches. */
  waitForLog(matches: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then the exit (SIGKILL if it takes longer than `timeoutMs`). */
  stop(timeoutMs?: number): Promise<Exit>;
}

export interface LoggedProcessOptions {
  /** What runs: `node` by default (another command, e.g. `taskset`, must exec node itself). */
  command?: string;
  args: string[];
  cwd: string;
  /** The environment, passed through `processEnv`: nothing is inherited but PATH. */
  env: Record<string, string>;
  /** Whether this log line says the process listens (its `port` field says where). */
  listening: (line: LogLine) => boolean;
  /** Names the process in errors, e.g. `the runner`. */
  name: string;
  /** Keeps every log line in `logs` (default true; a long load test turns it off). */
  keepLogs?: boolean;
  /** How long `waitForLog` waits by default, the wait for the listening line included. */
  logTimeoutMs?: number;
}

/** The environment of an app process: nothing is inherited but PATH; any free port on loopback. */
export function processEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env };
}

/** Starts the process and resolves once it listens (a log line that `listening` matches). */
export async function startLoggedProcess(options: LoggedProcessOptions): Promise<LoggedProcess> {
  const child = spawn(options.command ?? process.execPath, options.args, {
    cwd: options.cwd,
    env: processEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<(line: LogLine) => void>();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = parseLine(text);
    if (!line) return;
    if (options.keepLogs !== false) logs.push(line);
    for (const waiter of waiters) waiter(line);
  });
  const exited = new Promise<Exit>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });

  function waitForLog(
    matches: (line: LogLine) => boolean,
    timeoutMs = options.logTimeoutMs ?? 60_000,
  ): Promise<LogLine> {
    const seen = logs.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const done = (outcome: () => void) => {
        clearTimeout(timer);
        waiters.delete(waiter);
        outcome();
      };
      const waiter = (line: LogLine) => {
        if (matches(line)) done(() => resolve(line));
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`no such log line in time; stderr: ${stderr}`))),
        timeoutMs,
      );
      waiters.add(waiter);
      void exited.then(({ code, signal }) =>
        done(() => reject(new Error(`${options.name} exited (${code ?? signal}) first; stderr: ${stderr}`))),
      );
    });
  }

  const listening = await waitForLog(options.listening);
  const port = Number(listening.port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? 0,
    logs,
    stderr: () => stderr,
    exited,
    waitForLog,
    kill: (signal) => child.kill(signal),
    async stop(timeoutMs = 30_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

function parseLine(text: string): LogLine | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && 'msg' in value ? (value as LogLine) : undefined;
  } catch {
    return undefined;
  }
}
