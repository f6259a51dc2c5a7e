import { createRequire } from 'node:module';
import { emptyState } from '@eq/engine';
import { answerAll } from '@eq/engine/testing';
import { Questionnaire } from '@eq/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../store/memory-store.ts';
import { describeWithRedis, openTestRedisStore } from '../store/redis-testing.ts';
import type { StoreUnderTest } from '../store/response-store.contract.ts';
import type { ResponseStore } from '../store/response-store.ts';
import { ResponseCipher } from './crypto.ts';
import {
  MalformedResponseError,
  ResponseConflictError,
  ResponseRepository,
  samePlainValue,
} from './response-repository.ts';
import type { StoredResponse } from './stored-response.ts';

const SERVER_KEY = 'server-key-of-at-least-thirty-two-bytes!';
const SECRET = 'c2VjcmV0LW9mLXRoZS1yZXNwb25kZW50LTMyYnl0ZXM';
const NOW = Date.parse('2025-06-01T09:15:00.000Z');
const CENSUS = Questionnaire.parse(createRequire(import.meta.url)('@eq/schema/examples/census-household.json'));

function response(responseId: string, answers: Record<string, unknown> = {}): StoredResponse {
  return {
    responseId,
    questionnaire: { slug: 'census-household', version: 3 },
    state: { ...emptyState({ ru_ref: '100000000001' }), answers },
    status: 'inProgress',
    language: 'cy',
    respondentRef: '100000000001',
    startedAt: '2025-06-01T09:15:00.000Z',
    updatedAt: '2025-06-01T09:15:00.000Z',
  };
}

