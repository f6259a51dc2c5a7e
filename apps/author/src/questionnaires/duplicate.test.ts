import { Id } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { copyId } from './duplicate.ts';

describe('the id of a copy', () => {
  it('appends -copy, then counts on from 2 past the ids in use', () => {
    expect(copyId('census', new Set())).toBe('census-copy');
    expect(copyId('census', new Set(['census-copy']))).toBe('census-copy-2');
    expect(copyId('census', new Set(['census-copy', 'census-copy-2']))).toBe('census-copy-3');
  });

  it('counts a copy of a copy on from its original', () => {
    expect(copyId('census-copy', new Set(['census-copy']))).toBe('census-copy-2');
    expect(copyId('census-copy-2', new Set(['census-copy', 'census-copy-2']))).toBe('census-copy-3');
  });

  it('shortens a long id so the copy is still a valid id', () => {
    const long = 'a'.repeat(80);
    const copy = copyId(long, new Set());
    expect(copy).toBe(`${'a'.repeat(75)}-copy`);
    expect(Id.safeParse(copy).success).toBe(true);
    const next = copyId(long, new Set([copy]));
    expect(next).toHaveLength(80);
    expect(Id.safeParse(next).success).toBe(true);
  });
});
