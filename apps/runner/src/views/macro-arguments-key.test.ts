import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { html } from '../view-models/html.ts';
import { argumentsKey } from './macro-arguments-key.ts';

const key = (...args: unknown[]) => argumentsKey(args, 100_000);

describe('argumentsKey', () => {
  it('is the same for arguments made apart with the same data', () => {
    const make = () => [
      { id: 'a', label: { text: html('Yes & no') }, items: [1, 'two', true, null, undefined, Number.NaN] },
      'second',
    ];
    expect(key(...make())).toBe(key(...make()));
    expect(key(...make())).toBeDefined();
  });

  it('tells apart arguments that a template could tell apart', () => {
    const pairs: [unknown[], unknown[]][] = [
      [['<b>'], [html('<b>')]],
      [[new nunjucks.runtime.SafeString('&amp;')], ['&amp;']],
      [[1], ['1']],
      [[true], ['true']],
      [[null], [undefined]],
      [[{ a: undefined }], [{}]],
      [[{ a: 1, b: 2 }], [{ b: 2, a: 1 }]],
      [[['a', 'b']], [['ab']]],
      [[['a', 'b']], [{ 0: 'a', 1: 'b' }]],
      [[{ 'a1:b': 'c' }], [{ a: 'b:c' }]],
      [[{}], [Object.create(null)]],
      [['x'], ['x', undefined]],
      [[Number.POSITIVE_INFINITY], [Number.NaN]],
      [[{ val: 'x', length: 1 }], [html('x')]],
    ];
    for (const [left, right] of pairs) expect(key(...left), JSON.stringify(left)).not.toBe(key(...right));
  });

  it('tells apart an object met twice from two objects alike (identity is what == compares)', () => {
    const label = html('Same');
    const twin = html('Same');
    expect(key({ a: label, b: label })).not.toBe(key({ a: label, b: twin }));
    expect(key({ a: label, b: label })).toBe(key({ a: twin, b: twin }));
    const item = { id: 'x' };
    expect(key([item, item])).not.toBe(key([item, { id: 'x' }]));
  });

  it('writes an object that contains itself as a reference, and ends', () => {
    const cyclic: Record<string, unknown> = { id: 'x' };
    cyclic.self = cyclic;
    expect(key(cyclic)).toBeDefined();
    expect(key(cyclic)).not.toBe(key({ id: 'x', self: { id: 'x' } }));
  });

  it('gives none for what is not plain data', () => {
    class Point {
      x = 1;
    }
    const sparse = ['a'];
    sparse[2] = 'c';
    const notPlain: unknown[] = [
      () => 'x',
      { caller: () => 'body', __keywords: true },
      new Date(0),
      new Point(),
      new Map(),
      sparse,
      -0,
      { nested: [{ deeper: Symbol('s') }] },
      10n,
      new String('boxed'),
    ];
    for (const value of notPlain) expect(key(value), String(value)).toBeUndefined();
  });

  it('gives none past the longest key allowed, or past 64 levels of nesting', () => {
    expect(argumentsKey(['x'.repeat(50)], 40)).toBeUndefined();
    expect(argumentsKey([{ a: 'x'.repeat(20), b: 'y'.repeat(20) }], 40)).toBeUndefined();
    expect(argumentsKey(['x'.repeat(10)], 40)).toBeDefined();
    let deep: unknown = 'bottom';
    for (let i = 0; i < 70; i++) deep = [deep];
    expect(key(deep)).toBeUndefined();
  });

  it('starts afresh after a call that gave none', () => {
    expect(key({ a: 'x', f: () => 1 })).toBeUndefined();
    const shared = { id: 'y' };
    expect(key([shared, shared])).toBe(key([{ id: 'y' }].flatMap((o) => [o, o])));
  });
});
