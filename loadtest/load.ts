import { HttpSession, Targets } from './http-session.ts';
import { type CompletedJourney, completeJourney, JourneyError, type JourneyPlan, type LaunchKey } from './journey.ts';
import { type LoadReport, Recorder } from './stats.ts';

export interface LoadOptions {
  /** Base URLs: a runner, several runners, or the balancer in front of them. */
  targets: string[];
  /** Virtual respondents at once, each a closed loop: one request, then its response, then the next. */
  concurrency: number;
  /** What each virtual respondent does: complete journeys (plans taken in turn) or GET one path (a baseline). */
  work: { plans: JourneyPlan[]; launchKey?: LaunchKey } | { get: string };
  /** Each respondent's requests go to the targets in turn (otherwise respondent i uses target i). */
  alternate?: boolean;
  /** Load before measuring (the runner's JIT and caches warm up), in seconds. */
  warmupSeconds?: number;
  /** The measured window, in seconds (default: until `journeys` are done). */
  seconds?: number;
  /** Stop after this many journeys, completed or failed. */
  journeys?: number;
  /** Told when the measured window opens and closes (e.g. to read the runner's CPU time). */
  window?: { opened?: () => void; closed?: () => void };
  /** Told of each failed journey. */
  onFailure?: (failure: FailedJourney) => void;
}

export interface FailedJourney {
  seed: number;
  error: string;
}

export interface LoadResult {
  report: LoadReport;
  completed: (CompletedJourney & { seed: number })[];
  failed: FailedJourney[];
  /** Journeys begun: more than the plans means some plans were taken twice. */
  started: number;
}

/** Runs virtual respondents against the targets and measures them (see LoadOptions). */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const targets = new Targets(options.targets);
  const recorder = new Recorder();
  const stop = new AbortController();
  const completed: LoadResult['completed'] = [];
  const failed: FailedJourney[] = [];
  let started = 0;
  const finished = () => completed.length + failed.length;

  const session = (index: number) =>
    new HttpSession(targets, {
      target: index,
      signal: stop.signal,
      onExchange: recorder.exchange,
      ...(options.alternate ? { alternate: true } : {}),
    });

  async function respondent(index: number): Promise<void> {
    const { work } = options;
    if ('get' in work) {
      const browser = session(index);
      while (!stop.signal.aborted) {
        await browser.open(work.get).catch(() => {
          if (!stop.signal.aborted) recorder.connectionError();
        });
      }
      return;
    }
    while (!stop.signal.aborted && (options.journeys === undefined || started < options.journeys)) {
      const plan = work.plans[started++ % work.plans.length] as JourneyPlan;
      try {
        completed.push({
          ...(await completeJourney(session(index), plan, { launchKey: work.launchKey })),
          seed: plan.seed,
        });
        recorder.journey(true);
      } catch (error) {
        if (stop.signal.aborted) return;
        if (!(error instanceof JourneyError)) recorder.connectionError();
        const failure = { seed: plan.seed, error: error instanceof Error ? error.message : String(error) };
        failed.push(failure);
        recorder.journey(false);
        options.onFailure?.(failure);
      }
      if (options.journeys !== undefined && finished() >= options.journeys) stop.abort();
    }
  }

  const running = Array.from({ length: options.concurrency }, (_, i) => respondent(i));
  const timers: NodeJS.Timeout[] = [];
  let open = false;
  const measure = () => {
    open = true;
    recorder.open(options.seconds ?? Number.POSITIVE_INFINITY);
    options.window?.opened?.();
    if (options.seconds !== undefined) timers.push(setTimeout(() => stop.abort(), options.seconds * 1000));
  };
  stop.signal.addEventListener('abort', () => {
    if (open) options.window?.closed?.();
  });
  if (options.warmupSeconds) timers.push(setTimeout(measure, options.warmupSeconds * 1000));
  else measure();
  await Promise.all(running);
  if (!stop.signal.aborted) stop.abort();
  for (const timer of timers) clearTimeout(timer);
  targets.close();
  return { report: recorder.report(options.concurrency), completed, failed, started };
}
