import { z } from 'zod';

/**
 * Plain text typed by staff (a person's or a token's name): trimmed, not blank, bounded, and free
 * of control characters and angle brackets, which no name needs and which only ever turn up in
 * attempts at markup injection. Quotes and semicolons are allowed (O'Brien; queries are
 * parameterised, so SQL in a name is only text).
 */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be blank')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}<>]*$/u, 'must not contain control characters or < >');
}

/** An email address, compared and stored in lower case (the unique index is on lower(email)). */
export const Email = z
  .email('must be an email address')
  .max(254, 'must be at most 254 characters')
  .transform((email) => email.toLowerCase());

/** At least 12 characters (length beats composition rules); bounded so hashing stays cheap. */
export const NewPassword = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(1024, 'must be at most 1024 characters');

export const Role = z.enum(['admin', 'editor', 'viewer']);

export const PersonName = plainText(200);
