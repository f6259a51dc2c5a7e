import { randomUUID } from 'node:crypto';
import type { Submission } from '@eq/schema';
import { beforeAll, expect, it } from 'vitest';
import { exampleQuestionnaire, seedPublishedVersion, simulatedSubmission } from '../submissions/testing.ts';
import { testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { storedLines, storedResponses } from './batches.ts';
import type { CsvPart } from './stored-forms.ts';
import { deliver } from './testing.ts';

const census = exampleQuestionnaire('census-household');
const household = simulatedSubmission(census, { people: 2, seed: 40 });

describeEachDatabase('reading responses in batches', (database) => {
  let questionnaireId: string;
  const delivered: Submission[] = [];

  beforeAll(async () => {
    ({ questionnaireId } = await seedPublishedVersion(database().db, census));
    // Seven responses, three of them at one instant: batches of two split that tie.
    for (const minute of [1, 2, 2, 2, 3, 4, 5]) {
      delivered.push({ ...household, submissionId: randomUUID(), submittedAt: `2025-06-01T10:0${minute}:00.000Z` });
    }
    await deliver(testApp(database().db).request, delivered);
  });

  const lines = async (batchSize: number) => {
    const batches: string[][] = [];
    for await (const batch of storedLines(database().db, questionnaireId, { test: 'false' }, batchSize)) {
      batches.push(batch);
    }
    return batches;
  };
  const read = async (part: CsvPart, batchSize = 10) => {
    const responses = [];
    for await (const batch of storedResponses(database().db, questionnaireId, { test: 'false' }, part, batchSize)) {
      responses.push(...batch.map((r) => r.response));
    }
    return responses;
  };
  const newestFirst = () =>
    [...delivered].sort(
      (a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.submissionId.localeCompare(a.submissionId),
    );
  const exported = (answers: Submission['answers']) => answers.map(({ answerId: _, ...answer }) => answer);

  it('gives every response once, newest first, across batch boundaries that split a tie', async () => {
    const batches = await lines(2);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2, 1]);
    expect(batches.flat().map((line) => JSON.parse(line))).toEqual(newestFirst());
    expect(batches.flat().every((line) => line.endsWith('}\n'))).toBe(true);
  });

  it('reads only the answers asked once, or only list items’ answers with the lists, when asked to', async () => {
    const [once] = await read('once');
    expect(once?.answers).toEqual(exported(household.answers.filter((a) => a.listItemId === undefined)));
    expect(once?.lists).toEqual({});
    expect(once?.metadata).toEqual(household.metadata);
    const [items] = await read('items');
    expect(items?.answers).toEqual(exported(household.answers.filter((a) => a.listItemId !== undefined)));
    expect(items?.lists).toEqual(household.lists);
  });

  it('reads responses stored before their export forms were (migration 0006) from the document, the same', async () => {
    const before = { lines: (await lines(3)).flat(), once: await read('once', 3), items: await read('items', 3) };
    const ids = newestFirst()
      .slice(1, 4)
      .map((s) => s.submissionId);
    await database()
      .db('submissions')
      .whereIn('submission_id', ids)
      .update({ export_line: null, export_once: null, export_items: null });
    expect((await lines(3)).flat()).toEqual(before.lines);
    expect(await read('once', 3)).toEqual(before.once);
    expect(await read('items', 3)).toEqual(before.items);
  });
});
