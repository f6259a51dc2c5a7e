import type { Exchange } from './http-session.ts';

/** Latency figures of one kind of request, over the measured window. */
export interface LatencyFigures {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadReport {
  /** The measured window (after the warm-up), in seconds. */
  seconds: number;
  concurrency: number;
  get: LatencyFigures;
  post: LatencyFigures;
  all: LatencyFigures;
  /** Responses with a 5xx status, or none at all (connection errors). */
  serverErrors: number;
  completions: number;
  completionsPerSecond: number;
  failures: number;
  /** Mean body size of the pages served (200 responses to a GET) as sent, compressed when they were. */
  pageBytes: number;
}

/** Exchanges and journeys in the measured window only: the warm-up and the wind-down are left out. */
export class Recorder {
  private readonly latencies = { GET: [] as number[], POST: [] as number[] };
  private serverErrors = 0;
  private completions = 0;
  private failures = 0;
  private pages = { count: 0, bytes: 0 };
  private start = Number.POSITIVE_INFINITY;
  private end = Number.POSITIVE_INFINITY;

  /** Measures from now for `seconds`. */
  open(seconds: number): void {
    this.start = performance.now();
    this.end = this.start + seconds * 1000;
  }

  private counts(at: number): boolean {
    return at >= this.start && at <= this.end;
  }

  exchange = (exchange: Exchange): void => {
    if (!this.counts(exchange.at)) return;
    this.latencies[exchange.method].push(exchange.ms);
    if (exchange.status >= 500) this.serverErrors += 1;
    if (exchange.method === 'GET' && exchange.status === 200) {
      this.pages.count += 1;
      this.pages.bytes += exchange.bytes;
    }
  };

  connectionError(): void {
    if (this.counts(performance.now())) this.serverErrors += 1;
  }

  journey(completed: boolean): void {
    if (!this.counts(performance.now())) return;
    if (completed) this.completions += 1;
    else this.failures += 1;
  }

  report(concurrency: number): LoadReport {
    const seconds = (Math.min(this.end, performance.now()) - this.start) / 1000;
    const figures = (values: number[]) => latencyFigures(values, seconds);
    return {
      seconds,
      concurrency,
      get: figures(this.latencies.GET),
      post: figures(this.latencies.POST),
      all: figures([...this.latencies.GET, ...this.latencies.POST]),
      serverErrors: this.serverErrors,
      completions: this.completions,
      completionsPerSecond: this.completions / seconds,
      failures: this.failures,
      pageBytes: this.pages.count === 0 ? 0 : this.pages.bytes / this.pages.count,
    };
  }
}

function latencyFigures(values: number[], seconds: number): LatencyFigures {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) =>
    sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return {
    requests: sorted.length,
    perSecond: sorted.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.length === 0 ? 0 : (sorted[sorted.length - 1] ?? 0),
  };
}

/** The report as a plain-text table. */
export function formatReport(title: string, report: LoadReport): string {
  const row = (name: string, f: LatencyFigures) =>
    `${name.padEnd(6)}${String(f.requests).padStart(10)}${f.perSecond.toFixed(0).padStart(9)}` +
    `${ms(f.p50)}${ms(f.p95)}${ms(f.p99)}${ms(f.max)}`;
  return [
    `${title}: ${report.seconds.toFixed(1)} s, ${report.concurrency} concurrent`,
    `${''.padEnd(6)}${'requests'.padStart(10)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}`,
    row('GET', report.get),
    row('POST', report.post),
    row('all', report.all),
    `journeys completed ${report.completions} (${report.completionsPerSecond.toFixed(1)}/s), failed ${report.failures}; server errors ${report.serverErrors}; ${(report.pageBytes / 1024).toFixed(1)} kB a page as sent`,
  ].join('\n');
}

function ms(value: number): string {
  return value.toFixed(1).padStart(9);
}
