/**
 * The requests of `bench:middleware --instructions`, run under callgrind (which the benchmark
 * starts with instrumentation off): one runner (`src` folder, first argument), a respondent on
 * its first question, the cases' requests handed to the app in this process (in-process.ts). After
 * a warm-up of each case, `rounds` rounds of every case in turn, each: a full collection, `ready
 * <case>` on standard output, then on a line from standard input (the benchmark has switched
 * counting on) `requests` requests, `done <case>`, and the next line (counting is off again) goes
 * on.
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { testRunner as TestRunnerOf } from '../src/testing/harness.ts';
import { Browser } from './browser.ts';
import { inProcess } from './in-process.ts';
import { CASES } from './middleware-cases.ts';

const [src = '', requests = '300', rounds = '5'] = process.argv.slice(2);
const WARM_UP = 3000;

const harness: { testRunner: typeof TestRunnerOf } = await import(pathToFileURL(join(src, 'testing/harness.ts')).href);
const runner = await harness.testRunner();
const browser = new Browser(inProcess(runner.app));
await browser.open('/s/routing-and');
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const collectGarbage = (globalThis as { gc?: () => void }).gc;
if (!collectGarbage) throw new Error('run with --expose-gc');
for (const c of CASES) await browser.repeat(c.sent, WARM_UP, c.status);
for (let round = 0; round < Number(rounds); round++) {
  for (const c of CASES) {
    collectGarbage();
    console.log(`ready ${c.name}`);
    await lines.next();
    await browser.repeat(c.sent, Number(requests), c.status);
    console.log(`done ${c.name}`);
    await lines.next();
  }
}
await runner.close();
process.exit(0);
