import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatchUnion } from './dispatch-union.ts';

const literal = z.union([z.string(), z.number(), z.null()]);
const forms = () =>
  [
    literal,
    z.array(literal),
    z.strictObject({ answer: z.string().min(1), item: z.enum(['current', 'all']).optional() }),
    z.strictObject({ and: z.array(z.number()).min(1) }),
    z.strictObject({ '==': z.tuple([z.number(), z.number()]) }),
  ] as const;
const plain = z.union(forms());
const dispatched = dispatchUnion(forms());

const VALUES: unknown[] = [
  'x',
  1,
  null,
  true,
  undefined,
  [],
  [1, 'a'],
  [1, {}],
  {},
  { answer: 'age' },
  { answer: 'age', item: 'all' },
  { item: 'all', answer: 'age' },
  { answer: '' },
  { answer: 'age', item: 'to' },
  { answer: 'age', extra: 1 },
  { and: [1, 2] },
  { and: [] },
  { and: [1], answer: 'age' },
  { '==': [1, 2] },
  { '==': [1] },
  { '==': [1, 2], and: [1] },
  { unknown: 1 },
];

/** Issues as data, without the schema instances zod attaches. */
const issuesOf = (result: { error?: z.ZodError }) => JSON.parse(JSON.stringify(result.error?.issues ?? []));

describe('dispatchUnion', () => {
  it('accepts and refuses what a plain union does, with the same value and issues', () => {
    for (const value of VALUES) {
      const expected = plain.safeParse(value);
      const actual = dispatched.safeParse(value);
      expect(actual.success, JSON.stringify(value)).toBe(expected.success);
      expect(JSON.stringify(actual.data)).toBe(JSON.stringify(expected.data));
      expect(issuesOf(actual)).toEqual(issuesOf(expected));
    }
  });

  it('writes the keys of a parsed object in the order of its schema, as a plain union does', () => {
    expect(Object.keys(dispatched.parse({ item: 'all', answer: 'age' }) as object)).toEqual(['answer', 'item']);
  });

  it('has the JSON Schema of a plain union', () => {
    expect(z.toJSONSchema(dispatched)).toEqual(z.toJSONSchema(plain));
  });

  it('leaves objects to the plain union when a member could take any object', () => {
    const loose = dispatchUnion([z.strictObject({ page: z.string() }), z.record(z.string(), z.number())]);
    expect(loose.safeParse({ page: 'a' }).success).toBe(true);
    expect(loose.safeParse({ other: 1 }).success).toBe(true);
    expect(loose.safeParse({ page: 1 }).success).toBe(true);
  });
});
