import { describe, expect, it } from 'vitest';
import { questionnaire } from '../testing/build.ts';
import { validateMetadata } from './validate-metadata.ts';

const q = questionnaire({
  metadata: [
    { name: 'ru_name', type: 'string' },
    { name: 'trad_as', type: 'string', optional: true },
    { name: 'employees', type: 'number' },
    { name: 'first_return', type: 'boolean' },
    { name: 'period_start', type: 'date' },
    { name: 'constructor', type: 'string', optional: true },
  ],
});

const valid = { ru_name: 'ESSENTIAL ENTERPRISE LTD', employees: 12, first_return: true, period_start: '2025-10-01' };

const problemsOf = (values: Record<string, unknown>) =>
  validateMetadata(q, { ...valid, ...values }).problems.map((p) => [p.name, p.code]);
const keptValue = (name: string, value: unknown) => validateMetadata(q, { ...valid, [name]: value }).metadata[name];

describe('validateMetadata', () => {
  it('keeps declared values of the right types and reports nothing', () => {
    expect(validateMetadata(q, valid)).toEqual({ metadata: valid, problems: [] });
  });

  it('drops names the questionnaire does not declare', () => {
    const result = validateMetadata(q, { ...valid, tx_id: 'abc', iat: 1700000000 });
    expect(result.metadata).toEqual(valid);
    expect(result.problems).toEqual([]);
  });

  it('reports each required name that is missing, null or blank, with a message naming it', () => {
    const result = validateMetadata(q, { employees: null, first_return: '', period_start: '  ' });
    expect(result.problems).toEqual([
      { name: 'ru_name', code: 'missing', message: 'ru_name is missing' },
      { name: 'employees', code: 'missing', message: 'employees is missing' },
      { name: 'first_return', code: 'missing', message: 'first_return is missing' },
      { name: 'period_start', code: 'missing', message: 'period_start is missing' },
    ]);
    expect(result.metadata).toEqual({});
  });

  it('accepts an optional name being absent, and keeps it when given', () => {
    expect(validateMetadata(q, valid).metadata).not.toHaveProperty('trad_as');
    expect(keptValue('trad_as', 'Essential Stores')).toBe('Essential Stores');
  });

  it('reports an optional value of the wrong type and leaves it out', () => {
    expect(problemsOf({ trad_as: 42 })).toEqual([['trad_as', 'wrong-type']]);
    expect(validateMetadata(q, { ...valid, trad_as: 42 }).metadata).not.toHaveProperty('trad_as');
  });

  describe('strings', () => {
    it('accepts up to 1,000 characters and refuses more', () => {
      expect(keptValue('ru_name', 'x'.repeat(1000))).toHaveLength(1000);
      expect(problemsOf({ ru_name: 'x'.repeat(1001) })).toEqual([['ru_name', 'wrong-type']]);
    });

    it('refuses values that are not strings', () => {
      for (const value of [12, true, ['a'], { name: 'a' }]) {
        expect(problemsOf({ ru_name: value })).toEqual([['ru_name', 'wrong-type']]);
      }
    });

    it('keeps hostile text as given: escaping is for whoever shows it', () => {
      expect(keptValue('ru_name', '<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    });
  });

  describe('numbers', () => {
    it('accepts finite numbers', () => {
      expect(keptValue('employees', -3.5)).toBe(-3.5);
      expect(keptValue('employees', 0)).toBe(0);
    });

    it('converts numeric strings, as JWT claims often are', () => {
      expect(keptValue('employees', '12')).toBe(12);
      expect(keptValue('employees', '-0.25')).toBe(-0.25);
      expect(keptValue('employees', ' 7 ')).toBe(7);
    });

    it('refuses infinities, NaN and strings that are not plain decimals', () => {
      for (const value of [Number.NaN, Number.POSITIVE_INFINITY, '0x1f', '1e400', '12abc', '1,000', 'Infinity', true]) {
        expect(problemsOf({ employees: value })).toEqual([['employees', 'wrong-type']]);
      }
    });

    it('says what was expected', () => {
      const [problem] = validateMetadata(q, { ...valid, employees: 'many' }).problems;
      expect(problem?.message).toBe('employees must be a number');
    });
  });

  describe('booleans', () => {
    it('accepts true and false, as booleans or strings', () => {
      expect(keptValue('first_return', false)).toBe(false);
      expect(keptValue('first_return', 'true')).toBe(true);
      expect(keptValue('first_return', 'false')).toBe(false);
    });

    it('refuses other values, however truthy', () => {
      for (const value of [1, 0, 'yes', 'TRUE', []]) {
        expect(problemsOf({ first_return: value })).toEqual([['first_return', 'wrong-type']]);
      }
    });
  });

  describe('dates', () => {
    it('accepts real dates written YYYY-MM-DD', () => {
      expect(keptValue('period_start', '2024-02-29')).toBe('2024-02-29');
    });

    it('refuses impossible dates, other layouts and date-times', () => {
      for (const value of ['2025-02-29', '2025-13-01', '2025-10', '01/10/2025', '2025-10-01T00:00:00Z', 20251001]) {
        expect(problemsOf({ period_start: value })).toEqual([['period_start', 'wrong-type']]);
      }
      const [problem] = validateMetadata(q, { ...valid, period_start: '2025-02-30' }).problems;
      expect(problem?.message).toBe('period_start must be a date written YYYY-MM-DD');
    });
  });

  describe('hostile input', () => {
    it('never reads inherited members as values', () => {
      const result = validateMetadata(q, valid);
      expect(result.metadata).not.toHaveProperty('constructor');
      expect(keptValue('constructor', 'own value')).toBe('own value');
    });

    it('ignores a __proto__ key and keeps the result a plain record', () => {
      const values = JSON.parse('{"__proto__": {"polluted": true}, "ru_name": "A"}');
      const result = validateMetadata(q, values);
      expect(result.metadata.ru_name).toBe('A');
      expect(Object.getPrototypeOf(result.metadata)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('treats values that are not a record as no values at all', () => {
      for (const values of [null, 'ru_name=A', ['A'], 42]) {
        const result = validateMetadata(q, values as unknown as Record<string, unknown>);
        expect(result.metadata).toEqual({});
        expect(result.problems.map((p) => p.code)).toEqual(['missing', 'missing', 'missing', 'missing']);
      }
    });

    it('keeps nothing when the questionnaire declares no metadata', () => {
      const open = questionnaire({ ...q, metadata: undefined });
      expect(validateMetadata(open, valid)).toEqual({ metadata: {}, problems: [] });
    });
  });
});
