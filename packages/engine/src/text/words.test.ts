import { describe, expect, it } from 'vitest';
import { formatList, formatPossessive } from './words.ts';

describe('formatPossessive', () => {
  it('adds ’s in English, or only ’ after a final s', () => {
    expect(formatPossessive('Alice', 'en')).toBe('Alice’s');
    expect(formatPossessive('Gwen', 'en')).toBe('Gwen’s');
    expect(formatPossessive('James', 'en')).toBe('James’');
    expect(formatPossessive('Chris', 'en')).toBe('Chris’');
    expect(formatPossessive('THOMAS', 'en')).toBe('THOMAS’');
  });

  it('leaves a name unchanged in Welsh', () => {
    expect(formatPossessive('James', 'cy')).toBe('James');
    expect(formatPossessive('Gwen', 'cy')).toBe('Gwen');
  });

  it('writes nothing for an empty name and trims spaces', () => {
    expect(formatPossessive('', 'en')).toBe('');
    expect(formatPossessive('   ', 'en')).toBe('');
    expect(formatPossessive(' Alice ', 'en')).toBe('Alice’s');
  });
});

describe('formatList', () => {
  it('joins with and, or, or commas alone', () => {
    expect(formatList(['Alice', 'Bob', 'Carol'], 'en')).toBe('Alice, Bob and Carol');
    expect(formatList(['Alice', 'Bob', 'Carol'], 'en', 'or')).toBe('Alice, Bob or Carol');
    expect(formatList(['Alice', 'Bob', 'Carol'], 'en', 'unit')).toBe('Alice, Bob, Carol');
  });

  it('writes Welsh "a" before a consonant and "ac" before a vowel', () => {
    expect(formatList(['Alice', 'Bob', 'Carol'], 'cy')).toBe('Alice, Bob a Carol');
    expect(formatList(['Bob', 'Eira'], 'cy')).toBe('Bob ac Eira');
    expect(formatList(['Alice', 'Bob'], 'cy', 'or')).toBe('Alice neu Bob');
  });

  it('leaves out empty items', () => {
    expect(formatList(['Alice', '', 'Bob'], 'en')).toBe('Alice and Bob');
    expect(formatList(['Alice'], 'en')).toBe('Alice');
    expect(formatList([], 'en')).toBe('');
  });
});
