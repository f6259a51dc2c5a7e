import { readFileSync } from 'node:fs';
import { Submission } from '@eq/schema';
import { describe, expect, it } from 'vitest';
import { fixture } from '../testing/files.ts';
import { answeredState } from '../testing/index.ts';
import { buildSubmission } from './build-submission.ts';

const TODAY = '2025-06-01';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const relationships = fixture('relationships');

/** The JSON block that follows a marker comment in the README. */
function exampleAfter(marker: string): unknown {
  const start = readme.indexOf(`<!-- ${marker}`);
  const block = /```json\n([\s\S]*?)\n```/.exec(readme.slice(start));
  if (start === -1 || !block?.[1]) throw new Error(`no JSON block after ${marker} in README.md`);
  return JSON.parse(block[1]);
}

describe('the README', () => {
  it('shows the submission document the engine builds for its example household', () => {
    const ids = ['aB3xY9', 'Qw7eR2', 'Zt5uK1'];
    const state = answeredState(
      relationships,
      {
        items: {
          people: [
            { 'first-name': 'Siân', 'last-name': 'Evans' },
            { 'first-name': 'Cai', 'last-name': 'Evans' },
            { 'first-name': 'Mari', 'last-name': 'Jones' },
          ],
        },
        relationships: { '0>1': 'son-or-daughter', '0>2': 'unrelated', '1>2': 'unrelated' },
      },
      { seed: 1, today: TODAY, newItemId: () => ids.shift() ?? 'none' },
    );
    const envelope = {
      submissionId: '3f1c9a52-7b4e-4c1d-9a8e-2d5b6c7e8f90',
      responseId: 'f0a3c4d2e1b5',
      questionnaireVersion: 3,
      respondentRef: '100000000001',
      startedAt: '2025-06-01T09:15:00Z',
      submittedAt: '2025-06-01T09:42:10.250Z',
      language: 'en',
    };
    const doc = buildSubmission(relationships, state, envelope, { today: TODAY });
    expect(Submission.parse(doc)).toEqual(doc);
    expect(exampleAfter('submission-example')).toEqual(doc);
  });
});
