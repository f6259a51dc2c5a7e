import { describe, expect, it } from 'vitest';
import { CachedLoader, type Loaded } from './cached-loader.ts';

function setUp(max = 10) {
  let time = 1_000;
  const stale: string[] = [];
  const cache = new CachedLoader<string>({
    max,
    now: () => time,
    retryAfterMs: 500,
    onStale: (key) => stale.push(key),
  });
  return { cache, stale, advance: (ms: number) => (time += ms) };
}

function counting(value: string, ttlMs: number) {
  const calls = { count: 0 };
  const load = async (): Promise<Loaded<string>> => {
    calls.count += 1;
    return { value: `${value}${calls.count}`, ttlMs };
  };
  return { calls, load };
}

describe('CachedLoader', () => {
  it('loads once and serves the value while it is fresh', async () => {
    const { cache, advance } = setUp();
    const { calls, load } = counting('v', 100);
    expect(await cache.get('k', load)).toBe('v1');
    advance(99);
    expect(await cache.get('k', load)).toBe('v1');
    expect(calls.count).toBe(1);
  });

  it('loads again once the time to live is over', async () => {
    const { cache, advance } = setUp();
    const { calls, load } = counting('v', 100);
    await cache.get('k', load);
    advance(100);
    expect(await cache.get('k', load)).toBe('v2');
    expect(calls.count).toBe(2);
  });

  it('shares one load between concurrent reads of a key', async () => {
    const { cache } = setUp();
    let release: () => void = () => {};
    let calls = 0;
    const load = () => {
      calls += 1;
      return new Promise<Loaded<string>>((resolve) => {
        release = () => resolve({ value: 'shared', ttlMs: 100 });
      });
    };
    const reads = Array.from({ length: 50 }, () => cache.get('k', load));
    release();
    expect(await Promise.all(reads)).toEqual(Array(50).fill('shared'));
    expect(calls).toBe(1);
  });

  it('serves the last value when a refresh fails, and tries again after the retry delay', async () => {
    const { cache, stale, advance } = setUp();
    await cache.get('k', async () => ({ value: 'old', ttlMs: 100 }));
    advance(100);
    let failures = 0;
    const failing = async (): Promise<Loaded<string>> => {
      failures += 1;
      throw new Error('down');
    };
    expect(await cache.get('k', failing)).toBe('old');
    expect(await cache.get('k', failing)).toBe('old');
    expect(failures).toBe(1);
    expect(stale).toEqual(['k']);
    advance(500);
    expect(await cache.get('k', async () => ({ value: 'new', ttlMs: 100 }))).toBe('new');
  });

  it('rejects when a load fails and there is no value to fall back on, and tries again next time', async () => {
    const { cache } = setUp();
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => ({ value: 'up', ttlMs: 100 }))).toBe('up');
  });

  it('gives a refresh the value it replaces, so it can bring it up to date', async () => {
    const { cache, advance } = setUp();
    const seen: (string | undefined)[] = [];
    const append = async (previous: string | undefined): Promise<Loaded<string>> => {
      seen.push(previous);
      return { value: `${previous ?? ''}+`, ttlMs: 100 };
    };
    expect(await cache.get('k', append)).toBe('+');
    advance(100);
    expect(await cache.get('k', append)).toBe('++');
    expect(seen).toEqual([undefined, '+']);
  });

  it('keeps at most max entries, evicting the least recently used', async () => {
    const { cache } = setUp(2);
    const { calls, load } = counting('v', Number.POSITIVE_INFINITY);
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('a', load);
    await cache.get('c', load);
    expect(cache.size).toBe(2);
    expect(calls.count).toBe(3);
    await cache.get('a', load);
    expect(calls.count).toBe(3);
    await cache.get('b', load);
    expect(calls.count).toBe(4);
  });
});
