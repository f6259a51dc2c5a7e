import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { definitionChecksum } from './checksum.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the checksum of a definition', () => {
  it('is the SHA-256 of its canonical JSON: keys sorted at every level, no spaces', () => {
    const definition = {
      title: 'Census',
      id: 'census',
      sections: [{ title: 'People', id: 'people' }],
      formatVersion: 1,
    };
    expect(definitionChecksum(definition)).toBe(
      sha256('{"formatVersion":1,"id":"census","sections":[{"id":"people","title":"People"}],"title":"Census"}'),
    );
  });

  it('does not depend on the order keys were written in', () => {
    expect(definitionChecksum({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      definitionChecksum({ b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
  });

  it('differs when anything differs, array order included', () => {
    const base = definitionChecksum({ a: [1, 2], b: 'Yes' });
    expect(definitionChecksum({ a: [2, 1], b: 'Yes' })).not.toBe(base);
    expect(definitionChecksum({ a: [1, 2], b: 'yes' })).not.toBe(base);
    expect(definitionChecksum({ a: [1, 2], b: 'Yes', c: null })).not.toBe(base);
  });

  it('writes numbers and non-ASCII text one way (RFC 8785)', () => {
    expect(definitionChecksum({ n: 1.0, t: 'Cymraeg – ŵ' })).toBe(sha256('{"n":1,"t":"Cymraeg – ŵ"}'));
  });
});
