import type { Submission } from '@eq/schema';
import { parse } from 'csv-parse/sync';
import type supertest from 'supertest';
import { RUNNER_AUTH } from '../testing/app.ts';

/** Delivers submissions as a runner does, one after another; fails on any refusal. */
export async function deliver(request: () => supertest.Agent, submissions: readonly Submission[]): Promise<void> {
  for (const submission of submissions) {
    const response = await request()
      .post('/api/v1/submissions')
      .set(RUNNER_AUTH)
      .set('Idempotency-Key', submission.submissionId)
      .send(submission);
    if (response.status !== 201)
      throw new Error(`delivery refused: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/** A CSV download as records of named cells (the header row names them), after its byte order mark. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const rows: string[][] = parse(text, { bom: true, relax_column_count: false });
  const [header = [], ...rest] = rows;
  return {
    header,
    records: rest.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? '']))),
  };
}

/** Reads a text download whole (supertest buffers only JSON and text/* by default). */
export function text(res: supertest.Response): string {
  return typeof res.text === 'string' ? res.text : Buffer.from(res.body).toString('utf8');
}
