import type { Request } from 'express';
import type { Knex } from 'knex';

export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'user.create'
  | 'user.update'
  | 'user.deactivate'
  | 'token.create'
  | 'token.revoke'
  | 'survey.create'
  | 'survey.update'
  | 'survey.delete'
  | 'questionnaire.create'
  | 'questionnaire.save'
  | 'questionnaire.restore'
  | 'questionnaire.delete'
  | 'questionnaire.settings'
  | 'questionnaire.publish'
  | 'questionnaire.preview'
  | 'launch-token.issue'
  | 'access-codes.issue'
  | 'access-codes.revoke'
  | 'responses.export';

export interface AuditEvent {
  action: AuditAction;
  actor?: { id: string; email: string } | undefined;
  subjectType?: string;
  subjectId?: string;
  /** Never answers, passwords or tokens. */
  details?: Record<string, unknown>;
}

/** Appends an event to the audit log (inside the caller's transaction, when given one). */
export async function recordAudit(db: Knex | Knex.Transaction, event: AuditEvent): Promise<void> {
  await db('audit_events').insert({
    actor_id: event.actor?.id ?? null,
    actor_email: event.actor?.email ?? null,
    action: event.action,
    subject_type: event.subjectType ?? null,
    subject_id: event.subjectId ?? null,
    details: JSON.stringify(event.details ?? {}),
  });
}

/** The signed-in user of a request, as an audit actor. */
export function actorOf(req: Request): AuditEvent['actor'] {
  const principal = req.principal;
  return principal?.kind === 'user' ? { id: principal.user.id, email: principal.user.email } : undefined;
}