function describeRepository(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`ResponseRepository on ${name}`, () => {
    let subject: StoreUnderTest;
    let store: ResponseStore;
    let now: number;
    let repository: ResponseRepository;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
      now = NOW;
      repository = new ResponseRepository({ store, serverKey: SERVER_KEY, now: () => now });
    });
    afterEach(async () => {
      await subject.dispose();
    });

    it('loads a created response as it was created, with the time of the write', async () => {
      now = NOW + 5000;
      expect(await repository.create(response('r1', { name: 'Siân' }), SECRET)).toBe(true);
      expect(await repository.load('r1', SECRET)).toEqual({
        ...response('r1', { name: 'Siân' }),
        updatedAt: '2025-06-01T09:15:05.000Z',
      });
    });

    it('keeps the state object an update wrote when it reads back the same (the engine remembers its path)', async () => {
      await repository.create(response('r1'), SECRET);
      const state = { ...emptyState({ ru_ref: '100000000001' }), answers: { name: 'Siân', ages: [3, 4] } };
      const updated = await repository.update('r1', SECRET, (current) => ({ ...current, state }));
      expect(updated?.state).toBe(state);
      expect((await repository.load('r1', SECRET))?.state).toBe(state);
    });

    it('keeps the state as read back when it differs from the one written', async () => {
      await repository.create(response('r1'), SECRET);
      const state = { ...emptyState({ ru_ref: '100000000001' }), answers: { name: 'Siân', gone: undefined } };
      const updated = await repository.update('r1', SECRET, (current) => ({ ...current, state }));
      expect(updated?.state).not.toBe(state);
      expect(updated?.state.answers).toEqual({ name: 'Siân' });
      expect(Object.keys(updated?.state.answers ?? {})).toEqual(['name']);
    });

    it('returns for census households the record a fresh load reads, keeping the state object', async () => {
      await repository.create(response('r1'), SECRET);
      const fresh = new ResponseRepository({ store, serverKey: SERVER_KEY });
      for (const seed of [1, 2, 3, 4, 5]) {
        const state = answerAll(CENSUS, 1 + seed, { today: '2025-06-01', seed }).state;
        const updated = await repository.update('r1', SECRET, (current) => ({ ...current, state }));
        expect(updated?.state).toBe(state);
        const loaded = await fresh.load('r1', SECRET);
        expect(loaded).toStrictEqual(updated);
        expect(JSON.stringify(loaded)).toBe(JSON.stringify(updated));
      }
    });

    it('stores what JSON makes of a date, NaN, -0 or an undefined, and returns it as read back', async () => {
      await repository.create(response('r1'), SECRET);
      const fresh = new ResponseRepository({ store, serverKey: SERVER_KEY });
      const answers = { when: new Date(0), ratio: Number.NaN, zero: -0, list: [undefined], gone: undefined };
      const state = { ...emptyState({ ru_ref: '100000000001' }), answers };
      const updated = await repository.update('r1', SECRET, (current) => ({ ...current, state }));
      expect(updated?.state).not.toBe(state);
      expect(updated?.state.answers).toStrictEqual({
        when: '1970-01-01T00:00:00.000Z',
        ratio: null,
        zero: 0,
        list: [null],
      });
      expect(await fresh.load('r1', SECRET)).toStrictEqual(updated);
    });

    it('loads nothing for a response never created', async () => {
      expect(await repository.load('never', SECRET)).toBeUndefined();
    });

    it('does not create a response that already exists', async () => {
      await repository.create(response('r1', { name: 'first' }), SECRET);
      expect(await repository.create(response('r1', { name: 'second' }), SECRET)).toBe(false);
      expect((await repository.load('r1', SECRET))?.state.answers).toEqual({ name: 'first' });
    });

    it('keeps nothing readable in the store: no answers, no ids, no metadata', async () => {
      await repository.create(response('resp-0001', { name: 'Siân Evans' }), SECRET);
      const sealed = (await store.read('response:resp-0001'))?.value ?? Buffer.alloc(0);
      expect(sealed[0]).toBe(0x02);
      for (const plain of ['Siân', 'Evans', 'census', '100000000001', 'resp-0001', 'inProgress']) {
        expect(sealed.includes(Buffer.from(plain, 'utf8'))).toBe(false);
        expect(sealed.includes(Buffer.from(plain, 'latin1'))).toBe(false);
      }
    });

    it('cannot be read with another respondent secret', async () => {
      await repository.create(response('r1'), SECRET);
      expect(await repository.load('r1', 'another-secret-of-another-respondent')).toBeUndefined();
      expect(await repository.load('r1', '')).toBeUndefined();
    });

    it('cannot be read with another server key', async () => {
      await repository.create(response('r1'), SECRET);
      const elsewhere = new ResponseRepository({ store, serverKey: 'another-server-key-of-thirty-two-bytes!!' });
      expect(await elsewhere.load('r1', SECRET)).toBeUndefined();
    });

    it('reads a tampered record as nothing, though it remembers the record it wrote', async () => {
      await repository.create(response('r1'), SECRET);
      const stored = await store.read('response:r1');
      const bytes = Buffer.from(stored?.value ?? '');
      bytes[20] = (bytes[20] ?? 0) ^ 0xff;
      await store.write('response:r1', bytes, 1, 60);
      expect(await repository.load('r1', SECRET)).toBeUndefined();
      expect(await repository.update('r1', SECRET, (current) => current)).toBeUndefined();
    });

    it('serves a remembered record only while the store holds exactly the bytes it came from', async () => {
      await repository.create(response('r1', { name: 'Siân' }), SECRET);
      const stored = (await store.read('response:r1'))?.value ?? Buffer.alloc(0);
      const longer = Buffer.concat([stored, Buffer.of(0)]);
      await store.write('response:r1', longer, 1, 60);
      expect(await repository.load('r1', SECRET)).toBeUndefined();
      await store.write('response:r1', stored, 2, 60);
      expect((await repository.load('r1', SECRET))?.state.answers).toEqual({ name: 'Siân' });
    });

    it('reads a record moved under another response id as nothing', async () => {
      await repository.create(response('r1'), SECRET);
      const stored = await store.read('response:r1');
      await store.write('response:r2', stored?.value ?? '', 0, 60);
      expect(await repository.load('r2', SECRET)).toBeUndefined();
    });

    it('reads a record that decrypts but is not a well-formed response as nothing', async () => {
      const cipher = new ResponseCipher(SERVER_KEY);
      const bad = [
        'not json',
        '[]',
        JSON.stringify({ ...response('r1'), status: 'lost' }),
        JSON.stringify({ ...response('r1'), state: 'none' }),
        JSON.stringify({ ...response('r1'), startedAt: 'yesterday' }),
        JSON.stringify(response('another-id')),
      ];
      const key = cipher.keyFor('r1', SECRET);
      for (const [i, json] of bad.entries()) {
        await store.write(`response:r1`, cipher.seal(json, 'r1', SECRET), 2 * i, 60);
        expect(await repository.load('r1', SECRET)).toBeUndefined();
        await store.write(`response:r1`, cipher.sealBytesWith(key, json, 'r1'), 2 * i + 1, 60);
        expect(await repository.load('r1', SECRET)).toBeUndefined();
      }
    });

    it('opens a record an older runner wrote in the text form, and writes it back in the bytes form', async () => {
      const cipher = new ResponseCipher(SERVER_KEY);
      const older = response('r1', { name: 'Siân' });
      await store.write('response:r1', cipher.seal(JSON.stringify(older), 'r1', SECRET), 0, 60);
      const loaded = await repository.load('r1', SECRET);
      expect(loaded).toStrictEqual(older);
      expect(await repository.load('r1', SECRET)).toBe(loaded);
      const updated = await repository.update('r1', SECRET, (current) => ({ ...current, language: 'en' }), loaded);
      expect((await store.read('response:r1'))?.value[0]).toBe(0x02);
      expect(await new ResponseRepository({ store, serverKey: SERVER_KEY }).load('r1', SECRET)).toStrictEqual(updated);
    });

    it('writes the text form when asked, which a runner before the bytes form reads, and opens it once', async () => {
      const textual = new ResponseRepository({ store, serverKey: SERVER_KEY, sealedForm: 'text' });
      await textual.create(response('r1', { name: 'Siân' }), SECRET);
      const updated = await textual.update('r1', SECRET, (current) => ({ ...current, language: 'en' }));
      // What an older runner did: read the value as UTF-8 text, open it as the text form.
      const text = (await store.read('response:r1'))?.value.toString('utf8') ?? '';
      expect(text).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
      const opened = new ResponseCipher(SERVER_KEY).open(text, 'r1', SECRET);
      expect(JSON.parse(opened ?? 'null')).toStrictEqual(updated);
      const opens = vi.spyOn(ResponseCipher.prototype, 'openWith');
      expect(await textual.load('r1', SECRET)).toBe(updated);
      expect(opens).not.toHaveBeenCalled();
      opens.mockRestore();
      expect(await repository.load('r1', SECRET)).toStrictEqual(updated);
    });

    it('normalises the stored state when reading it', async () => {
      const record = response('r1');
      record.state = { ...record.state, lists: { people: { items: ['ok', 'not ok!', 'ok'] } } };
      await repository.create(record, SECRET);
      expect((await repository.load('r1', SECRET))?.state.lists).toEqual({ people: { items: ['ok'] } });
    });

    it('refuses response ids it cannot store, without throwing', async () => {
      expect(await repository.create(response(''), SECRET)).toBe(false);
      expect(await repository.create(response('x'.repeat(101)), SECRET)).toBe(false);
      expect(await repository.load('x'.repeat(101), SECRET)).toBeUndefined();
      expect(await repository.create(response('r1'), '')).toBe(false);
    });

    it('applies a change, stamps the time and returns the record as stored', async () => {
      await repository.create(response('r1'), SECRET);
      now = NOW + 60_000;
      const updated = await repository.update('r1', SECRET, (current) => ({
        ...current,
        state: { ...current.state, answers: { ...current.state.answers, name: 'Cai' } },
      }));
      expect(updated?.state.answers).toEqual({ name: 'Cai' });
      expect(updated?.updatedAt).toBe('2025-06-01T09:16:00.000Z');
      expect(await repository.load('r1', SECRET)).toEqual(updated);
    });

    it('keeps the response id whatever the change returns', async () => {
      await repository.create(response('r1'), SECRET);
      await repository.update('r1', SECRET, (current) => ({ ...current, responseId: 'r2' }));
      expect((await repository.load('r1', SECRET))?.responseId).toBe('r1');
      expect(await repository.load('r2', SECRET)).toBeUndefined();
    });

    it('writes nothing when the change returns undefined, and returns the record as it is', async () => {
      await repository.create(response('r1', { name: 'Siân' }), SECRET);
      const before = await store.read('response:r1');
      const result = await repository.update('r1', SECRET, () => undefined);
      expect(result?.state.answers).toEqual({ name: 'Siân' });
      expect(await store.read('response:r1')).toEqual(before);
    });

    it('refuses to store a record that would not read back, keeping the one stored', async () => {
      await repository.create(response('r1', { name: 'Siân' }), SECRET);
      const broken = repository.update('r1', SECRET, (current) => ({ ...current, startedAt: 'a while ago' }));
      await expect(broken).rejects.toThrow(MalformedResponseError);
      await expect(broken).rejects.toThrow('(startedAt)');
      await expect(repository.create({ ...response('r2'), status: 'lost' as 'submitted' }, SECRET)).rejects.toThrow(
        MalformedResponseError,
      );
      expect((await repository.load('r1', SECRET))?.state.answers).toEqual({ name: 'Siân' });
      expect(await store.read('response:r2')).toBeUndefined();
    });

    it('refuses records of plain data the schema refuses, naming the fields and never the values', async () => {
      await repository.create(response('r1', { name: 'Siân' }), SECRET);
      const before = await store.read('response:r1');
      const changes: [Partial<StoredResponse>, string[]][] = [
        [{ questionnaire: { slug: 'census-household', version: -1 } }, ['questionnaire.version']],
        [{ questionnaire: { slug: '', version: 1.5 } }, ['questionnaire.slug', 'questionnaire.version']],
        [{ language: '', startedAt: '2025-02-29T09:15:00.000Z' }, ['language', 'startedAt']],
        [{ submittedAt: 'Siân', submissionId: '' }, ['submittedAt', 'submissionId']],
      ];
      for (const [change, fields] of changes) {
        const broken = repository.update('r1', SECRET, (current) => ({ ...current, ...change }));
        await expect(broken).rejects.toThrow(MalformedResponseError);
        const error = (await broken.catch((e: unknown) => e)) as MalformedResponseError;
        expect(error.fields).toEqual(fields);
        expect(error.message).not.toContain('Siân');
      }
      expect(await store.read('response:r1')).toEqual(before);
    });

    it('returns the record as a later load reads it', async () => {
      await repository.create(response('r1'), SECRET);
      const updated = await repository.update('r1', SECRET, (current) => ({
        ...current,
        state: { ...current.state, lists: { people: { items: ['a', 'b'], primary: 'b' } } },
      }));
      expect(updated?.state.lists).toEqual({ people: { items: ['b', 'a'], primary: 'b' } });
      expect(await repository.load('r1', SECRET)).toEqual(updated);
    });

    it('starts an update from the record the request loaded, without reading the store again', async () => {
      await repository.create(response('r1', { name: 'Siân' }), SECRET);
      const loaded = await repository.load('r1', SECRET);
      const reads = vi.spyOn(store, 'read');
      const seen: StoredResponse[] = [];
      const updated = await repository.update(
        'r1',
        SECRET,
        (current) => {
          seen.push(current);
          return { ...current, language: 'en' };
        },
        loaded,
      );
      expect(seen).toHaveLength(1);
      expect(seen[0]).toBe(loaded);
      await repository.update('r1', SECRET, (current) => ({ ...current, language: 'cy' }), updated);
      expect(reads).not.toHaveBeenCalled();
      reads.mockRestore();
      expect(await repository.load('r1', SECRET)).toMatchObject({
        language: 'cy',
        state: { answers: { name: 'Siân' } },
      });
    });

    it('reads back what it wrote as the same record, without opening the sealed value again', async () => {
      await repository.create(response('r1', { name: 'Siân' }), SECRET);
      const updated = await repository.update('r1', SECRET, (current) => ({ ...current, language: 'en' }));
      const opens = vi.spyOn(ResponseCipher.prototype, 'openWith');
      const first = await repository.load('r1', SECRET);
      expect(first).toBe(updated);
      expect(await repository.load('r1', SECRET)).toBe(first);
      expect(opens).not.toHaveBeenCalled();
      opens.mockRestore();
    });

    it('opens the record again when another instance wrote it since, and never serves a remembered one to another secret', async () => {
      await repository.create(response('r1', { name: 'Siân' }), SECRET);
      const seen = await repository.load('r1', SECRET);
      const other = new ResponseRepository({ store, serverKey: SERVER_KEY, now: () => now });
      await other.update('r1', SECRET, (current) => ({
        ...current,
        state: { ...current.state, answers: { name: 'Ifan' } },
      }));
      const reloaded = await repository.load('r1', SECRET);
      expect(reloaded).not.toBe(seen);
      expect(reloaded?.state.answers).toEqual({ name: 'Ifan' });
      expect(await repository.load('r1', 'YW5vdGhlci1zZWNyZXQtb2YtdGhpcnR5LXR3by1ieXRlcw')).toBeUndefined();
    });

    it('opens a record another instance wrote with the key it derived already for that secret', async () => {
      await repository.create(response('r1', { name: 'Siân' }), SECRET);
      const other = new ResponseRepository({ store, serverKey: SERVER_KEY, now: () => now });
      await other.update('r1', SECRET, (current) => ({ ...current, language: 'en' }));
      const derivations = vi.spyOn(ResponseCipher.prototype, 'keyFor');
      expect((await repository.load('r1', SECRET))?.language).toBe('en');
      expect(derivations).not.toHaveBeenCalled();
      expect(await repository.load('r1', 'YW5vdGhlci1zZWNyZXQtb2YtdGhpcnR5LXR3by1ieXRlcw')).toBeUndefined();
      expect(derivations).toHaveBeenCalledTimes(1);
      derivations.mockRestore();
    });

    it('applies the change again to the newer record when another write came after the load', async () => {
      await repository.create(response('r1'), SECRET);
      const loaded = await repository.load('r1', SECRET);
      await repository.update('r1', SECRET, (current) => ({
        ...current,
        state: { ...current.state, answers: { ...current.state.answers, other: 'tab' } },
      }));
      const seen: Record<string, unknown>[] = [];
      await repository.update(
        'r1',
        SECRET,
        (current) => {
          seen.push(current.state.answers);
          return { ...current, state: { ...current.state, answers: { ...current.state.answers, mine: 'this tab' } } };
        },
        loaded,
      );
      expect(seen).toEqual([{}, { other: 'tab' }]);
      expect((await repository.load('r1', SECRET))?.state.answers).toEqual({ other: 'tab', mine: 'this tab' });
    });

    it('reads the store for an update given a record it did not read, or read for another response', async () => {
      await repository.create(response('r1', { name: 'Siân' }), SECRET);
      await repository.create(response('r2', { name: 'Cai' }), SECRET);
      const other = await repository.load('r2', SECRET);
      for (const given of [other, response('r1', { name: 'forged' })]) {
        const seen: unknown[] = [];
        await repository.update(
          'r1',
          SECRET,
          (current) => {
            seen.push(current.state.answers);
            return undefined;
          },
          given,
        );
        expect(seen).toEqual([{ name: 'Siân' }]);
      }
    });

    it('updates nothing and returns undefined for a response that does not exist', async () => {
      let called = false;
      const result = await repository.update('never', SECRET, (current) => {
        called = true;
        return current;
      });
      expect(result).toBeUndefined();
      expect(called).toBe(false);
      expect(await store.read('response:never')).toBeUndefined();
    });

    it('keeps the answers of 20 updates saving the same response at once', async () => {
      await repository.create(response('r1'), SECRET);
      // Twenty writers on one response is far beyond two tabs: a budget of attempts to match, so
      // the test shows that no update is lost rather than measuring how many retries a slow machine needs.
      const busy = new ResponseRepository({ store, serverKey: SERVER_KEY, maxAttempts: 60 });
      const ids = Array.from({ length: 20 }, (_, i) => `answer-${i}`);
      await Promise.all(
        ids.map((id) =>
          busy.update('r1', SECRET, (current) => ({
            ...current,
            state: { ...current.state, answers: { ...current.state.answers, [id]: id } },
          })),
        ),
      );
      const answers = (await repository.load('r1', SECRET))?.state.answers ?? {};
      expect(Object.keys(answers).sort()).toEqual([...ids].sort());
      expect((await store.read('response:r1'))?.revision).toBe(21);
    });

    it('keeps the answers of two tabs saving the same response at once, with the default attempts', async () => {
      await repository.create(response('r1'), SECRET);
      const save = (id: string, value: string) =>
        repository.update('r1', SECRET, (current) => ({
          ...current,
          state: { ...current.state, answers: { ...current.state.answers, [id]: value } },
        }));
      await Promise.all([save('tab-1', 'one'), save('tab-2', 'two'), save('tab-1b', 'one again')]);
      expect((await repository.load('r1', SECRET))?.state.answers).toEqual({
        'tab-1': 'one',
        'tab-2': 'two',
        'tab-1b': 'one again',
      });
    });

    it('keeps a response for its time to live after the last write, starting again at every write', async () => {
      const shortLived = new ResponseRepository({ store, serverKey: SERVER_KEY, ttlSeconds: 0.4 });
      await shortLived.create(response('r1'), SECRET);
      await subject.elapse(250);
      await shortLived.update('r1', SECRET, (current) => ({ ...current, language: 'en' }));
      await subject.elapse(250);
      expect((await shortLived.load('r1', SECRET))?.language).toBe('en');
      await subject.elapse(400);
      expect(await shortLived.load('r1', SECRET)).toBeUndefined();
    });
  });
}

