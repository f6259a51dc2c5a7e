import { z } from 'zod';

/** Where a questionnaire is published: in runner URLs (`/s/<slug>`) and API paths. */
const SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,79}$/;

/** Preview snapshots of a questionnaire live under its slug with this suffix, which real slugs may not end with. */
export const PREVIEW_SUFFIX = '--preview';

/** `series` is taken by the runners' `/published/series/<n>` path. */
const RESERVED = new Set(['series']);

/** Why a string cannot be a slug, or undefined when it can. */
export function slugProblem(value: string): string | undefined {
  if (!SLUG_PATTERN.test(value)) {
    return 'use 1-80 lowercase letters, digits, "-" or "_", starting with a letter or digit';
  }
  if (RESERVED.has(value)) return `"${value}" is reserved`;
  if (value.endsWith(PREVIEW_SUFFIX)) return `a slug may not end with "${PREVIEW_SUFFIX}" (previews use it)`;
  return undefined;
}

export const Slug = z
  .string()
  .superRefine((value, ctx) => {
    const problem = slugProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    description: 'Lowercase letters, digits, "-" and "_", 1-80 characters; not "series", not ending "--preview"',
  });

/**
 * The slug a questionnaire's previews are published under. Previews get their own slug so that
 * published versions of the real slug count 1, 2, 3 with no gaps, and so that the runner's latest
 * pointer of the real slug can never lead to a preview (the preview slug has no pointer at all).
 * Long slugs are shortened to keep within 80 characters; two questionnaires whose previews end up
 * on one preview slug simply share its version numbers.
 */
export function previewSlugOf(slug: string): string {
  return `${slug.slice(0, 80 - PREVIEW_SUFFIX.length)}${PREVIEW_SUFFIX}`;
}
