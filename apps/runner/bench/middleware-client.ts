/**
 * The browsers of `bench:middleware` over HTTP, in a process of their own so that the benchmark's
 * figures are the server's CPU time alone: one browser (browser.ts) a runner, driven by messages
 * from the benchmark (`open` a respondent, `run` a case so many times) and answering each when done.
 */
import { Browser, overHttp, type Sent } from './browser.ts';

export type Command =
  | { kind: 'open'; runner: number; port: number; path: string }
  | { kind: 'run'; runner: number; sent: Sent; times: number; status: number };

export type Answer = { ok: true } | { ok: false; error: string };

const browsers = new Map<number, Browser>();

async function obey(command: Command): Promise<void> {
  if (command.kind === 'open') {
    const browser = new Browser(overHttp(command.port));
    browsers.set(command.runner, browser);
    await browser.open(command.path);
    return;
  }
  const browser = browsers.get(command.runner);
  if (!browser) throw new Error(`no respondent on runner ${command.runner}`);
  await browser.repeat(command.sent, command.times, command.status);
}

process.on('message', (command: Command) => {
  obey(command).then(
    () => process.send?.({ ok: true } satisfies Answer),
    (error: unknown) => process.send?.({ ok: false, error: String(error) } satisfies Answer),
  );
});
process.on('disconnect', () => process.exit(0));
