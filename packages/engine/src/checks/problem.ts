import type { CheckContext } from './context.ts';

/** One problem found by the static checks. */
export interface Problem {
  /** Stable kebab-case code, e.g. `unknown-answer`. */
  code: string;
  /** Errors block publishing; warnings do not. */
  severity: 'error' | 'warning';
  message: string;
  /** JSON pointer (RFC 6901) into the questionnaire document, e.g. `/sections/0/pages/2/routing/0/goTo/page`. */
  path: string;
}

/** Builds a JSON pointer from path segments, escaping `~` and `/`. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

export function error(code: string, path: string, message: string): Problem {
  return { code, severity: 'error', message, path };
}

export function warning(code: string, path: string, message: string): Problem {
  return { code, severity: 'warning', message, path };
}

/** A check: reads the context and reports what it finds. */
export type Check = (ctx: CheckContext) => Problem[];
