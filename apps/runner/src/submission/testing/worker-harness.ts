import type { ServerResponse } from 'node:http';
import { captureLogger } from '../../questionnaires/testing/capture-logger.ts';
import { type FakeServer, type RecordedRequest, startFakeServer } from '../../questionnaires/testing/fake-server.ts';
import { MemoryStore } from '../../store/memory-store.ts';
import type { ResponseStore } from '../../store/response-store.ts';
import { authorClient } from '../author-client.ts';
import { type DeliveryWorker, type DeliveryWorkerOptions, startDeliveryWorker } from '../delivery-worker.ts';
import { Outbox } from '../outbox.ts';

export const OUTBOX_KEY = 'an-outbox-key-of-at-least-32-bytes!!';

/** How the fake author ingest endpoint answers one request. */
export type Ingest = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/**
 * A delivery set-up for tests: a fake author app (real HTTP on port 0), an outbox on a store with
 * a fake clock, and workers that poll every few real milliseconds but see only the fake time.
 */
export async function workerHarness(ingest: Ingest, store: ResponseStore = new MemoryStore()) {
  const clock = { time: 1_000_000 };
  const now = () => clock.time;
  const server: FakeServer = await startFakeServer(ingest);
  const log = captureLogger();
  const outbox = new Outbox({ store, serverKey: OUTBOX_KEY, now });
  const client = authorClient({ baseUrl: server.url, token: 'runner-service-token-0123456789', timeoutMs: 2_000 });
  const workers: DeliveryWorker[] = [];
  return {
    clock,
    server,
    log,
    outbox,
    store,
    start(options: Partial<DeliveryWorkerOptions> = {}): DeliveryWorker {
      const worker = startDeliveryWorker({
        outbox,
        deliver: client.deliverSubmission,
        logger: log.logger,
        intervalMs: 5,
        backoff: (attempts) => 5_000 * 2 ** attempts,
        ...options,
      });
      workers.push(worker);
      return worker;
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.stop()));
      await server.close();
      await store.close();
    },
  };
}
