import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Submission } from '@eq/schema';
import type { Page } from '@playwright/test';

/**
 * The submission the runner delivered for the reference a thank-you page shows. Without an author
 * app the runner writes each submission to `<DATA_DIR>/submissions/<submissionId>.json`, and the
 * reference is the submission id's first twelve hex digits.
 */
export async function receivedSubmission(thankYou: Page): Promise<Submission> {
  const text = (await thankYou.locator('main').textContent()) ?? '';
  const reference = /\b([0-9A-F]{4}) ([0-9A-F]{4}) ([0-9A-F]{4})\b/.exec(text);
  if (!reference) throw new Error('the thank-you page shows no reference');
  const prefix = `${reference[1]}${reference[2]}-${reference[3]}`.toLowerCase();
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set (see global-setup.ts)');
  const dir = join(dataDir, 'submissions');
  const files = (await readdir(dir)).filter((f) => f.startsWith(prefix) && f.endsWith('.json'));
  if (files.length !== 1) throw new Error(`expected one submission file for ${prefix}, found ${files.length}`);
  return Submission.parse(JSON.parse(await readFile(join(dir, files[0] ?? ''), 'utf8')));
}

/** A submission's answers as `{ answerId: value }`, for one list item (or none). */
export function answersOf(submission: Submission, itemId?: string): Record<string, unknown> {
  return Object.fromEntries(
    submission.answers.filter((a) => a.listItemId === itemId).map((a) => [a.answerId, a.value] as const),
  );
}
