import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.ts';
import { checkDefinition, inDocumentOrder, titleOf } from './definition.ts';
import { draftWithProblem, validDefinition } from './testing.ts';

function refusal(definition: unknown): ApiError {
  try {
    checkDefinition(definition);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the definition was accepted');
}

describe('checking a definition before it is saved', () => {
  it('accepts a draft with semantic problems and returns them', () => {
    const { questionnaire, problems } = checkDefinition(draftWithProblem());
    expect(questionnaire.id).toBe('draft');
    expect(problems.map((p) => p.code)).toEqual(['unknown-page']);
  });

  it('refuses a document the schema refuses with 422 and every problem', () => {
    const error = refusal({ ...validDefinition(), formatVersion: 9, sections: 'none' });
    expect(error.status).toBe(422);
    expect(error.code).toBe('invalid_questionnaire');
    expect((error.details as { path: string }[]).map((p) => p.path)).toEqual(['/formatVersion', '/sections']);
  });

  it('refuses NUL and unpaired surrogates, pointing at each', () => {
    const definition = validDefinition({
      title: { en: 'fine', cy: 'x\ud800' },
      description: 'nul\u0000',
      languages: ['en', 'cy'],
    });
    const error = refusal(definition);
    expect((error.details as { path: string }[]).map((p) => p.path).sort()).toEqual(['/description', '/title/cy']);
    // After a backslash, too; while a backslash followed by the letters "u0000" is plain text.
    expect(() => checkDefinition(validDefinition({ title: 'a\\\u0000' }))).toThrow(ApiError);
    expect(() => checkDefinition(validDefinition({ title: 'a\\\\\ud800' }))).toThrow(ApiError);
    expect(checkDefinition(validDefinition({ title: 'a\\u0000 \\ud800' })).problems).toEqual([]);
    // A whole surrogate pair (an emoji) is fine.
    expect(() => checkDefinition(validDefinition({ title: 'ok 😀' }))).not.toThrow();
  });
});

describe('a questionnaire’s title for lists', () => {
  it('is the title, or its text in the first language', () => {
    const { questionnaire } = checkDefinition(validDefinition({ title: 'Plain' }));
    expect(titleOf(questionnaire)).toBe('Plain');
    const welsh = checkDefinition(validDefinition({ title: { cy: 'Teitl', en: 'Title' }, languages: ['cy', 'en'] }));
    expect(titleOf(welsh.questionnaire)).toBe('Teitl');
  });
});

describe('a definition in document order', () => {
  it('puts keys back in the format’s order without changing anything else', () => {
    const definition = validDefinition();
    const shuffled = Object.fromEntries(Object.entries(definition).reverse());
    const ordered = inDocumentOrder(shuffled);
    expect(ordered).toEqual(definition);
    expect(Object.keys(ordered as object)).toEqual(Object.keys(definition));
  });

  it('leaves a definition the schema no longer accepts as it is', () => {
    const old = { formatVersion: 0, id: 'old' };
    expect(inDocumentOrder(old)).toBe(old);
  });
});
