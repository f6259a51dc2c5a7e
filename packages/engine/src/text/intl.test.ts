import { describe, expect, it } from 'vitest';
import { dateFormat, localeFor, numberFormat } from './intl.ts';

describe('localeFor', () => {
  it('uses British locales for English and Welsh', () => {
    expect(localeFor('en')).toBe('en-GB');
    expect(localeFor('cy')).toBe('cy-GB');
  });

  it('adds the region to other bare languages and keeps a given region', () => {
    expect(localeFor('fr')).toBe('fr-GB');
    expect(localeFor('en-IE')).toBe('en-IE');
  });

  it('falls back to British English for codes Intl does not know or that are malformed', () => {
    expect(localeFor('zz')).toBe('en-GB');
    expect(localeFor('<script>')).toBe('en-GB');
    expect(localeFor('')).toBe('en-GB');
  });
});

describe('cached formatters', () => {
  it('returns the same formatter for the same locale and options', () => {
    expect(numberFormat('en-GB', { maximumFractionDigits: 2 })).toBe(
      numberFormat('en-GB', { maximumFractionDigits: 2 }),
    );
    expect(numberFormat('en-GB', { maximumFractionDigits: 2 })).not.toBe(
      numberFormat('cy-GB', { maximumFractionDigits: 2 }),
    );
  });

  it('formats dates in UTC', () => {
    expect(dateFormat('en-GB', { dateStyle: 'long' }).resolvedOptions().timeZone).toBe('UTC');
  });
});
