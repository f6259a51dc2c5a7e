import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import type { Knex } from 'knex';
import type { Logger } from '../logger.ts';
import type { PublishedDefinitions } from '../submissions/published-definitions.ts';
import { type StoredResponse, storedLines, storedResponses } from './batches.ts';
import { CODEBOOK_HEADER, codebookRows } from './codebook.ts';
import { csvRecord } from './csv.ts';
import type { ResponseFilters } from './filters.ts';
import { layoutOf } from './layout.ts';
import { itemRows, itemsHeader, responseRow, responsesHeader } from './rows.ts';

export const EXPORT_FORMATS = ['csv', 'csv-lists', 'jsonl', 'codebook'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  'csv-lists': 'text/csv; charset=utf-8',
  codebook: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};
const FILE_NAMES: Record<ExportFormat, string> = {
  csv: 'responses.csv',
  'csv-lists': 'list-items.csv',
  codebook: 'codebook.csv',
  jsonl: 'responses.jsonl',
};

export interface ExportRequest {
  db: Knex;
  definitions: PublishedDefinitions;
  logger: Logger;
  questionnaireId: string;
  /** For the file's name. */
  name: string;
  format: ExportFormat;
  filters: ResponseFilters;
}

/**
 * Streams an export to the response: responses are read a batch at a time and each batch is
 * written before the next is read (the stream pulls, so a slow client slows the reading and memory
 * stays flat). CSV files start with a UTF-8 byte order mark, so spreadsheets read Welsh and other
 * non-ASCII text correctly.
 */
export async function streamExport(res: Response, request: ExportRequest): Promise<void> {
  const { db, questionnaireId, format, filters } = request;
  // Columns come from the versions the export can include: previews only hold test responses.
  const versions = (await request.definitions.ofQuestionnaire(questionnaireId)).filter(
    (d) => (filters.version === undefined || d.version === filters.version) && (filters.test !== 'false' || !d.preview),
  );
  const layout = layoutOf(versions.map((d) => d.compiled));
  const csv = (rows: string[][], first = false) => stringify(rows, { bom: first });

  async function* body(): AsyncGenerator<string> {
    if (format === 'codebook') {
      yield csv([CODEBOOK_HEADER, ...codebookRows(layout)], true);
      return;
    }
    if (format === 'jsonl') {
      // Stored as written: a line is a column's text, passed through.
      yield* inChunks(storedLines(db, questionnaireId, filters));
      return;
    }
    const part = format === 'csv' ? 'once' : 'items';
    yield csv([part === 'once' ? responsesHeader(layout) : itemsHeader(layout)], true);
    yield* inChunks(mapBatches(storedResponses(db, questionnaireId, filters, part), records));
  }

  function* records(batch: StoredResponse[]): Generator<string> {
    for (const response of batch) {
      if (format === 'csv') yield csvRecord(responseRow(layout, response));
      else for (const row of itemRows(layout, response)) yield csvRecord(row);
    }
  }

  res.status(200);
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', `attachment; filename="${request.name}-${FILE_NAMES[format]}"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    await pipeline(Readable.from(body(), { objectMode: false }), res);
  } catch (error) {
    // Headers are gone: the client sees a cut-off download; a closed connection is no error of ours.
    const code = (error as { code?: string }).code;
    if (code === 'ERR_STREAM_PREMATURE_CLOSE') request.logger.info({ questionnaireId, format }, 'export abandoned');
    else request.logger.error({ err: error, questionnaireId, format }, 'export failed');
    res.destroy();
  }
}

/**
 * Text to write, in pieces of about CHUNK characters. Short enough to stay out of V8's large
 * object space, which only a full collection frees: a string per batch (megabytes) left the
 * old generation full of dead text, and the process's peak memory grew with the export's size.
 */
const CHUNK = 32 * 1024;

async function* inChunks(batches: AsyncIterable<Iterable<string>>): AsyncGenerator<string> {
  let text = '';
  for await (const batch of batches) {
    for (const piece of batch) {
      text += piece;
      if (text.length >= CHUNK) {
        yield text;
        text = '';
      }
    }
  }
  if (text !== '') yield text;
}

async function* mapBatches<T, U>(batches: AsyncIterable<T>, map: (batch: T) => U): AsyncGenerator<U> {
  for await (const batch of batches) yield map(batch);
}
