import type { ProblemDetail } from '../http/errors.ts';

/**
 * Strings Postgres cannot keep in a jsonb document: a NUL character, or half of a UTF-16
 * surrogate pair. Refused with their paths instead of failing the insert; no form of the runner
 * produces either.
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function unstorableStrings(value: unknown, path: string[] = []): ProblemDetail[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return [{ path: path.join('.'), message: 'contains a NUL character' }];
    if (UNPAIRED_SURROGATE.test(value)) return [{ path: path.join('.'), message: 'contains an unpaired surrogate' }];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableStrings(item, [...path, String(index)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...unstorableStrings(key, [...path, key]),
      ...unstorableStrings(item, [...path, key]),
    ]);
  }
  return [];
}
