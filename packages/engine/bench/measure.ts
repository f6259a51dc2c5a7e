/** How long a scenario takes per run, in milliseconds, after warming up. */
export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

export interface MeasureOptions {
  /** Runs before timing starts, so the JIT has compiled the code (default 20). */
  warmup?: number;
  /** Timed runs at least (default 50)... */
  minRuns?: number;
  /** ...and for at least this long in all (default 500 ms), up to `maxRuns`. */
  minMs?: number;
  maxRuns?: number;
}

export function measure(run: () => unknown, options: MeasureOptions = {}): Timing {
  const { warmup = 20, minRuns = 50, minMs = 500, maxRuns = 5_000 } = options;
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - started < minMs)) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), runs: samples.length };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
