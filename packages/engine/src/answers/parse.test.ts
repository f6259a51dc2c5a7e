import type { Answer } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import type { FormInput } from './form.ts';
import { parseAnswer } from './parse.ts';

const options = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const radio: Answer = { id: 'a', label: 'Do you?', qCode: '1', type: 'radio', options };
const dropdown: Answer = { id: 'a', label: 'Which?', qCode: '1', type: 'dropdown', options };
const checkbox: Answer = {
  id: 'a',
  label: 'Which?',
  qCode: '1',
  type: 'checkbox',
  options: [...options, { value: 'maybe', label: 'Maybe' }],
};
const number: Answer = { id: 'a', label: 'How many', qCode: '1', type: 'number' };

/** A form as a hostile client could post it: any JSON-ish shape under any name. */
const hostile = (value: unknown) => ({ a: value }) as unknown as FormInput;

describe('parsing radio and dropdown answers', () => {
  it.each([radio, dropdown])('accepts one of the option values ($type)', (answer) => {
    expect(parseAnswer(answer, { a: 'no' })).toEqual({ value: 'no', errors: [] });
  });

  it.each([radio, dropdown])('refuses a value that was never offered ($type)', (answer) => {
    expect(parseAnswer(answer, { a: 'perhaps' })).toEqual({ errors: [{ field: 'a', code: 'invalidOption' }] });
    expect(parseAnswer(answer, { a: '<script>alert(1)</script>' }).errors[0]?.code).toBe('invalidOption');
  });

  it('gives no value when nothing is chosen', () => {
    expect(parseAnswer(radio, {})).toEqual({ errors: [] });
  });

  it('takes the first value when the field is posted twice', () => {
    expect(parseAnswer(radio, { a: ['yes', 'no'] })).toEqual({ value: 'yes', errors: [] });
  });
});

describe('parsing checkbox answers', () => {
  it('keeps the chosen values in the order of the options, once each', () => {
    expect(parseAnswer(checkbox, { a: ['maybe', 'yes', 'maybe'] })).toEqual({ value: ['yes', 'maybe'], errors: [] });
  });

  it('accepts a single value posted as a string', () => {
    expect(parseAnswer(checkbox, { a: 'no' })).toEqual({ value: ['no'], errors: [] });
  });

  it('gives no value when nothing is ticked (ignoring empty values)', () => {
    expect(parseAnswer(checkbox, { a: [] })).toEqual({ errors: [] });
    expect(parseAnswer(checkbox, { a: ['', ' '] })).toEqual({ errors: [] });
  });

  it('refuses the whole answer when any value was never offered', () => {
    expect(parseAnswer(checkbox, { a: ['yes', 'hacked'] })).toEqual({
      errors: [{ field: 'a', code: 'invalidOption' }],
    });
  });
});

describe('parsing hostile input', () => {
  it.each([
    ['an object', { yes: 'yes' }],
    ['a number', 5],
    ['null', null],
    ['a nested array', [['yes']]],
  ])('treats %s as no text in a single field', (_name, value) => {
    expect(parseAnswer(number, hostile(value))).toEqual({ errors: [] });
    expect(parseAnswer(radio, hostile(value))).toEqual({ errors: [] });
  });

  it.each([
    ['an object', { yes: 'yes' }],
    ['a number', 5],
    ['a nested array', [['yes']]],
  ])('refuses %s posted as a checkbox value', (_name, value) => {
    expect(parseAnswer(checkbox, hostile(value)).errors[0]?.code).toBe('invalidOption');
  });

  it('never reads inherited properties as fields', () => {
    const inherited: Answer = { ...radio, id: 'constructor', options: [{ value: 'x', label: 'X' }] };
    expect(parseAnswer(inherited, {})).toEqual({ errors: [] });
    expect(parseAnswer({ ...checkbox, id: 'constructor' }, {})).toEqual({ errors: [] });
  });

  it('copes with a form that is not an object at all', () => {
    expect(parseAnswer(number, null as unknown as FormInput)).toEqual({ errors: [] });
    expect(parseAnswer(checkbox, 'a=yes' as unknown as FormInput)).toEqual({ errors: [] });
  });

  it('refuses a huge number of checkbox values without choking', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => `v${i}`);
    expect(parseAnswer(checkbox, { a: values }).errors[0]?.code).toBe('invalidOption');
  });
});
