/** One version of a scenario: this `src`, or another copy of it. */
export interface Version {
  name: string;
  run: () => unknown;
}

export interface TurnsOptions {
  /** Runs of each version before timing starts (default 10). */
  warmup?: number;
  /** Runs of each version timed together as one sample (default 1). */
  perSample?: number;
  /** Rounds at least (default 15), and for at least this long in all (default 3,000 ms). */
  minRounds?: number;
  minMs?: number;
}

/** Each version's samples, in milliseconds of CPU a run, one a round. */
export type Samples = Map<string, number[]>;

/**
 * Times versions of one scenario in turns, a sample of each a round, the order changing every
 * round: a shared machine's load then falls on each alike, so their ratio means something even
 * when their milliseconds do not. Samples are the process's CPU time (the garbage collector's
 * threads included), which other jobs on a busy machine move far less than the time on the clock.
 */
export function inTurns(versions: Version[], options: TurnsOptions = {}): Samples {
  const { warmup = 10, perSample = 1, minRounds = 15, minMs = 3_000 } = options;
  for (const { run } of versions) for (let i = 0; i < warmup; i++) run();
  const samples: Samples = new Map(versions.map(({ name }) => [name, []]));
  const started = performance.now();
  for (let round = 0; round < minRounds || performance.now() - started < minMs; round++) {
    const order = round % 2 === 0 ? versions : [...versions].reverse();
    for (const { name, run } of order) {
      const t = cpuMs();
      for (let i = 0; i < perSample; i++) run();
      samples.get(name)?.push((cpuMs() - t) / perSample);
    }
  }
  return samples;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Each round's ratio of one version's sample to another's. */
export function roundRatios(samples: Samples, name: string, against: string): number[] {
  const mine = samples.get(name) ?? [];
  const theirs = samples.get(against) ?? [];
  return mine.map((sample, i) => sample / (theirs[i] ?? Number.NaN));
}
