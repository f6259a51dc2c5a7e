import { setTimeout as sleep } from 'node:timers/promises';
import { MemoryStore } from '../store/memory-store.ts';
import type { Versioned } from '../store/response-store.ts';

/**
 * A memory store as slow as a store across a network: every read and write waits a random moment
 * (up to `maxDelayMs`), so requests for the same response really interleave between reading a
 * record and writing it back, as they do on Redis. In the plain memory store they never would,
 * and a lost update could not show.
 */
export class LatentStore extends MemoryStore {
  constructor(private readonly maxDelayMs = 4) {
    super();
  }

  override async read(key: string): Promise<Versioned | undefined> {
    await this.pause();
    return super.read(key);
  }

  override async write(
    key: string,
    value: string | Uint8Array,
    revision: number,
    ttlSeconds: number,
  ): Promise<number | undefined> {
    await this.pause();
    return super.write(key, value, revision, ttlSeconds);
  }

  private pause(): Promise<void> {
    return sleep(Math.random() * this.maxDelayMs);
  }
}
