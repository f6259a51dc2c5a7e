import { describe, expect, it } from 'vitest';
import { previewSlugOf, Slug, slugProblem } from './slug.ts';

describe('slugs', () => {
  it('accepts lowercase letters, digits, "-" and "_" up to 80 characters', () => {
    for (const slug of ['census', 'census-2031', 'a', 'lms_wave-1', '1abc', 'x'.repeat(80)]) {
      expect(slugProblem(slug)).toBeUndefined();
    }
  });

  it('refuses capitals, spaces, a leading "-", and more than 80 characters', () => {
    for (const slug of ['Census', 'my survey', '-census', '_census', '', 'x'.repeat(81), 'café']) {
      expect(slugProblem(slug)).toMatch(/lowercase/);
    }
  });

  it('refuses "series", which is the runners’ series path', () => {
    expect(slugProblem('series')).toMatch(/reserved/);
    expect(slugProblem('series-2')).toBeUndefined();
  });

  it('refuses the preview suffix', () => {
    expect(slugProblem('census--preview')).toMatch(/--preview/);
    expect(Slug.safeParse('census--preview').success).toBe(false);
  });

  it('gives previews their own slug, always a valid id of at most 80 characters', () => {
    expect(previewSlugOf('census')).toBe('census--preview');
    const long = previewSlugOf('x'.repeat(80));
    expect(long).toHaveLength(80);
    expect(long.endsWith('--preview')).toBe(true);
    expect(/^[a-z0-9][a-z0-9_-]{0,79}$/.test(long)).toBe(true);
  });
});
