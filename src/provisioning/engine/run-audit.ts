import type { Sql } from '../../database/sql';

/**
 * Who changes a run: an engine (`{ system: 'engine:eng_…' }`) or an operator. The same shape as
 * the audit module's actor, so the composition root can hand the engine the audit writer as its
 * sink without the engine importing the audit module.
 */
export interface RunActor {
  userId?: string | null;
  orgId?: string | null;
  onBehalfOfOrgId?: string | null;
  tokenId?: string | null;
  delegationId?: string | null;
  system?: string;
}

/** One audit event about a run (`run.started`, `run.completed`, `run.taken_over` …). */
export interface RunAuditEvent {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  resourceType: 'provisioning_run';
  resourceId: string;
  organizationId: string | null;
  organizationPath: string | null;
  details: Record<string, unknown>;
}

/**
 * Writes an audit event in the caller's transaction (the status change it records commits with
 * it). The composition root passes the audit module's `appendAuditEvent`. With `batch`, the
 * events written through the handle it gives fn (including those of the run hooks fn calls) go
 * to the database in one statement when fn returns, inside the same transaction.
 */
export type RunAuditSink = ((sql: Sql, actor: RunActor, event: RunAuditEvent) => Promise<unknown>) & {
  batch?: <T>(sql: Sql, fn: (sql: Sql) => Promise<T>) => Promise<T>;
};

/** `sink.batch`, or fn on the handle itself when the sink cannot batch. */
export function auditBatch<T>(sink: RunAuditSink, sql: Sql, fn: (sql: Sql) => Promise<T>): Promise<T> {
  return sink.batch ? sink.batch(sql, fn) : fn(sql);
}
