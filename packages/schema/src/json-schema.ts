import { z } from 'zod';
import { Questionnaire } from './questionnaire.ts';

/** The JSON Schema (draft 2020-12) of the questionnaire format, generated from the zod schema. */
export function questionnaireJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Questionnaire, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
    $id: 'https://eq.example/schema/questionnaire.schema.json',
  };
}
