import type { Submission } from '@eq/schema';
import type { Logger } from '../logger.ts';
import type { Deliver, DeliveryResult } from './author-client.ts';
import { exponentialBackoff } from './backoff.ts';
import type { Outbox } from './outbox.ts';

export interface DeliveryWorkerOptions {
  outbox: Outbox;
  deliver: Deliver;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Pause between polls of the outbox when it has nothing more due (default 1 s). */
  intervalMs?: number;
  /** Submissions claimed per poll and delivered in parallel (default 10). */
  batch?: number;
  /** How long a claimed submission is hidden from other instances (default 60 s): longer than a delivery attempt. */
  leaseMs?: number;
  /** Delay before the next try after `attempts` failed ones (default: 5 s doubling to 1 h, jittered). */
  backoff?: (attempts: number) => number;
}

/** Where a submission stands after an attempt: with the author app, waiting to be retried, or dead-lettered. */
export type DeliveryOutcome = 'delivered' | 'queued' | 'dead';

export interface DeliveryWorker {
  /**
   * Queues a submission durably (rejecting only if the outbox cannot store it), then tries to
   * deliver it once at once; when that fails, the workers of every instance retry it.
   */
  deliverNow(submission: Submission): Promise<DeliveryOutcome>;
  /** Stops polling and waits for the deliveries in flight (graceful shutdown). */
  stop(): Promise<void>;
}

interface Attempt {
  id: string;
  /** Failed tries before this one. */
  attempts: number;
  submission: Submission;
}

/**
 * Delivers the outbox to the author app. Every runner instance runs one: each poll claims the
 * submissions due (a lease keeps two instances from delivering one at once, and brings back the
 * submissions of an instance that died), delivers them in parallel, and acknowledges, retries with
 * backoff, or dead-letters each one. Logs carry submission ids, never payloads or answers.
 */
export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { outbox, deliver, logger } = options;
  const intervalMs = options.intervalMs ?? 1_000;
  const batch = options.batch ?? 10;
  const leaseMs = options.leaseMs ?? 60_000;
  const backoff = options.backoff ?? exponentialBackoff();
  const inFlight = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;

  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work);
    const forget = () => inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  function schedule(delayMs: number): void {
    if (stopping) return;
    timer = setTimeout(() => {
      timer = undefined;
      track(poll());
    }, delayMs);
    timer.unref();
  }

  async function poll(): Promise<void> {
    let claimed: Awaited<ReturnType<Outbox['claim']>> = [];
    try {
      claimed = await outbox.claim(batch, leaseMs);
    } catch (error) {
      logger.warn({ err: describe(error) }, 'submission outbox unreachable');
    }
    await Promise.all(
      claimed.map(async (item) => {
        if (item.submission) return attempt({ id: item.id, attempts: item.attempts, submission: item.submission });
        logger.error(
          { submissionId: item.id },
          'submission in the outbox cannot be read: moving it to the dead-letter queue',
        );
        await settle(item.id, () => outbox.deadLetter(item.id, { payload: item.payload }));
      }),
    );
    // A full batch means more may be due: carry on at once.
    schedule(claimed.length >= batch ? 0 : intervalMs);
  }

  async function attempt({ id, attempts, submission }: Attempt): Promise<DeliveryOutcome> {
    const result = await deliver(submission).catch(
      (error): DeliveryResult => ({ outcome: 'retry', reason: describe(error) }),
    );
    const fields = { submissionId: id, attempt: attempts + 1 };
    switch (result.outcome) {
      case 'delivered':
        logger.info({ ...fields, status: result.status }, 'submission delivered');
        await settle(id, () => outbox.delivered(id));
        return 'delivered';
      case 'retry': {
        const retryInMs = backoff(attempts);
        logger.warn({ ...fields, reason: result.reason, retryInMs }, 'submission delivery failed: will retry');
        await settle(id, () => outbox.retryLater(id, retryInMs));
        return 'queued';
      }
      case 'rejected':
        logger.error(
          { ...fields, status: result.status, reason: result.reason },
          'submission rejected by the author api: kept in the dead-letter queue',
        );
        await settle(id, () => outbox.deadLetter(id, { submission }));
        return 'dead';
    }
  }

  /** A failed outbox update loses nothing: the submission comes back when its lease ends. */
  async function settle(id: string, update: () => Promise<void>): Promise<void> {
    try {
      await update();
    } catch (error) {
      logger.error(
        { submissionId: id, err: describe(error) },
        'submission outbox update failed: retried after the lease',
      );
    }
  }

  schedule(0);

  return {
    async deliverNow(submission) {
      // Held for a lease, so no worker claims it while this attempt runs.
      await outbox.enqueue(submission, { holdMs: stopping ? 0 : leaseMs });
      if (stopping) return 'queued';
      return track(attempt({ id: submission.submissionId, attempts: 0, submission }));
    },

    async stop() {
      stopping = true;
      clearTimeout(timer);
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
