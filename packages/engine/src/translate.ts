import type { Text } from '@eq/schema';
import { own } from './state.ts';

/**
 * The string of a text in a language: that language's string, else the fallback language's,
 * else the first one given. A plain string is the same in every language.
 */
export function translate(text: Text | undefined, lang: string, fallback: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const found = own(text, lang) ?? own(text, fallback) ?? Object.values(text)[0];
  return typeof found === 'string' ? found : '';
}
