import { describe, expect, it } from 'vitest';
import { cell, neutralise } from './cells.ts';

describe('CSV cells', () => {
  it('puts a quote before text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralise(text)).toBe(`'${text}`);
    for (const text of ['1+1', 'a=b', " '=x", 'Siân']) expect(neutralise(text)).toBe(text);
  });

  it('writes numbers as numbers, negative ones too, and checkbox values joined with ;', () => {
    expect(cell(-12.5)).toBe('-12.5');
    expect(cell(['tea', 'other'])).toBe('tea;other');
    expect(cell(['-x'])).toBe("'-x");
    expect(cell(undefined)).toBe('');
    expect(cell(true)).toBe('true');
  });
});
