import { z } from 'zod';

/** Ids of sections, pages, answers, lists and options: stable, URL-safe, lowercase. */
export const Id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,79}$/,
    'use 1-80 lowercase letters, digits, "-" or "_", starting with a letter or digit',
  )
  .meta({ description: 'A stable id: lowercase letters, digits, "-" and "_" (used in URLs and outputs)' });
export type Id = z.infer<typeof Id>;

/**
 * `schema` compiled with `z.compile`: a generated parser validates values, and only a value it
 * refuses is parsed again by zod's own parser, for the same issues. It takes the original's place
 * in the registry, so the JSON Schema still refers to it by id. Only for schemas that are not
 * recursive (expressions are), which zod cannot compile.
 */
function compiled<T extends z.ZodType>(schema: T): T {
  const fast = z.compile(schema);
  const meta = z.globalRegistry.get(schema);
  if (meta) {
    z.globalRegistry.remove(schema);
    z.globalRegistry.add(fast, meta);
  }
  return fast;
}

/** A BCP 47 language code such as "en" or "cy". */
export const Language = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'use a language code such as "en" or "cy"');
export type Language = z.infer<typeof Language>;

/**
 * Text shown to respondents: a plain string (in the questionnaire's first language only) or one
 * string per declared language. Any text may contain `{name}` placeholders, defined in the
 * questionnaire's `placeholders`.
 *
 * Texts are most of the values of a questionnaire, so Text and Content are compiled (see `compiled`).
 */
export const Text = compiled(
  z
    .union([z.string(), z.record(Language, z.string())])
    .meta({ id: 'Text', description: 'A string, or one string per language: {"en": "...", "cy": "..."}' }),
);
export type Text = z.infer<typeof Text>;

/** A block of explanatory content: a heading, paragraphs and a bulleted list, all optional. */
export const Content = compiled(
  z
    .strictObject({
      title: Text.optional(),
      description: Text.optional(),
      list: z.array(Text).optional(),
    })
    .meta({ id: 'Content' }),
);
export type Content = z.infer<typeof Content>;

/** A date offset: added to a date (negative values go back in time). */
export const DateOffset = z.strictObject({
  years: z.number().int().optional(),
  months: z.number().int().optional(),
  days: z.number().int().optional(),
});
export type DateOffset = z.infer<typeof DateOffset>;

/** An ISO calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date();
