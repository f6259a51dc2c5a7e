import type { Database } from '../db/connect.ts';

export interface AuditEventRecord {
  id: number;
  at: Date;
  actor: { id: string | null; email: string | null } | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  limit: number;
  /** Only events older than this id (the previous page's `nextBefore`). */
  before?: number | undefined;
  action?: string | undefined;
  /** A user's id, or an email (any case: the log keeps the email as it was). */
  actor?: string | undefined;
}

interface AuditRow {
  id: number | string;
  at: Date;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: Record<string, unknown> | string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One page of the log, newest first, paged by id (keyset: a page stays right while events are
 * added). Returns the id to ask `before` for the next page, or null on the last one.
 */
export async function listAuditEvents(
  db: Database,
  query: AuditQuery,
): Promise<{ events: AuditEventRecord[]; nextBefore: number | null }> {
  const rows = await db('audit_events')
    .modify((q) => {
      if (query.before !== undefined) q.where('id', '<', query.before);
      if (query.action !== undefined) q.where({ action: query.action });
      if (query.actor !== undefined) {
        if (UUID.test(query.actor)) q.where({ actor_id: query.actor });
        else q.whereRaw('lower(actor_email) = lower(?)', [query.actor]);
      }
    })
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .select<AuditRow[]>('id', 'at', 'actor_id', 'actor_email', 'action', 'subject_type', 'subject_id', 'details');
  const page = rows.slice(0, query.limit).map(recordOf);
  const last = page.at(-1);
  return { events: page, nextBefore: rows.length > query.limit && last ? last.id : null };
}

function recordOf(row: AuditRow): AuditEventRecord {
  return {
    id: Number(row.id),
    at: row.at,
    actor: row.actor_id === null && row.actor_email === null ? null : { id: row.actor_id, email: row.actor_email },
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
  };
}
