import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Deliver } from './author-client.ts';

/**
 * Development delivery when no author app is configured: each submission is written once to
 * `<dir>/<submissionId>.json` (a repeat overwrites it with the same document), so a newcomer can
 * see exactly what would be sent.
 */
export function folderDelivery(dir: string): Deliver {
  return async (submission) => {
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${submission.submissionId}.json`), `${JSON.stringify(submission, null, 2)}\n`);
      return { outcome: 'delivered', status: 201 };
    } catch {
      return { outcome: 'retry', reason: 'could not write the submission file' };
    }
  };
}
