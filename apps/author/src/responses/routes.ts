import { z } from 'zod';
import type { FeatureRoutes } from '../app.ts';
import { actorOf, recordAudit } from '../audit/record.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { PublishedDefinitions } from '../submissions/published-definitions.ts';
import { EXPORT_FORMATS, type ExportFormat, streamExport } from './export.ts';
import { decodeCursor, describeFilters, encodeCursor, ResponseFilters, responsesQuery } from './filters.ts';
import { canonicalOrder } from './jsonl.ts';

const Params = z.object({ id: z.uuid('must be a UUID') });
const ResponseParams = Params.extend({ submissionId: z.uuid('must be a UUID') });
const Format = z.enum(EXPORT_FORMATS).meta({
  description:
    'csv: a row per response, a column per answer data code; csv-lists: a row per list item and pair; jsonl: a submission document per line; codebook: a row per variable',
});

const ListQuery = ResponseFilters.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional().meta({ description: 'nextCursor of the previous page' }),
  format: Format.optional().meta({ description: 'Given: the export in this format (as /responses/export)' }),
});
const ExportQuery = ResponseFilters.extend({ format: Format.default('csv') });

const ResponseSummary = z.object({
  submissionId: z.uuid(),
  responseId: z.string(),
  version: z.number().int(),
  submittedAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
  test: z.boolean(),
  respondentRef: z.string().nullable(),
});
const ResponsePage = z.object({ responses: z.array(ResponseSummary), nextCursor: z.string().nullable() });

interface SummaryRow {
  submission_id: string;
  response_id: string;
  version: number;
  submitted_at: Date;
  received_at: Date;
  test: boolean;
  respondent_ref: string | null;
}

export const responseRoutes: FeatureRoutes = (api, services) => {
  const { db, logger } = services;
  const definitions = new PublishedDefinitions(db);

  async function questionnaireName(id: string): Promise<string> {
    const row = await db('questionnaires').where({ id }).first<{ slug: string | null } | undefined>('slug');
    if (!row) throw notFound('questionnaire');
    return row.slug ?? id;
  }

  async function exportResponses(
    req: Parameters<typeof actorOf>[0],
    res: Parameters<typeof streamExport>[0],
    id: string,
    format: ExportFormat,
    filters: ResponseFilters,
  ) {
    const name = await questionnaireName(id);
    await recordAudit(db, {
      action: 'responses.export',
      actor: actorOf(req),
      subjectType: 'questionnaire',
      subjectId: id,
      details: { format, filters: describeFilters(filters) },
    });
    await streamExport(res, { db, definitions, logger: req.log ?? logger, questionnaireId: id, name, format, filters });
  }

  const exportResponses200 = {
    200: { description: 'The export, streamed (text/csv or application/x-ndjson)', contentType: 'text/csv' },
  };

  api.get(
    '/questionnaires/:id/responses/export',
    {
      summary: 'Export responses (CSV, list items CSV, JSON lines or codebook), streamed',
      tag: 'responses',
      access: 'viewer',
      params: Params,
      query: ExportQuery,
      responses: exportResponses200,
    },
    async ({ req, res, params, query }) => {
      const { format, ...filters } = query;
      await exportResponses(req, res, params.id, format, filters);
    },
  );

  api.get(
    '/questionnaires/:id/responses',
    {
      summary: 'List responses (metadata only), newest first, a page at a time; with format, export them',
      tag: 'responses',
      access: 'viewer',
      params: Params,
      query: ListQuery,
      responses: {
        200: {
          description: 'A page of responses; with format, the export (as /responses/export)',
          schema: ResponsePage,
        },
      },
    },
    async ({ req, res, params, query }) => {
      const { limit, cursor, format, ...filters } = query;
      if (format !== undefined) {
        if (cursor !== undefined || req.query.limit !== undefined) {
          throw new ApiError(400, 'invalid_request', 'an export covers every response the filters pass', [
            { path: 'query', message: 'leave out limit and cursor when giving format' },
          ]);
        }
        return exportResponses(req, res, params.id, format, filters);
      }
      await questionnaireName(params.id);
      const after = cursor === undefined ? undefined : decodeCursor(cursor);
      const rows: SummaryRow[] = await responsesQuery(db, params.id, filters, after)
        .limit(limit + 1)
        .select(
          'submission_id',
          'response_id',
          'version',
          'submitted_at',
          'received_at',
          'test',
          db.raw("payload->>'respondentRef' as respondent_ref"),
        );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      res.json({
        responses: page.map((row) => ({
          submissionId: row.submission_id,
          responseId: row.response_id,
          version: row.version,
          submittedAt: row.submitted_at.toISOString(),
          receivedAt: row.received_at.toISOString(),
          test: row.test,
          respondentRef: row.respondent_ref,
        })),
        nextCursor:
          rows.length > limit && last
            ? encodeCursor({ submittedAt: last.submitted_at, submissionId: last.submission_id })
            : null,
      });
    },
  );

  api.get(
    '/questionnaires/:id/responses/:submissionId',
    {
      summary: 'One response: the submission document as received',
      tag: 'responses',
      access: 'viewer',
      params: ResponseParams,
      responses: { 200: { description: 'The submission document' } },
    },
    async ({ res, params }) => {
      const row = await db('submissions')
        .where({ questionnaire_id: params.id, submission_id: params.submissionId })
        .first<{ payload: Parameters<typeof canonicalOrder>[0] } | undefined>('payload');
      if (!row) throw notFound('response');
      res.json(canonicalOrder(row.payload));
    },
  );
};
