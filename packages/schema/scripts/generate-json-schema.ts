// Writes questionnaire.schema.json from the zod schema (run by `pnpm build`; a test checks it is current).
import { writeFileSync } from 'node:fs';
import { questionnaireJsonSchema } from '../src/json-schema.ts';

const file = new URL('../questionnaire.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(questionnaireJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
