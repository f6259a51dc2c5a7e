/**
 * Instructions a request of each case, counted by valgrind's callgrind on the main thread (not
 * V8's compiler and collector threads) while counted-requests.ts sends them: unlike CPU time, a
 * count does not move with what else the machine runs, only with when V8 optimises what (rounds
 * of one version mostly agree within 2%). It misses what memory costs: a cache miss counts as one
 * instruction.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Instructions a request, by case name, of the runner in `src`: one figure a round. */
export async function instructionCounts(src: string, requests: number, rounds: number): Promise<Map<string, number[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'eq-callgrind-'));
  const out = join(dir, 'callgrind.out');
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      '--instr-atstart=no',
      '--separate-threads=yes',
      `--callgrind-out-file=${out}`,
      process.execPath,
      '--expose-gc',
      '--import',
      'tsx',
      join(import.meta.dirname, 'counted-requests.ts'),
      src,
      String(requests),
      String(rounds),
    ],
    { cwd: join(import.meta.dirname, '..'), stdio: ['pipe', 'pipe', 'ignore'] },
  );
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  const control = (...args: string[]) =>
    execFileSync('callgrind_control', [...args, String(child.pid)], { stdio: 'ignore' });
  const counts = new Map<string, number[]>();
  let dumps = 0;
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      if (line.startsWith('ready ')) {
        control('--zero');
        control('--instr=on');
        child.stdin.write('\n');
      } else if (line.startsWith('done ')) {
        control('--instr=off');
        control('--dump');
        dumps++;
        const name = line.slice('done '.length);
        counts.set(name, [...(counts.get(name) ?? []), mainThreadTotal(`${out}.${dumps}-01`) / requests]);
        child.stdin.write('\n');
      }
    }
    if ((await exited) !== 0) throw new Error(`the counted runner (${src}) failed: run it without valgrind to see why`);
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
  return counts;
}

/** The instructions in a dump of callgrind's (its `totals:` line), waiting a few seconds for it to be written. */
function mainThreadTotal(file: string): number {
  for (let tries = 0; tries < 100; tries++) {
    const total = existsSync(file) ? /^totals: (\d+)/m.exec(readFileSync(file, 'utf8'))?.[1] : undefined;
    if (total !== undefined) return Number(total);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  throw new Error(`callgrind wrote no totals to ${file}`);
}
