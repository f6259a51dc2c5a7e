import type { Submission } from '@eq/schema';
import { expect, it } from 'vitest';
import { exampleQuestionnaire, simulatedSubmission } from '../submissions/testing.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { jsonLine } from './jsonl.ts';
import { asJsonb, exportedResponse, storedForms } from './stored-forms.ts';

const business = exampleQuestionnaire('business-survey');
const census = exampleQuestionnaire('census-household');

/** Keys jsonb reorders: by length, then by UTF-8 bytes (not UTF-16 units), integer-like ones included. */
const base = simulatedSubmission(business, { seed: 3 });
const awkward: Submission = {
  ...base,
  answers: [
    ...base.answers,
    { answerId: 'time-in-post', qCode: 'd1', value: { years: 2, months: 6 } },
    { answerId: 'site', qCode: 'd2', value: { town: 'Caerdydd', postcode: 'CF10 1AA', line1: '1 Heol y Bont' } },
  ],
  metadata: {
    zz: 1,
    b: 'two',
    '10': true,
    '2': 'int-like',
    ['__proto__']: 'a key, not a prototype',
    é: 'two bytes',
    ﬀ: 'three bytes',
    '😀': 'four bytes, a surrogate pair',
    aaaa: -0.5,
  } as Submission['metadata'],
};

describeEachDatabase('the export forms of a stored document', (database) => {
  const viaJsonb = async (value: unknown): Promise<unknown> => {
    const result = await database().db.raw('select ?::jsonb as value', [JSON.stringify(value)]);
    const row = (result as { rows: { value: unknown }[] }).rows[0];
    return typeof row?.value === 'string' ? JSON.parse(row.value) : row?.value;
  };

  it('orders object keys as the jsonb column gives them back', async () => {
    const stored = await viaJsonb(awkward);
    expect(JSON.stringify(asJsonb(awkward))).toBe(JSON.stringify(stored));
    expect(Object.hasOwn(asJsonb(awkward).metadata, '__proto__')).toBe(true);
  });

  it('makes the JSON line and CSV parts an export would make from the stored document', async () => {
    // Census: list items and pairs; the awkward one: values that are objects.
    const household = simulatedSubmission(census, { people: 3, seed: 5 });
    for (const submission of [awkward, household]) {
      const stored = (await viaJsonb(submission)) as Submission;
      const forms = storedForms(submission);
      expect(forms.line).toBe(jsonLine(stored));
      expect(forms.once).toBe(JSON.stringify(exportedResponse(stored, 'once')));
      expect(forms.items).toBe(JSON.stringify(exportedResponse(stored, 'items')));
    }
    expect(household.answers.some((a) => a.toListItemId !== undefined)).toBe(true);
    expect(awkward.answers.some((a) => typeof a.value === 'object' && !Array.isArray(a.value))).toBe(true);
  });
});
