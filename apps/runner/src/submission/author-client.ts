import type { Submission } from '@eq/schema';

/**
 * What became of one delivery attempt. `retry`: try again later (5xx, 408, 429, network, timeout);
 * `rejected`: the author app refused it for good (any other 4xx), trying again cannot help.
 */
export type DeliveryResult =
  | { outcome: 'delivered'; status: number }
  | { outcome: 'retry'; reason: string; status?: number }
  | { outcome: 'rejected'; reason: string; status: number };

export type Deliver = (submission: Submission) => Promise<DeliveryResult>;

export interface AuthorClientOptions {
  /** AUTHOR_API_URL (a path prefix is kept). */
  baseUrl: string;
  /** AUTHOR_API_TOKEN: the runner's service credential. */
  token: string;
  fetch?: typeof fetch;
  /** Each attempt's limit (default 10 s); keep it well under the outbox lease. */
  timeoutMs?: number;
}

const RETRYABLE_CLIENT_ERRORS = new Set([408, 429]);
/** An error code from the author app's `{"error": {"code"}}` body; messages are not kept (they may quote answers). */
const ERROR_CODE = /^[A-Za-z0-9_.-]{1,60}$/;

/**
 * Delivers submissions to the author app: `POST {AUTHOR_API_URL}/api/v1/submissions` with the
 * service credential, idempotent on the submission id (`Idempotency-Key`), so a retry of a
 * submission the author app already has is answered 409 (or 2xx) and counts as delivered.
 */
export function authorClient(options: AuthorClientOptions): { deliverSubmission: Deliver } {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/submissions`;
  const send = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function deliverSubmission(submission: Submission): Promise<DeliveryResult> {
    let response: Response;
    try {
      response = await send(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': submission.submissionId,
        },
        body: JSON.stringify(submission),
        // A redirect would turn the POST into a GET elsewhere: treat it as the failure it is.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { outcome: 'retry', reason: describe(error) };
    }
    const { status } = response;
    if ((status >= 200 && status < 300) || status === 409) {
      await response.body?.cancel().catch(() => {});
      return { outcome: 'delivered', status };
    }
    const code = await errorCode(response);
    const reason = `HTTP ${status}${code ? ` ${code}` : ''}`;
    if (status >= 400 && status < 500 && !RETRYABLE_CLIENT_ERRORS.has(status)) {
      return { outcome: 'rejected', reason, status };
    }
    return { outcome: 'retry', reason, status };
  }

  return { deliverSubmission };
}

async function errorCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } } | null;
    const code = body?.error?.code;
    return typeof code === 'string' && ERROR_CODE.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  // fetch reports "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, …) is in its cause.
  const cause = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof cause === 'string' ? `${error.message} (${cause})` : error.message;
}
