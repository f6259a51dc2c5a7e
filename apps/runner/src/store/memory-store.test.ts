import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from './memory-store.ts';
import { describeResponseStoreContract } from './response-store.contract.ts';

function fakeClock(start = 1_750_000_000_000): { now: () => number; advance(ms: number): void } {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}

describeResponseStoreContract('MemoryStore', async () => {
  const clock = fakeClock();
  const store = new MemoryStore({ now: clock.now });
  return { store, elapse: async (ms) => clock.advance(ms), dispose: () => store.close() };
});

describe('MemoryStore housekeeping', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sweeps out expired records and claims on its timer', async () => {
    vi.useFakeTimers();
    const clock = fakeClock();
    const store = new MemoryStore({ now: clock.now, sweepIntervalMs: 1000 });
    await store.write('short', 'x', 0, 1);
    await store.claimOnce('jti', 1);
    await store.write('long', 'y', 0, 3600);
    clock.advance(2000);
    expect(store.size).toBe(3);
    vi.advanceTimersByTime(1000);
    expect(store.size).toBe(1);
    expect(await store.read('long')).toEqual({ value: Buffer.from('y'), revision: 1 });
    await store.close();
  });

  it('drops an expired record when it is read', async () => {
    const clock = fakeClock();
    const store = new MemoryStore({ now: clock.now });
    await store.write('short', 'x', 0, 1);
    clock.advance(1000);
    expect(await store.read('short')).toBeUndefined();
    expect(store.size).toBe(0);
    await store.close();
  });

  it('stops its sweep timer on close', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    expect(vi.getTimerCount()).toBe(1);
    await store.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not keep the process alive with its sweep timer', async () => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const store = new MemoryStore();
    const timer = setIntervalSpy.mock.results[0]?.value as NodeJS.Timeout;
    setIntervalSpy.mockRestore();
    expect(timer.hasRef()).toBe(false);
    await store.close();
  });
});