describeRepository('the memory store', async () => {
  let time = NOW;
  const store = new MemoryStore({ now: () => time });
  const elapse = async (ms: number) => {
    time += ms;
  };
  return { store, elapse, dispose: () => store.close() };
});

describeWithRedis('ResponseRepository', (redisUrl) => {
  describeRepository('Redis', async () => {
    const { store, dispose } = openTestRedisStore(redisUrl);
    return { store, elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), dispose };
  });
});

describe('ResponseRepository under endless contention', () => {
  it('gives up with a ResponseConflictError after its attempts, writing nothing', async () => {
    const memory = new MemoryStore();
    const losing: ResponseStore = Object.assign(Object.create(memory) as MemoryStore, {
      write: async () => undefined,
    });
    const repository = new ResponseRepository({ store: losing, serverKey: SERVER_KEY, maxAttempts: 3 });
    await new ResponseRepository({ store: memory, serverKey: SERVER_KEY }).create(response('r1'), SECRET);
    let calls = 0;
    await expect(
      repository.update('r1', SECRET, (current) => {
        calls += 1;
        return { ...current, language: 'en' };
      }),
    ).rejects.toBeInstanceOf(ResponseConflictError);
    expect(calls).toBe(3);
    expect((await memory.read('response:r1'))?.revision).toBe(1);
    await memory.close();
  });
});

describe('samePlainValue', () => {
  it.each([
    [{ a: 1, b: [1, 'x', null, { c: true }] }, { a: 1, b: [1, 'x', null, { c: true }] }, true],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, false],
    [{ a: undefined }, {}, false],
    [{ a: new Date(0) }, { a: '1970-01-01T00:00:00.000Z' }, false],
    [[1, 2], { 0: 1, 1: 2 }, false],
    [{ a: Number.NaN }, { a: null }, false],
    [{ a: [1] }, { a: [1, 2] }, false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(samePlainValue(a, b)).toBe(same);
  });
});
