import { describe, expect, it } from 'vitest';
import { translate } from './translate.ts';

describe('translate', () => {
  it('gives a plain string in every language', () => {
    expect(translate('Hello', 'cy', 'en')).toBe('Hello');
  });

  it("gives the language's string, else the fallback's, else the first one", () => {
    expect(translate({ en: 'Hello', cy: 'Helo' }, 'cy', 'en')).toBe('Helo');
    expect(translate({ en: 'Hello' }, 'cy', 'en')).toBe('Hello');
    expect(translate({ fr: 'Bonjour', de: 'Hallo' }, 'cy', 'en')).toBe('Bonjour');
  });

  it('gives an empty string for no text', () => {
    expect(translate(undefined, 'en', 'en')).toBe('');
    expect(translate({}, 'en', 'en')).toBe('');
  });

  it('never returns a prototype member for a hostile language', () => {
    expect(translate({ en: 'Hello' }, 'constructor', '__proto__')).toBe('Hello');
    expect(translate({}, 'toString', 'constructor')).toBe('');
  });
});
