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
 * it). The composition root passes the audit module's `appendAuditEvent`.
 */
export type RunAuditSink = (sql: Sql, actor: RunActor, event: RunAuditEvent) => Promise<unknown>;
