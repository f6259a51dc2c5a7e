import { randomUUID } from 'node:crypto';
import type { Submission } from '@eq/schema';
import { beforeAll, expect, it } from 'vitest';
import { exampleQuestionnaire, seedPublishedVersion, simulatedSubmission } from '../submissions/testing.ts';
import { testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { storedResponses } from './batches.ts';
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

  const read = async (part: 'all' | 'once' | 'items', batchSize: number) => {
    const batches: Submission[][] = [];
    for await (const batch of storedResponses(database().db, questionnaireId, { test: 'false' }, part, batchSize)) {
      batches.push(batch.map((r) => r.submission));
    }
    return batches;
  };
  const newestFirst = () =>
    [...delivered].sort(
      (a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.submissionId.localeCompare(a.submissionId),
    );

  it('gives every response once, newest first, across batch boundaries that split a tie', async () => {
    const batches = await read('all', 2);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2, 1]);
    expect(batches.flat()).toEqual(newestFirst());
  });

  it('reads only the answers asked once, or only list items’ answers with the lists, when asked to', async () => {
    const [once] = (await read('once', 10)).flat();
    expect(once?.answers).toEqual(household.answers.filter((a) => a.listItemId === undefined));
    expect(once?.lists).toEqual({});
    expect(once?.metadata).toEqual(household.metadata);
    const [items] = (await read('items', 10)).flat();
    expect(items?.answers).toEqual(household.answers.filter((a) => a.listItemId !== undefined));
    expect(items?.lists).toEqual(household.lists);
  });
});
