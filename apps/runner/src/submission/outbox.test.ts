import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store.ts';
import { DEAD_LETTER_QUEUE, Outbox, SUBMISSIONS_QUEUE } from './outbox.ts';
import { SECRET_ANSWER, sampleSubmission } from './testing/sample-submission.ts';

const KEY = 'an-outbox-key-of-at-least-32-bytes!!';

function setUp(serverKey: string | Uint8Array = KEY) {
  let time = 1_000_000;
  const store = new MemoryStore({ now: () => time });
  const outbox = new Outbox({ store, serverKey, now: () => time });
  return { store, outbox, advance: (ms: number) => (time += ms), now: () => time };
}

describe('Outbox', () => {
  it('gives back the submission it was given', async () => {
    const { outbox } = setUp();
    const submission = sampleSubmission();
    await outbox.enqueue(submission);
    const [claimed, ...rest] = await outbox.claim(10, 60_000);
    expect(rest).toEqual([]);
    expect(claimed).toMatchObject({ id: submission.submissionId, attempts: 0, submission });
  });

  it('keeps the payload sealed in the store: no answer text, no ids in clear', async () => {
    const { store, outbox, now } = setUp();
    const submission = sampleSubmission();
    await outbox.enqueue(submission);
    const [raw] = await store.claimDue(SUBMISSIONS_QUEUE, now(), 10, 1);
    expect(raw?.payload).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    for (const clear of [SECRET_ANSWER, 'Siân', 'Caerdydd', 'CF10', submission.responseId, 'first-name']) {
      expect(raw?.payload).not.toContain(clear);
    }
  });

  it('queues a submission once however often it is enqueued (double submit)', async () => {
    const { outbox } = setUp();
    const submission = sampleSubmission();
    await outbox.enqueue(submission);
    await outbox.enqueue(submission);
    expect(await outbox.lengths()).toEqual({ pending: 1, dead: 0 });
  });

  it('holds a submission back for holdMs', async () => {
    const { outbox, advance } = setUp();
    await outbox.enqueue(sampleSubmission(), { holdMs: 30_000 });
    expect(await outbox.claim(10, 60_000)).toEqual([]);
    advance(30_000);
    expect(await outbox.claim(10, 60_000)).toHaveLength(1);
  });

  it('hides a claimed submission until its lease ends, then counts the attempt', async () => {
    const { outbox, advance } = setUp();
    await outbox.enqueue(sampleSubmission());
    await outbox.claim(10, 60_000);
    advance(59_999);
    expect(await outbox.claim(10, 60_000)).toEqual([]);
    advance(1);
    expect((await outbox.claim(10, 60_000))[0]?.attempts).toBe(1);
  });

  it('retries a submission after the delay, and forgets one delivered', async () => {
    const { outbox, advance } = setUp();
    const [a, b] = [sampleSubmission(), sampleSubmission()];
    await outbox.enqueue(a);
    await outbox.enqueue(b);
    await outbox.claim(10, 60_000);
    await outbox.retryLater(a.submissionId, 5_000);
    await outbox.delivered(b.submissionId);
    advance(4_999);
    expect(await outbox.claim(10, 60_000)).toEqual([]);
    advance(1);
    expect((await outbox.claim(10, 60_000)).map((c) => c.id)).toEqual([a.submissionId]);
    expect(await outbox.lengths()).toEqual({ pending: 1, dead: 0 });
  });

  it('moves a submission to the dead-letter queue, still sealed', async () => {
    const { store, outbox, now } = setUp();
    const submission = sampleSubmission();
    await outbox.enqueue(submission);
    const [claimed] = await outbox.claim(10, 60_000);
    await outbox.deadLetter(submission.submissionId, { payload: claimed?.payload ?? '' });
    expect(await outbox.lengths()).toEqual({ pending: 0, dead: 1 });
    const [dead] = await store.claimDue(DEAD_LETTER_QUEUE, now(), 10, 1);
    expect(dead).toMatchObject({ id: submission.submissionId, payload: claimed?.payload });
  });

  it('seals a submission it is given for the dead-letter queue', async () => {
    const { store, outbox, now } = setUp();
    const submission = sampleSubmission();
    await outbox.deadLetter(submission.submissionId, { submission });
    const [dead] = await store.claimDue(DEAD_LETTER_QUEUE, now(), 10, 1);
    expect(dead?.payload).not.toContain('Siân');
  });

  it('cannot open a payload under another key, or moved to another id', async () => {
    const { store, outbox, now, advance } = setUp();
    const submission = sampleSubmission();
    await outbox.enqueue(submission);
    const other = new Outbox({ store, serverKey: `${KEY}-other`, now });
    const [claimed] = await other.claim(10, 1);
    expect(claimed?.submission).toBeUndefined();
    await store.enqueue(SUBMISSIONS_QUEUE, 'another-id', claimed?.payload ?? '', 0);
    advance(1);
    const reclaimed = await outbox.claim(10, 60_000);
    expect(reclaimed.find((c) => c.id === 'another-id')?.submission).toBeUndefined();
    expect(reclaimed.find((c) => c.id === submission.submissionId)?.submission).toEqual(submission);
  });

  it('opens nothing that is not a sealed submission', async () => {
    const { store, outbox } = setUp();
    await store.enqueue(SUBMISSIONS_QUEUE, 'garbage', 'v1.not.sealed', 0);
    expect(await outbox.claim(10, 60_000)).toEqual([{ id: 'garbage', attempts: 0, payload: 'v1.not.sealed' }]);
  });

  it('refuses a server key shorter than 32 bytes', () => {
    expect(() => setUp('too-short')).toThrow('at least 32 bytes');
    expect(() => setUp(new Uint8Array(31))).toThrow('at least 32 bytes');
  });
});
