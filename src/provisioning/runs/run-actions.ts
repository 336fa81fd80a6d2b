import { type AuditActor, appendAuditEvent } from '../../audit/audit-writer';
import { ProblemError } from '../../common/errors/problem';
import type { Sql } from '../../database/sql';
import { RUNS_CHANNEL } from '../engine/create-run';
import type { RunHookRegistry } from '../engine/run-hooks';
import { runColumns, type RunRow, toRunRow } from '../engine/run-row';
import { RESOLVABLE_STATUSES, RETRYABLE_STATUSES, ROLLBACKABLE_STATUSES, type RunStatus } from '../engine/run-status';

/**
 * Operator actions on runs (ARCHITECTURE.md §5 "Park / operator"): nobody needs SQL to clear a
 * stuck run. Each runs inside the caller's transaction: lock the run, check its status (409
 * RUN_STATE_CONFLICT otherwise), change it, fire the run hooks, NOTIFY the engines, and write the
 * audit event last. Every action bumps the lease epoch, so an engine that still believed it held
 * the run is fenced off.
 */

interface Locked {
  id: string;
  status: RunStatus;
  organizationId: string | null;
  organizationPath: string | null;
}

async function lockRun(sql: Sql, runId: string): Promise<Locked> {
  const r = await sql.query<{ id: string; status: RunStatus; organization_id: string | null; organization_path: string | null }>(
    `SELECT id, status, organization_id, organization_path FROM provisioning_runs WHERE id = $1 FOR UPDATE`,
    [runId],
  );
  const row = r.rows[0];
  if (!row) throw new ProblemError('RUN_NOT_FOUND', `Run ${runId} not found`);
  return { id: row.id, status: row.status, organizationId: row.organization_id, organizationPath: row.organization_path };
}

function requireStatus(run: Locked, allowed: readonly RunStatus[], action: string) {
  if (!allowed.includes(run.status)) {
    throw new ProblemError('RUN_STATE_CONFLICT', `A ${run.status} run cannot be ${action}; possible when ${allowed.join(', ')}`, { runStatus: run.status, allowed });
  }
}

async function finish(sql: Sql, hooks: RunHookRegistry, actor: AuditActor, previous: Locked, row: Record<string, any>, action: string, details: Record<string, unknown>): Promise<RunRow> {
  const run = toRunRow(row);
  await hooks.fire(sql, run, { previousStatus: previous.status, actor });
  await sql.query(`SELECT pg_notify('${RUNS_CHANNEL}', '')`);
  await appendAuditEvent(sql, actor, {
    action,
    resourceType: 'provisioning_run',
    resourceId: run.id,
    organizationId: run.organizationId,
    organizationPath: run.organizationPath,
    details: { previousStatus: previous.status, status: run.status, ...(run.orderId ? { orderId: run.orderId } : {}), ...details },
  });
  return run;
}

export interface ActionOptions {
  /** The process's run hooks (the composition root's registry): other modules follow the change. */
  hooks: RunHookRegistry;
}

/**
 * Retry from the failed step. A parked run resumes exactly there (nothing was undone). A failed
 * or needs_attention run was compensated, entirely or partly, so resuming at the failed step
 * would skip effects that were rolled back: it replays from the start instead, which is safe
 * because every procedure is idempotent (steps whose effect is still there succeed at once).
 */
export async function retryRun(sql: Sql, runId: string, actor: AuditActor, opts: ActionOptions): Promise<RunRow> {
  const before = await lockRun(sql, runId);
  requireStatus(before, RETRYABLE_STATUSES, 'retried');
  const resume = before.status === 'parked';
  const r = await sql.query(
    `UPDATE provisioning_runs
        SET status = 'queued',
            state = CASE WHEN $2::boolean THEN state ELSE initial_state END,
            step_in_doubt = CASE WHEN $2::boolean THEN step_in_doubt ELSE false END,
            attempts = 0, error = NULL, response_xml = NULL, parked_reason = NULL, finished_at = NULL,
            not_before = now(), lease_owner = NULL, lease_expires_at = NULL, lease_epoch = lease_epoch + 1, updated_at = now()
      WHERE id = $1
      RETURNING ${runColumns()}`,
    [runId, resume],
  );
  return finish(sql, opts.hooks, actor, before, r.rows[0], 'run.retried', { from: resume ? 'failed_step' : 'start' });
}

/**
 * Compensate (again): run the rollback of every completed or in-doubt write step not yet undone,
 * newest first. For a run stuck in needs_attention this continues where the compensation stopped.
 */
export async function rollbackRun(sql: Sql, runId: string, actor: AuditActor, opts: ActionOptions): Promise<RunRow> {
  const before = await lockRun(sql, runId);
  requireStatus(before, ROLLBACKABLE_STATUSES, 'rolled back');
  const r = await sql.query(
    `UPDATE provisioning_runs
        SET status = 'compensating',
            -- The response of the finished compensation reports the original failure, not the stuck rollback.
            error = CASE WHEN error->>'phase' = 'rollback' AND (error->'details') ? 'failure' THEN error->'details'->'failure' ELSE error END,
            attempts = 0, response_xml = NULL, finished_at = NULL,
            not_before = now(), lease_owner = NULL, lease_expires_at = NULL, lease_epoch = lease_epoch + 1, updated_at = now()
      WHERE id = $1
      RETURNING ${runColumns()}`,
    [runId],
  );
  return finish(sql, opts.hooks, actor, before, r.rows[0], 'run.rollback_requested', {});
}

/** Close a run an operator has dealt with by other means; the reason is mandatory and audited. */
export async function resolveRun(sql: Sql, runId: string, actor: AuditActor, reason: string, opts: ActionOptions & { userId?: string | null }): Promise<RunRow> {
  if (!reason || !reason.trim()) throw new ProblemError('VALIDATION_FAILED', 'A reason is required', { errors: [{ path: 'reason', message: 'is required' }] });
  const before = await lockRun(sql, runId);
  requireStatus(before, RESOLVABLE_STATUSES, 'resolved');
  const r = await sql.query(
    `UPDATE provisioning_runs
        SET status = 'resolved', resolution_reason = $2, resolved_by_user_id = $3, finished_at = now(),
            lease_owner = NULL, lease_expires_at = NULL, lease_epoch = lease_epoch + 1, updated_at = now()
      WHERE id = $1
      RETURNING ${runColumns()}`,
    [runId, reason, opts.userId ?? actor.userId ?? null],
  );
  return finish(sql, opts.hooks, actor, before, r.rows[0], 'run.resolved', { reason });
}

/**
 * Cancel a run that has not executed anything yet (an order cancelled while queued). A run that
 * started must be rolled back instead.
 */
export async function cancelQueuedRun(sql: Sql, runId: string, actor: AuditActor, reason: string | null, opts: ActionOptions): Promise<RunRow> {
  const before = await lockRun(sql, runId);
  requireStatus(before, ['queued'], 'cancelled');
  const r = await sql.query(
    `UPDATE provisioning_runs
        SET status = 'cancelled', resolution_reason = $2, finished_at = now(),
            lease_owner = NULL, lease_expires_at = NULL, lease_epoch = lease_epoch + 1, updated_at = now()
      WHERE id = $1 AND step_count = 0
      RETURNING ${runColumns()}`,
    [runId, reason],
  );
  if (!r.rows[0]) throw new ProblemError('RUN_STATE_CONFLICT', 'The run has already executed steps; roll it back instead', { runStatus: before.status });
  return finish(sql, opts.hooks, actor, before, r.rows[0], 'run.cancelled', reason ? { reason } : {});
}
