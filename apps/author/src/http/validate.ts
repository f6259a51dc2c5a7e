import type { z } from 'zod';
import { ApiError, type ProblemDetail } from './errors.ts';

/** Every problem zod found, each with where it is. */
export function problemsOf(error: z.ZodError, prefix?: string): ProblemDetail[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== undefined && part !== '').join('.'),
    message: issue.message,
  }));
}

/** Parses part of a request (`body`, `query`, `params`), or throws a 400 listing every problem. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiError(400, 'invalid_request', `the request ${part} is not valid`, problemsOf(parsed.error, part));
}
