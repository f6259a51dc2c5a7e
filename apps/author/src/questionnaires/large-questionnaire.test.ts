import { checkQuestionnaire } from '@eq/engine';
import { describe, expect, it } from 'vitest';
import { largeQuestionnaire } from './large-questionnaire.ts';

describe('the benchmark’s large questionnaire', () => {
  it('is a valid questionnaire with the pages asked for and no errors', () => {
    const definition = largeQuestionnaire(300);
    const { questionnaire, problems } = checkQuestionnaire(definition);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(questionnaire?.sections.flatMap((s) => s.pages)).toHaveLength(300);
  });
});
