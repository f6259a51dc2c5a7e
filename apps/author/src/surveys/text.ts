import { z } from 'zod';

/**
 * Characters Postgres cannot store in `text` or `jsonb` (NUL) and UTF-16 halves without their pair
 * (JSON can carry them, UTF-8 cannot): refused up front so they are a 4xx, not a database error.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Control characters (tabs, new lines, escapes) do not belong in a one-line name. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** A one-line name shown in lists: trimmed, 1-200 characters, no control characters. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((name) => !CONTROL.test(name) && isStorableText(name), 'must be one line of text without control characters');
