import { MemoryStore } from '../store/memory-store.ts';
import type { QueuedItem, ResponseStore, Versioned } from '../store/response-store.ts';

/**
 * A memory store a test can watch and break: it records the keys written, and fails reads or
 * pings on demand (a Redis that went away) to show the error and readiness pages.
 */
export class ObservedStore implements ResponseStore {
  private readonly inner = new MemoryStore();
  /** Keys of every successful `write`, in order. */
  readonly writtenKeys: string[] = [];
  failReads = false;
  failPings = false;

  async read(key: string): Promise<Versioned | undefined> {
    if (this.failReads) throw new Error('store read failed (ObservedStore.failReads)');
    return this.inner.read(key);
  }

  async write(
    key: string,
    value: string | Uint8Array,
    revision: number,
    ttlSeconds: number,
  ): Promise<number | undefined> {
    const written = await this.inner.write(key, value, revision, ttlSeconds);
    if (written !== undefined) this.writtenKeys.push(key);
    return written;
  }

  claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
    return this.inner.claimOnce(key, ttlSeconds);
  }

  enqueue(queue: string, id: string, payload: string, dueAt: number): Promise<void> {
    return this.inner.enqueue(queue, id, payload, dueAt);
  }

  claimDue(queue: string, now: number, limit: number, leaseMs: number): Promise<QueuedItem[]> {
    return this.inner.claimDue(queue, now, limit, leaseMs);
  }

  acknowledge(queue: string, id: string): Promise<void> {
    return this.inner.acknowledge(queue, id);
  }

  reschedule(queue: string, id: string, dueAt: number): Promise<void> {
    return this.inner.reschedule(queue, id, dueAt);
  }

  queueLength(queue: string): Promise<number> {
    return this.inner.queueLength(queue);
  }

  async ping(): Promise<void> {
    if (this.failPings) throw new Error('store unreachable (ObservedStore.failPings)');
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
