import { describe, expect, it } from 'vitest';
import { locationKey, pageKey, sameLocation } from './location.ts';

describe('locationKey', () => {
  it('writes each kind of location as a stable key', () => {
    expect(locationKey({ kind: 'page', section: 's', page: 'name' })).toBe('name');
    expect(locationKey({ kind: 'page', section: 's', page: 'age', item: 'p1' })).toBe('age@p1');
    expect(locationKey({ kind: 'page', section: 's', page: 'rel', item: 'p1', to: 'p2' })).toBe('rel@p1>p2');
    expect(locationKey({ kind: 'sectionSummary', section: 'about' })).toBe('section:about');
    expect(locationKey({ kind: 'sectionSummary', section: 'person', item: 'p1' })).toBe('section:person@p1');
    expect(locationKey({ kind: 'hub' })).toBe('hub');
    expect(locationKey({ kind: 'summary' })).toBe('summary');
  });
});

describe('pageKey', () => {
  it('matches the key of the page location', () => {
    expect(pageKey('rel', 'p1', 'p2')).toBe(
      locationKey({ kind: 'page', section: 'x', page: 'rel', item: 'p1', to: 'p2' }),
    );
    expect(pageKey('age', 'p1')).toBe('age@p1');
    expect(pageKey('name')).toBe('name');
  });

  it('writes no other item without an item', () => {
    expect(pageKey('rel', undefined, 'p2')).toBe('rel');
    expect(pageKey('rel', '', 'p2')).toBe('rel');
  });
});

describe('sameLocation', () => {
  it('compares locations by key, whatever their section', () => {
    expect(
      sameLocation(
        { kind: 'page', section: 'a', page: 'p', item: 'i' },
        { kind: 'page', section: 'b', page: 'p', item: 'i' },
      ),
    ).toBe(true);
    expect(
      sameLocation({ kind: 'page', section: 'a', page: 'p', item: 'i' }, { kind: 'page', section: 'a', page: 'p' }),
    ).toBe(false);
    expect(sameLocation({ kind: 'hub' }, { kind: 'summary' })).toBe(false);
  });
});
