import { type AuditActor, appendAuditEvent } from '../../audit/audit-writer';
import { ProblemError } from '../../common/errors/problem';
import type { Sql } from '../../database/sql';
import type { RunHookRegistry } from '../engine/run-hooks';
import { type RunRecord, type RunRow, toRunRow } from '../engine/run-row';
import { RESOLVABLE_STATUSES, RETRYABLE_STATUSES, ROLLBACKABLE_STATUSES, type RunStatus } from '../engine/run-status';
import { compensateRun, lockRun as lockRunRow, markRunCancelled, markRunResolved, notifyEngines, requeueRun } from './runs.store';

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
  const row = await lockRunRow(sql, runId);
  if (!row) throw new ProblemError('RUN_NOT_FOUND', `Run ${runId} not found`);
  return { id: row.id, status: row.status, organizationId: row.organization_id, organizationPath: row.organization_path };
}

function requireStatus(run: Locked, allowed: readonly RunStatus[], action: string) {
  if (!allowed.includes(run.status)) {
    throw new ProblemError('RUN_STATE_CONFLICT', `A ${run.status} run cannot be ${action}; possible when ${allowed.join(', ')}`, {
      runStatus: run.status,
      allowed,
    });
  }
}

async function finish(
  sql: Sql,
  hooks: RunHookRegistry,
  actor: AuditActor,
  previous: Locked,
  row: RunRecord,
  action: string,
  details: Record<string, unknown>,
): Promise<RunRow> {
  const run = toRunRow(row);
  await hooks.fire(sql, run, { previousStatus: previous.status, actor });
  await notifyEngines(sql);
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
  return finish(sql, opts.hooks, actor, before, await requeueRun(sql, runId, resume), 'run.retried', { from: resume ? 'failed_step' : 'start' });
}

/**
 * Compensate (again): run the rollback of every completed or in-doubt write step not yet undone,
 * newest first. For a run stuck in needs_attention this continues where the compensation stopped.
 */
export async function rollbackRun(sql: Sql, runId: string, actor: AuditActor, opts: ActionOptions): Promise<RunRow> {
  const before = await lockRun(sql, runId);
  requireStatus(before, ROLLBACKABLE_STATUSES, 'rolled back');
  return finish(sql, opts.hooks, actor, before, await compensateRun(sql, runId), 'run.rollback_requested', {});
}

/** Close a run an operator has dealt with by other means; the reason is mandatory and audited. */
export async function resolveRun(
  sql: Sql,
  runId: string,
  actor: AuditActor,
  reason: string,
  opts: ActionOptions & { userId?: string | null },
): Promise<RunRow> {
  if (!reason || !reason.trim()) throw new ProblemError('VALIDATION_FAILED', 'A reason is required', { errors: [{ path: 'reason', message: 'is required' }] });
  const before = await lockRun(sql, runId);
  requireStatus(before, RESOLVABLE_STATUSES, 'resolved');
  return finish(sql, opts.hooks, actor, before, await markRunResolved(sql, runId, reason, opts.userId ?? actor.userId ?? null), 'run.resolved', { reason });
}

/**
 * Cancel a run that has not executed anything yet (an order cancelled while queued). A run that
 * started must be rolled back instead.
 */
export async function cancelQueuedRun(sql: Sql, runId: string, actor: AuditActor, reason: string | null, opts: ActionOptions): Promise<RunRow> {
  const before = await lockRun(sql, runId);
  requireStatus(before, ['queued'], 'cancelled');
  const row = await markRunCancelled(sql, runId, reason);
  if (!row) throw new ProblemError('RUN_STATE_CONFLICT', 'The run has already executed steps; roll it back instead', { runStatus: before.status });
  return finish(sql, opts.hooks, actor, before, row, 'run.cancelled', reason ? { reason } : {});
}
