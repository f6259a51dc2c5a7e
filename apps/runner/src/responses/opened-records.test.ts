import { describe, expect, it } from 'vitest';
import { bufferOfItsOwn, OpenedRecords } from './opened-records.ts';
import type { StoredResponse } from './stored-response.ts';

const RECORD = { responseId: 'r1' } as StoredResponse;
const KEY = Buffer.alloc(32, 7);

describe('OpenedRecords', () => {
  it('serves a record only for exactly the bytes it came from and the same secret', () => {
    const opened = new OpenedRecords();
    const sealed = Buffer.from([2, 1, 2, 3, 4, 5]);
    opened.remember('r1', { sealed, secret: 's', key: KEY, record: RECORD });
    expect(opened.get('r1', Buffer.from([2, 1, 2, 3, 4, 5]), 's')?.record).toBe(RECORD);
    expect(opened.get('r1', Buffer.from([2, 1, 2, 3, 4, 5]).subarray(0), 's')?.record).toBe(RECORD);
    for (const other of [[2, 1, 2, 3, 4, 6], [2, 1, 2, 3, 4], [2, 1, 2, 3, 4, 5, 0], []]) {
      expect(opened.get('r1', Buffer.from(other), 's')).toBeUndefined();
    }
    expect(opened.get('r1', sealed, 't')).toBeUndefined();
    expect(opened.get('r2', sealed, 's')).toBeUndefined();
    expect(opened.keyFor('r1', 's')).toBe(KEY);
    expect(opened.keyFor('r1', 't')).toBeUndefined();
  });

  it('keeps sealed values up to its size in bytes, dropping the least recently used', () => {
    const opened = new OpenedRecords({ maxBytes: 100 });
    for (const id of ['a', 'b', 'c']) {
      opened.remember(id, { sealed: Buffer.alloc(40, id), secret: 's', key: KEY, record: RECORD });
    }
    expect(opened.get('a', Buffer.alloc(40, 'a'), 's')).toBeUndefined();
    expect(opened.get('b', Buffer.alloc(40, 'b'), 's')).toBeDefined();
    expect(opened.get('c', Buffer.alloc(40, 'c'), 's')).toBeDefined();
  });
});

describe('bufferOfItsOwn', () => {
  it('copies bytes into memory of their own, whatever buffer they are a view of', () => {
    const reply = Buffer.from('*2\r\n$1\r\n1\r\n$5\r\nvalue\r\n');
    const view = reply.subarray(15, 20);
    const own = bufferOfItsOwn(view);
    expect(own.toString()).toBe('value');
    expect(own.byteOffset).toBe(0);
    expect(own.buffer.byteLength).toBe(5);
    reply.fill(0);
    expect(own.toString()).toBe('value');
    const small = bufferOfItsOwn(new Uint8Array([1, 2, 3]));
    expect(small.buffer.byteLength).toBe(3);
  });
});
