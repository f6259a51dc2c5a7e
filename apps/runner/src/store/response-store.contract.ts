import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResponseStore, Versioned } from './response-store.ts';

/** A fresh, empty store for one test, and a way to let time pass for its TTLs. */
export interface StoreUnderTest {
  store: ResponseStore;
  /** Lets `ms` pass: a fake clock for the memory store, real time for Redis (so keep TTLs short). */
  elapse(ms: number): Promise<void>;
  /** Removes whatever the test left behind and closes the store. */
  dispose(): Promise<void>;
}

/** A short TTL: real Redis waits for it, so every TTL test stays well under a second. */
const TTL_SECONDS = 0.4;
const TTL_MS = TTL_SECONDS * 1000;
const DAY = 86_400;
const NOW = 1_750_000_000_000;
const LEASE = 30_000;

/** A record read, its value as UTF-8 text (the tests write text unless they test bytes). */
function asText(read: Versioned | undefined): { value: string; revision: number } | undefined {
  return read && { value: read.value.toString('utf8'), revision: read.revision };
}

/** The behaviour every ResponseStore must have; run by each implementation's test file. */
export function describeResponseStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (ResponseStore contract)`, () => {
    let subject: StoreUnderTest;
    let store: ResponseStore;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.dispose();
    });

    /** Writes with retry, as the responses layer does: re-read and re-apply on every conflict. */
    async function appendWithRetry(key: string, entry: string): Promise<void> {
      for (;;) {
        const current = await store.read(key);
        const list: string[] = current ? JSON.parse(current.value.toString('utf8')) : [];
        const written = await store.write(key, JSON.stringify([...list, entry]), current?.revision ?? 0, DAY);
        if (written !== undefined) return;
      }
    }

    describe('records', () => {
      it('reads nothing for a key never written', async () => {
        expect(await store.read('absent')).toBeUndefined();
      });

      it('creates a record at revision 1 and reads it back', async () => {
        expect(await store.write('r', 'first', 0, DAY)).toBe(1);
        expect(asText(await store.read('r'))).toEqual({ value: 'first', revision: 1 });
      });

      it('replaces a record written at its current revision and moves the revision on', async () => {
        await store.write('r', 'first', 0, DAY);
        expect(await store.write('r', 'second', 1, DAY)).toBe(2);
        expect(await store.write('r', 'third', 2, DAY)).toBe(3);
        expect(asText(await store.read('r'))).toEqual({ value: 'third', revision: 3 });
      });

      it('keeps values byte for byte, including unicode and separators', async () => {
        const value = 'Siân 👩‍👩‍👧 "quoted" \n\t . : {} \u0000 end';
        await store.write('r', value, 0, DAY);
        expect((await store.read('r'))?.value.toString('utf8')).toBe(value);
      });

      it('keeps bytes as they are, every byte value, whether or not they are UTF-8', async () => {
        const value = Buffer.concat([
          Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
          Buffer.of(0xc3, 0x28, 0xff),
        ]);
        await store.write('r', value, 0, DAY);
        expect((await store.read('r'))?.value.equals(value)).toBe(true);
        const large = randomBytes(64 * 1024);
        await store.write('r', large, 1, DAY);
        expect((await store.read('r'))?.value.equals(large)).toBe(true);
      });

      it('keeps what was written, whatever the writer or a reader does with its buffer afterwards', async () => {
        const value = Buffer.from('first');
        await store.write('r', value, 0, DAY);
        value.fill(0);
        const read = await store.read('r');
        read?.value.fill(0);
        expect(asText(await store.read('r'))).toEqual({ value: 'first', revision: 1 });
      });

      it('refuses to create a record that already exists', async () => {
        await store.write('r', 'first', 0, DAY);
        expect(await store.write('r', 'intruder', 0, DAY)).toBeUndefined();
        expect(asText(await store.read('r'))).toEqual({ value: 'first', revision: 1 });
      });

      it('refuses a write at a stale revision', async () => {
        await store.write('r', 'first', 0, DAY);
        await store.write('r', 'second', 1, DAY);
        expect(await store.write('r', 'stale', 1, DAY)).toBeUndefined();
        expect(asText(await store.read('r'))).toEqual({ value: 'second', revision: 2 });
      });

      it('refuses a write at a revision the record never had', async () => {
        expect(await store.write('r', 'ahead', 3, DAY)).toBeUndefined();
        expect(await store.read('r')).toBeUndefined();
        await store.write('r', 'first', 0, DAY);
        expect(await store.write('r', 'ahead', 5, DAY)).toBeUndefined();
        expect(await store.write('r', 'nonsense', Number.NaN, DAY)).toBeUndefined();
      });

      it('keeps records under different keys apart', async () => {
        await store.write('a', 'A', 0, DAY);
        await store.write('b', 'B', 0, DAY);
        await store.write('a', 'A2', 1, DAY);
        expect(asText(await store.read('a'))).toEqual({ value: 'A2', revision: 2 });
        expect(asText(await store.read('b'))).toEqual({ value: 'B', revision: 1 });
      });

      it('lets exactly one of two writers at the same revision win', async () => {
        await store.write('r', 'base', 0, DAY);
        const results = await Promise.all([store.write('r', 'left', 1, DAY), store.write('r', 'right', 1, DAY)]);
        const winners = results.filter((r) => r !== undefined);
        expect(winners).toEqual([2]);
        const winner = results[0] === 2 ? 'left' : 'right';
        expect(asText(await store.read('r'))).toEqual({ value: winner, revision: 2 });
      });

      it('lets exactly one of many creators win', async () => {
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.write('r', `c${i}`, 0, DAY)));
        expect(results.filter((r) => r === 1)).toHaveLength(1);
        expect(results.filter((r) => r === undefined)).toHaveLength(9);
      });

      it('lands every one of many concurrent writers that retry on conflict', async () => {
        const entries = Array.from({ length: 20 }, (_, i) => `writer-${i}`);
        await Promise.all(entries.map((entry) => appendWithRetry('r', entry)));
        const final = await store.read('r');
        expect(JSON.parse(final?.value.toString('utf8') ?? '[]').sort()).toEqual([...entries].sort());
        expect(final?.revision).toBe(20);
      });
    });

    describe('time to live', () => {
      it('reads a record until its time to live runs out, then nothing', async () => {
        await store.write('r', 'brief', 0, TTL_SECONDS);
        await subject.elapse(TTL_MS / 2);
        expect(asText(await store.read('r'))).toEqual({ value: 'brief', revision: 1 });
        await subject.elapse(TTL_MS);
        expect(await store.read('r')).toBeUndefined();
      });

      it('treats an expired record as absent when writing', async () => {
        await store.write('r', 'old', 0, TTL_SECONDS);
        await subject.elapse(TTL_MS * 1.5);
        expect(await store.write('r', 'stale', 1, DAY)).toBeUndefined();
        expect(await store.write('r', 'new', 0, DAY)).toBe(1);
        expect(asText(await store.read('r'))).toEqual({ value: 'new', revision: 1 });
      });

      it('starts the time to live again on every write', async () => {
        await store.write('r', 'first', 0, TTL_SECONDS);
        await subject.elapse(TTL_MS * 0.6);
        await store.write('r', 'second', 1, TTL_SECONDS);
        await subject.elapse(TTL_MS * 0.6);
        expect(asText(await store.read('r'))).toEqual({ value: 'second', revision: 2 });
      });
    });

    describe('claimOnce', () => {
      it('is true the first time a key is claimed and false after', async () => {
        expect(await store.claimOnce('jti-1', DAY)).toBe(true);
        expect(await store.claimOnce('jti-1', DAY)).toBe(false);
        expect(await store.claimOnce('jti-2', DAY)).toBe(true);
      });

      it('is true for exactly one of many claims at once', async () => {
        const results = await Promise.all(Array.from({ length: 10 }, () => store.claimOnce('jti', DAY)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('can be claimed again once its time to live has run out', async () => {
        await store.claimOnce('jti', TTL_SECONDS);
        await subject.elapse(TTL_MS * 1.5);
        expect(await store.claimOnce('jti', TTL_SECONDS)).toBe(true);
      });

      it('is separate from records of the same key', async () => {
        await store.write('same', 'record', 0, DAY);
        expect(await store.claimOnce('same', DAY)).toBe(true);
        expect(asText(await store.read('same'))).toEqual({ value: 'record', revision: 1 });
      });
    });

    describe('queue', () => {
      it('is empty before anything is queued', async () => {
        expect(await store.queueLength('outbox')).toBe(0);
        expect(await store.claimDue('outbox', NOW, 10, LEASE)).toEqual([]);
      });

      it('keeps the first payload and due time when an id is queued again', async () => {
        await store.enqueue('outbox', 's1', 'first', NOW);
        await store.enqueue('outbox', 's1', 'second', NOW + 1000);
        expect(await store.queueLength('outbox')).toBe(1);
        expect(await store.claimDue('outbox', NOW, 10, LEASE)).toEqual([{ id: 's1', payload: 'first', attempts: 0 }]);
      });

      it('claims only the items due, earliest first, up to the limit', async () => {
        await store.enqueue('outbox', 'later', 'L', NOW + 5000);
        await store.enqueue('outbox', 'second', 'B', NOW - 1000);
        await store.enqueue('outbox', 'first', 'A', NOW - 2000);
        await store.enqueue('outbox', 'third', 'C', NOW);
        const claimed = await store.claimDue('outbox', NOW, 2, LEASE);
        expect(claimed.map((item) => item.id)).toEqual(['first', 'second']);
        expect((await store.claimDue('outbox', NOW, 10, LEASE)).map((item) => item.id)).toEqual(['third']);
        expect(await store.queueLength('outbox')).toBe(4);
      });

      it('does not claim an item again while it is leased, and does after the lease', async () => {
        await store.enqueue('outbox', 's1', 'P', NOW);
        expect(await store.claimDue('outbox', NOW, 10, LEASE)).toHaveLength(1);
        expect(await store.claimDue('outbox', NOW + LEASE - 1, 10, LEASE)).toEqual([]);
        expect(await store.claimDue('outbox', NOW + LEASE, 10, LEASE)).toEqual([
          { id: 's1', payload: 'P', attempts: 1 },
        ]);
        expect(await store.claimDue('outbox', NOW + 3 * LEASE, 10, LEASE)).toEqual([
          { id: 's1', payload: 'P', attempts: 2 },
        ]);
      });

      it('never hands the same item to two claimers at once', async () => {
        const ids = Array.from({ length: 12 }, (_, i) => `s${String(i).padStart(2, '0')}`);
        for (const id of ids) await store.enqueue('outbox', id, id, NOW);
        const batches = await Promise.all([1, 2, 3].map(() => store.claimDue('outbox', NOW, 5, LEASE)));
        const claimed = batches.flat().map((item) => item.id);
        expect(new Set(claimed).size).toBe(claimed.length);
        expect([...claimed].sort()).toEqual(ids);
      });

      it('forgets an acknowledged item', async () => {
        await store.enqueue('outbox', 's1', 'P', NOW);
        await store.enqueue('outbox', 's2', 'Q', NOW);
        await store.claimDue('outbox', NOW, 10, LEASE);
        await store.acknowledge('outbox', 's1');
        expect(await store.queueLength('outbox')).toBe(1);
        expect(await store.claimDue('outbox', NOW + LEASE, 10, LEASE)).toEqual([
          { id: 's2', payload: 'Q', attempts: 1 },
        ]);
      });

      it('starts the attempts again for an id queued after it was acknowledged', async () => {
        await store.enqueue('outbox', 's1', 'P', NOW);
        await store.claimDue('outbox', NOW, 10, LEASE);
        await store.acknowledge('outbox', 's1');
        await store.enqueue('outbox', 's1', 'P2', NOW);
        expect(await store.claimDue('outbox', NOW, 10, LEASE)).toEqual([{ id: 's1', payload: 'P2', attempts: 0 }]);
      });

      it('makes a rescheduled item due at its new time, not before', async () => {
        await store.enqueue('outbox', 's1', 'P', NOW);
        await store.claimDue('outbox', NOW, 10, LEASE);
        await store.reschedule('outbox', 's1', NOW + 5000);
        expect(await store.claimDue('outbox', NOW + 4999, 10, LEASE)).toEqual([]);
        expect(await store.claimDue('outbox', NOW + 5000, 10, LEASE)).toEqual([
          { id: 's1', payload: 'P', attempts: 1 },
        ]);
      });

      it('can bring a leased item back early by rescheduling it to now', async () => {
        await store.enqueue('outbox', 's1', 'P', NOW);
        await store.claimDue('outbox', NOW, 10, LEASE);
        await store.reschedule('outbox', 's1', NOW);
        expect(await store.claimDue('outbox', NOW, 10, LEASE)).toHaveLength(1);
      });

      it('does not bring back an acknowledged item when it is rescheduled', async () => {
        await store.enqueue('outbox', 's1', 'P', NOW);
        await store.acknowledge('outbox', 's1');
        await store.reschedule('outbox', 's1', NOW);
        expect(await store.queueLength('outbox')).toBe(0);
        expect(await store.claimDue('outbox', NOW, 10, LEASE)).toEqual([]);
      });

      it('ignores acknowledging or rescheduling an id that was never queued', async () => {
        await store.acknowledge('outbox', 'ghost');
        await store.reschedule('outbox', 'ghost', NOW);
        expect(await store.queueLength('outbox')).toBe(0);
      });

      it('keeps queues apart', async () => {
        await store.enqueue('a', 's1', 'A', NOW);
        await store.enqueue('b', 's1', 'B', NOW);
        await store.acknowledge('a', 's1');
        expect(await store.queueLength('a')).toBe(0);
        expect(await store.claimDue('b', NOW, 10, LEASE)).toEqual([{ id: 's1', payload: 'B', attempts: 0 }]);
      });
    });

    describe('ping and close', () => {
      it('pings while open', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('fails a ping once closed', async () => {
        await store.close();
        await expect(store.ping()).rejects.toThrow();
      });
    });
  });
}
