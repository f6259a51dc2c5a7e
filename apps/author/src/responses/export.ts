import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import type { Knex } from 'knex';
import type { Logger } from '../logger.ts';
import type { PublishedDefinitions } from '../submissions/published-definitions.ts';
import { storedResponses } from './batches.ts';
import { CODEBOOK_HEADER, codebookRows } from './codebook.ts';
import type { ResponseFilters } from './filters.ts';
import { jsonLine } from './jsonl.ts';
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
    if (format === 'csv') yield csv([responsesHeader(layout)], true);
    if (format === 'csv-lists') yield csv([itemsHeader(layout)], true);
    const part = format === 'csv' ? 'once' : format === 'csv-lists' ? 'items' : 'all';
    for await (const batch of storedResponses(db, questionnaireId, filters, part)) {
      if (format === 'jsonl') yield batch.map((r) => jsonLine(r.submission)).join('');
      else if (format === 'csv') yield csv(batch.map((r) => responseRow(layout, r)));
      else yield csv(batch.flatMap((r) => itemRows(layout, r)));
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
