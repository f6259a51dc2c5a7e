import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { formatCode } from '@eq/access-code';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { ApiError } from '../http/errors.ts';
import type { IssuedBatch } from './issue.ts';

export type CodesFormat = 'csv' | 'json';

/** The CSV's columns: the code as printed on letters, its serial, and the batch to revoke it by. */
export const CSV_COLUMNS = ['access_code', 'serial', 'batch'] as const;

/**
 * How the caller wants the new codes: a CSV download unless JSON is preferred (`Accept:
 * application/json`). Decided before anything is issued, so a 406 changes nothing.
 */
export function requestedFormat(req: Request): CodesFormat {
  const format = req.accepts(['text/csv', 'application/json']);
  if (format === false) {
    throw new ApiError(406, 'not_acceptable', 'access codes come as text/csv or application/json');
  }
  return format === 'application/json' ? 'json' : 'csv';
}

/**
 * Sends a new batch: the only time its codes are shown (only their hashes are kept), so neither
 * the browser nor a proxy may store the reply.
 */
export async function sendIssuedCodes(res: Response, batch: IssuedBatch, format: CodesFormat): Promise<void> {
  res.status(201).set('Cache-Control', 'no-store');
  if (format === 'json') {
    res.json({
      batchId: batch.batchId,
      count: batch.codes.length,
      series: batch.series,
      firstSerial: batch.firstSerial,
      codes: batch.codes.map(formatCode),
    });
    return;
  }
  res.attachment(`access-codes-${batch.series}-${batch.batchId}.csv`).type('text/csv; charset=utf-8');
  try {
    await pipeline(Readable.from(csvRows(batch)), stringify({ header: true, columns: [...CSV_COLUMNS] }), res);
  } catch (error) {
    // The client went away mid-download: the batch is issued all the same (revoke it by its id).
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  }
}

function* csvRows(batch: IssuedBatch): Generator<string[]> {
  for (const [index, code] of batch.codes.entries()) {
    yield [formatCode(code), String(batch.firstSerial + index), batch.batchId];
  }
}
