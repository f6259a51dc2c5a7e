import { type MeasureOptions, measure, type Timing } from './measure.ts';

export interface Row {
  scenario: string;
  /** Undefined when the scenario failed; `error` says why. */
  timing?: Timing;
  error?: string;
  /** The most milliseconds the median may take, when the scenario has a target. */
  target?: number;
}

/** Times a scenario; one that throws is reported as failed rather than ending the report. */
export function timed(scenario: string, run: () => unknown, options: MeasureOptions & { target?: number } = {}): Row {
  const { target, ...measuring } = options;
  try {
    return { scenario, timing: measure(run, measuring), ...(target === undefined ? {} : { target }) };
  } catch (error) {
    return { scenario, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The table of results: each median also as a ratio to the baseline's median, measured in the same run. */
export function table(rows: Row[], baseline: Timing, baselineName: string): string {
  const header = ['scenario', 'median ms', 'p95 ms', 'runs', 'target ms', 'result', `× ${baselineName}`];
  const body = rows.map(({ scenario, timing, target, error }) => {
    if (!timing) return [scenario, '-', '-', '-', '-', 'ERROR', '-'];
    const result = target === undefined ? '-' : timing.median <= target ? 'PASS' : 'FAIL';
    const ratio = (timing.median / baseline.median).toFixed(2);
    return [
      scenario,
      ms(timing.median),
      ms(timing.p95),
      String(timing.runs),
      limit(target),
      result,
      ratio,
      error ?? '',
    ];
  });
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row
      .slice(0, header.length)
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  const rule = '-'.repeat(widths.reduce((sum, w) => sum + w + 2, -2));
  const errors = rows.filter((r) => r.error !== undefined).map((r) => `ERROR in ${r.scenario}: ${r.error}`);
  return [line(header), rule, ...body.map(line), ...(errors.length > 0 ? ['', ...errors] : [])].join('\n');
}

function limit(target: number | undefined): string {
  return target === undefined ? '-' : `<= ${target}`;
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(3) : value.toFixed(1);
}
