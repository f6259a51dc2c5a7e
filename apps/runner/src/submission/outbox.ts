import { hkdfSync } from 'node:crypto';
import { Submission } from '@eq/schema';
import { MIN_SERVER_KEY_BYTES, ResponseCipher } from '../responses/crypto.ts';
import type { ResponseStore } from '../store/response-store.ts';

export const SUBMISSIONS_QUEUE = 'submissions';
/** Submissions the author app refused for good, or that could not be read: kept for an operator. */
export const DEAD_LETTER_QUEUE = 'submissions-dead';

/** Submissions are sealed with a key of their own (HKDF label), not the answer key itself. */
const OUTBOX_KEY_INFO = 'submission-outbox';
/** No respondent secret: any runner instance must be able to open the outbox. */
const NO_SECRET = '';

export interface OutboxOptions {
  store: ResponseStore;
  /** OUTBOX_KEY, or ANSWER_KEY when there is none (at least 32 bytes). */
  serverKey: string | Uint8Array;
  /** Milliseconds since the epoch (tests pass a fake clock). */
  now?: () => number;
}

/** A claimed submission: `submission` is undefined when its payload could not be opened or read. */
export interface ClaimedSubmission {
  id: string;
  /** How many times it was claimed before. */
  attempts: number;
  submission?: Submission;
  /** The sealed payload, as stored. */
  payload: string;
}

/**
 * The durable outbox of submissions, a queue in the response store: a submission waits here,
 * sealed (AES-256-GCM: it holds answers), until the author app has it. Enqueueing is idempotent on
 * the submission id, so a double submit queues one submission.
 */
export class Outbox {
  private readonly store: ResponseStore;
  private readonly cipher: ResponseCipher;
  readonly now: () => number;

  constructor(options: OutboxOptions) {
    const serverKey = typeof options.serverKey === 'string' ? Buffer.from(options.serverKey) : options.serverKey;
    if (serverKey.length < MIN_SERVER_KEY_BYTES) {
      throw new Error(`the outbox key must be at least ${MIN_SERVER_KEY_BYTES} bytes`);
    }
    this.store = options.store;
    this.cipher = new ResponseCipher(Buffer.from(hkdfSync('sha256', serverKey, 'eq-runner', OUTBOX_KEY_INFO, 32)));
    this.now = options.now ?? Date.now;
  }

  /**
   * Stores a submission, due at once or after `holdMs` (the time a caller delivering it right now
   * needs, so no worker delivers it at the same time). A submission already queued is left as it is.
   */
  async enqueue(submission: Submission, options: { holdMs?: number } = {}): Promise<void> {
    const dueAt = this.now() + (options.holdMs ?? 0);
    await this.store.enqueue(SUBMISSIONS_QUEUE, submission.submissionId, this.seal(submission), dueAt);
  }

  /** Claims up to `limit` due submissions for `leaseMs`; one not settled by then is claimed again. */
  async claim(limit: number, leaseMs: number): Promise<ClaimedSubmission[]> {
    const items = await this.store.claimDue(SUBMISSIONS_QUEUE, this.now(), limit, leaseMs);
    return items.map(({ id, attempts, payload }) => {
      const submission = this.open(id, payload);
      return { id, attempts, payload, ...(submission ? { submission } : {}) };
    });
  }

  /** The author app has it: removes it from the outbox. */
  async delivered(id: string): Promise<void> {
    await this.store.acknowledge(SUBMISSIONS_QUEUE, id);
  }

  /** Tries again in `delayMs`. */
  async retryLater(id: string, delayMs: number): Promise<void> {
    await this.store.reschedule(SUBMISSIONS_QUEUE, id, this.now() + delayMs);
  }

  /**
   * Moves a submission to the dead-letter queue (sealed as it was, or sealed now), adding it there
   * before it leaves the outbox, so it is never in neither.
   */
  async deadLetter(id: string, content: { payload: string } | { submission: Submission }): Promise<void> {
    const payload = 'payload' in content ? content.payload : this.seal(content.submission);
    await this.store.enqueue(DEAD_LETTER_QUEUE, id, payload, this.now());
    await this.store.acknowledge(SUBMISSIONS_QUEUE, id);
  }

  /** Submissions waiting for delivery, and in the dead-letter queue (for readiness and metrics). */
  async lengths(): Promise<{ pending: number; dead: number }> {
    const [pending, dead] = await Promise.all([
      this.store.queueLength(SUBMISSIONS_QUEUE),
      this.store.queueLength(DEAD_LETTER_QUEUE),
    ]);
    return { pending, dead };
  }

  private seal(submission: Submission): string {
    return this.cipher.seal(JSON.stringify(submission), submission.submissionId, NO_SECRET);
  }

  private open(id: string, payload: string): Submission | undefined {
    const json = this.cipher.open(payload, id, NO_SECRET);
    if (json === undefined) return undefined;
    try {
      const parsed = Submission.safeParse(JSON.parse(json));
      return parsed.success && parsed.data.submissionId === id ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
