import type { Answer } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse.ts';
import { normalisePostcode } from './parse-text.ts';

const text: Answer = { id: 't', label: 'Name', qCode: '1', type: 'text' };
const textarea: Answer = { id: 't', label: 'Comments', qCode: '1', type: 'textarea' };
const email: Answer = { id: 't', label: 'Email', qCode: '1', type: 'email' };
const mobile: Answer = { id: 't', label: 'Mobile', qCode: '1', type: 'mobile' };
const postcode: Answer = { id: 't', label: 'Postcode', qCode: '1', type: 'postcode' };
const address: Answer = { id: 'home', label: 'Address', qCode: '1', type: 'address' };

const parse = (answer: Answer, value: string) => parseAnswer(answer, { t: value });

describe('parsing text', () => {
  it('trims the text and keeps markup exactly as typed (escaping is for the page)', () => {
    expect(parse(text, '  <b>Jo</b> & "Sam"  ')).toEqual({ value: '<b>Jo</b> & "Sam"', errors: [] });
  });

  it('refuses text longer than 100 characters by default', () => {
    expect(parse(text, 'a'.repeat(100)).value).toHaveLength(100);
    expect(parse(text, 'a'.repeat(101)).errors).toEqual([{ field: 't', code: 'tooLong', detail: { count: 100 } }]);
  });

  it('allows 2000 characters in a textarea by default, counting each line break once', () => {
    const lines = `${'a'.repeat(999)}\r\n${'b'.repeat(1000)}`;
    expect(parse(textarea, lines)).toEqual({ value: `${'a'.repeat(999)}\n${'b'.repeat(1000)}`, errors: [] });
    expect(parse(textarea, 'a'.repeat(2001)).errors[0]).toEqual({
      field: 't',
      code: 'tooLong',
      detail: { count: 2000 },
    });
  });

  it('refuses a very long string without truncating it into a valid one', () => {
    expect(parse(textarea, `${' '.repeat(50)}${'x'.repeat(10_000_000)}`).errors[0]?.code).toBe('tooLong');
    expect(parse(text, `${' '.repeat(60)}${'x'.repeat(80)}`).value).toHaveLength(80);
  });

  it('applies the answer minimum and maximum length', () => {
    const answer: Answer = { ...text, minLength: 3, maxLength: 5 };
    expect(parse(answer, 'ab').errors).toEqual([{ field: 't', code: 'tooShort', detail: { count: 3 } }]);
    expect(parse(answer, 'abcdef').errors[0]?.code).toBe('tooLong');
    expect(parse(answer, 'abc').value).toBe('abc');
  });

  it('requires the whole value to match the pattern', () => {
    const answer: Answer = { ...text, pattern: { regex: '[A-Z]{2}\\d{6}' } };
    expect(parse(answer, 'AB123456').value).toBe('AB123456');
    expect(parse(answer, 'xAB123456x').errors).toEqual([{ field: 't', code: 'patternMismatch' }]);
  });

  it('ignores a pattern that is not a valid regex instead of throwing', () => {
    const answer: Answer = { ...text, pattern: { regex: '([a-z' } };
    expect(parse(answer, 'anything')).toEqual({ value: 'anything', errors: [] });
  });

  it('drops control characters but keeps tabs and line breaks', () => {
    expect(parse(textarea, 'a\u0000b\tc\nd\u0007')).toEqual({ value: 'ab\tc\nd', errors: [] });
  });
});

describe('parsing email addresses', () => {
  it.each(['name@example.com', 'first.last+tag@sub.example.co.uk', "o'brien@example.org"])('accepts %s', (value) => {
    expect(parse(email, value)).toEqual({ value, errors: [] });
  });

  it.each([
    'name',
    'name@',
    '@example.com',
    'name@example',
    'na me@example.com',
    'name@exam ple.com',
    'name@@example.com',
    '.name@example.com',
    'na..me@example.com',
    'name@-example.com',
    `${'a'.repeat(250)}@example.com`,
  ])('refuses %s', (value) => {
    expect(parse(email, value).errors).toEqual([{ field: 't', code: 'invalidEmail' }]);
  });
});

describe('parsing UK mobile numbers', () => {
  it.each([
    '07700 900982',
    '07700900982',
    '+44 7700 900982',
    '+44 (0)7700 900982',
    '0044 7700 900982',
    '07700-900-982',
  ])('reads %s as 07700900982', (value) => {
    expect(parse(mobile, value)).toEqual({ value: '07700900982', errors: [] });
  });

  it.each(['01632 960001', '0770090098', '077009009821', '+33 6 12 34 56 78', 'call me', '+44 1632 960001'])(
    'refuses %s',
    (value) => {
      expect(parse(mobile, value).errors).toEqual([{ field: 't', code: 'invalidMobile' }]);
    },
  );
});

describe('parsing postcodes', () => {
  it.each([
    ['sw1a1aa', 'SW1A 1AA'],
    ['  np10   8xg ', 'NP10 8XG'],
    ['M1 1AE', 'M1 1AE'],
    ['cf101ep', 'CF10 1EP'],
    ['gir0aa', 'GIR 0AA'],
  ])('normalises %s to %s', (value, expected) => {
    expect(parse(postcode, value)).toEqual({ value: expected, errors: [] });
  });

  it.each(['SW1A', '12345', 'QW1 1AA', 'SW1A 1AAA', 'SW1A-1AA'])('refuses %s', (value) => {
    expect(parse(postcode, value).errors).toEqual([{ field: 't', code: 'invalidPostcode' }]);
    expect(normalisePostcode(value)).toBeUndefined();
  });
});

describe('parsing addresses', () => {
  const home = (fields: Record<string, string>) =>
    parseAnswer(address, Object.fromEntries(Object.entries(fields).map(([k, v]) => [`home-${k}`, v])));

  it('reads an address with a normalised postcode, leaving out an empty second line', () => {
    expect(home({ line1: '1 High St', line2: '', town: 'Newport', postcode: 'np108xg' })).toEqual({
      value: { line1: '1 High St', town: 'Newport', postcode: 'NP10 8XG' },
      errors: [],
    });
    expect(home({ line1: 'Flat 2', line2: '1 High St', town: 'Newport', postcode: 'NP10 8XG' }).value).toEqual({
      line1: 'Flat 2',
      line2: '1 High St',
      town: 'Newport',
      postcode: 'NP10 8XG',
    });
  });

  it('gives no value and no error when every field is empty', () => {
    expect(home({ line1: ' ', line2: '', town: '', postcode: '' })).toEqual({ errors: [] });
  });

  it('requires line 1, town and postcode once any field is filled in', () => {
    expect(home({ town: 'Newport' }).errors).toEqual([
      { field: 'home-line1', code: 'mandatory', detail: { part: 'line1' } },
    ]);
    expect(home({ line1: '1 High St', postcode: 'NP10 8XG' }).errors).toEqual([
      { field: 'home-town', code: 'mandatory', detail: { part: 'town' } },
    ]);
    expect(home({ line1: '1 High St', town: 'Newport' }).errors).toEqual([
      { field: 'home-postcode', code: 'mandatory', detail: { part: 'postcode' } },
    ]);
  });

  it('refuses an address whose postcode is not a UK postcode', () => {
    expect(home({ line1: '1 High St', town: 'Newport', postcode: 'nowhere' }).errors).toEqual([
      { field: 'home-postcode', code: 'invalidPostcode' },
    ]);
  });
});
