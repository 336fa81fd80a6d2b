import { type Sql, subtreePattern } from '../../database/sql';
import { Where } from '../../database/where';
import type { CallOp, MachineState, Program } from '../language/program';
import { type RunRecord } from '../engine/run-row';
import type { RunStatus } from '../engine/run-status';
import { runColumns, RUNS_CHANNEL } from '../engine/runs.store';

/**
 * provisioning_runs and provisioning_steps as the operator API and other modules read them, and
 * the operator actions' updates. Tenant data: finders take the scope (a WHERE fragment on
 * RUN_SCOPE_COLUMNS from the access module, its placeholders numbered from $1) right after the
 * SQL handle.
 */

/** The columns a tenant scope restricts runs by. */
export const RUN_SCOPE_COLUMNS = { path: 'r.organization_path', orgId: 'r.organization_id' };

export interface ScopeFragment {
  sql: string;
  params: unknown[];
}

/** A run row with where its program stands (queued, running and parked runs; null otherwise). */
export interface RunViewRecord extends RunRecord {
  current_pc: number | null;
  current_op: Pick<CallOp, 'path' | 'namespace' | 'procedure'> | null;
}

const VIEW_COLUMNS = `${runColumns('r')},
  CASE WHEN r.status IN ('queued', 'running', 'parked') THEN (r.state->>'pc')::int END AS current_pc,
  CASE WHEN r.status IN ('queued', 'running', 'parked') THEN r.program->'ops'->((r.state->>'pc')::int) END AS current_op`;

export interface RunFilter {
  status?: string[];
  /** The organization's path: runs of it and below. */
  subtreeOf?: string;
  orderId?: string;
  createdFrom?: string;
  createdTo?: string;
  /** Keyset: runs with a smaller seq. */
  beforeSeq?: number;
  limit: number;
}

/** A page of runs in scope, newest first. */
export async function findRuns(sql: Sql, scope: ScopeFragment, f: RunFilter): Promise<RunViewRecord[]> {
  const where = new Where(scope)
    .add((n) => `r.status = ANY(${n}::text[])`, f.status?.length ? f.status : undefined)
    .add((n) => `r.organization_path LIKE ${n}`, f.subtreeOf === undefined ? undefined : subtreePattern(f.subtreeOf))
    .add((n) => `r.order_id = ${n}`, f.orderId)
    .add((n) => `r.created_at >= ${n}::timestamptz`, f.createdFrom)
    .add((n) => `r.created_at < ${n}::timestamptz`, f.createdTo)
    .add((n) => `r.seq < ${n}::bigint`, f.beforeSeq);
  const r = await sql.query<RunViewRecord>(
    `SELECT ${VIEW_COLUMNS} FROM provisioning_runs r WHERE ${where.sql} ORDER BY r.seq DESC LIMIT ${where.param(f.limit)}`,
    where.params,
  );
  return r.rows;
}

/** One run with whether it is in scope, and (detail) its program and state while it can still move. */
export interface ScopedRunRecord extends RunViewRecord {
  in_scope: boolean;
  program?: Program | null;
  state?: MachineState;
}

export async function findRunInScope(sql: Sql, scope: ScopeFragment, id: string, detail = false): Promise<ScopedRunRecord | undefined> {
  const extra = detail ? `, CASE WHEN r.status IN ('queued', 'running', 'parked') THEN r.program END AS program, r.state` : '';
  const r = await sql.query<ScopedRunRecord>(
    `SELECT ${VIEW_COLUMNS}${extra}, (${scope.sql}) AS in_scope FROM provisioning_runs r WHERE r.id = $${scope.params.length + 1}`,
    [...scope.params, id],
  );
  return r.rows[0];
}

/** One run by id, without a scope: for the caller that just checked or changed it in this transaction. */
export async function findRunView(sql: Sql, id: string): Promise<RunViewRecord | undefined> {
  return (await sql.query<RunViewRecord>(`SELECT ${VIEW_COLUMNS} FROM provisioning_runs r WHERE r.id = $1`, [id])).rows[0];
}

/** A provisioning_steps row. */
export interface StepRecord {
  run_id: string;
  seq: number;
  phase: 'execute' | 'rollback';
  pc: number;
  path: string;
  namespace: string;
  procedure: string;
  kind: 'read' | 'write';
  natural_key: string | null;
  status: 'completed' | 'failed';
  outcome_unknown: boolean;
  retryable: boolean | null;
  compensates_seq: number | null;
  attempt: number;
  engine_id: string;
  lease_epoch: number;
  input: unknown;
  output: unknown;
  rollback_data: unknown;
  error: unknown;
  started_at: Date;
  finished_at: Date;
  duration_ms: number;
}

/** The journal of a run, every attempt in order (the caller checked access to the run). */
export async function findSteps(sql: Sql, runId: string): Promise<StepRecord[]> {
  return (await sql.query<StepRecord>(`SELECT * FROM provisioning_steps WHERE run_id = $1 ORDER BY seq`, [runId])).rows;
}

/** What other modules show of a run's progress (orders: status, steps done of total, what was rolled back). */
export interface ProgressRecord {
  id: string;
  status: RunStatus;
  error: RunRecord['error'];
  steps_total: number | null;
  program: Program | null;
  state: MachineState | null;
  steps_done: number;
  rolled_back: { path: string; namespace: string; procedure: string; status: 'completed' | 'failed' }[];
}

export async function findProgress(sql: Sql, runIds: readonly string[]): Promise<ProgressRecord[]> {
  const r = await sql.query<ProgressRecord>(
    `SELECT r.id, r.status, r.error, (r.program->>'callCount')::int AS steps_total,
            CASE WHEN r.status IN ('queued', 'running', 'parked') THEN r.program END AS program,
            CASE WHEN r.status IN ('queued', 'running', 'parked') THEN r.state END AS state,
            (SELECT count(*) FROM provisioning_steps s WHERE s.run_id = r.id AND s.phase = 'execute' AND s.status = 'completed')::int AS steps_done,
            (SELECT coalesce(json_agg(json_build_object('path', s.path, 'namespace', s.namespace, 'procedure', s.procedure, 'status', s.status) ORDER BY s.seq), '[]'::json)
               FROM provisioning_steps s WHERE s.run_id = r.id AND s.phase = 'rollback') AS rolled_back
       FROM provisioning_runs r
      WHERE r.id = ANY($1::text[])`,
    [runIds],
  );
  return r.rows;
}

/** The request and response documents of a run. */
export async function findDocuments(sql: Sql, runId: string): Promise<{ status: RunStatus; request_xml: string; response_xml: string | null } | undefined> {
  return (
    await sql.query<{ status: RunStatus; request_xml: string; response_xml: string | null }>(
      `SELECT status, request_xml, response_xml FROM provisioning_runs WHERE id = $1`,
      [runId],
    )
  ).rows[0];
}

/** Locks a run for a status change in the caller's transaction. */
export async function lockRun(
  sql: Sql,
  runId: string,
): Promise<{ id: string; status: RunStatus; started_at: Date | null; organization_id: string | null; organization_path: string | null } | undefined> {
  const r = await sql.query<{ id: string; status: RunStatus; started_at: Date | null; organization_id: string | null; organization_path: string | null }>(
    `SELECT id, status, started_at, organization_id, organization_path FROM provisioning_runs WHERE id = $1 FOR UPDATE`,
    [runId],
  );
  return r.rows[0];
}

/** Wakes the engines (at the caller's commit). */
export async function notifyEngines(sql: Sql): Promise<void> {
  await sql.query(`SELECT pg_notify('${RUNS_CHANNEL}', '')`);
}

/** Every operator action bumps the lease epoch, so an engine that still believed it held the run is fenced off. */
const OPERATOR_UPDATES = {
  retry: `UPDATE provisioning_runs
             SET status = 'queued',
                 state = CASE WHEN $2::boolean THEN state ELSE initial_state END,
                 step_in_doubt = CASE WHEN $2::boolean THEN step_in_doubt ELSE false END,
                 attempts = 0, error = NULL, response_xml = NULL, parked_reason = NULL, finished_at = NULL,
                 not_before = now(), lease_owner = NULL, lease_expires_at = NULL, lease_epoch = lease_epoch + 1, updated_at = now()
           WHERE id = $1
           RETURNING ${runColumns()}`,
  rollback: `UPDATE provisioning_runs
                SET status = 'compensating',
                    -- The response of the finished compensation reports the original failure, not the stuck rollback.
                    error = CASE WHEN error->>'phase' = 'rollback' AND (error->'details') ? 'failure' THEN error->'details'->'failure' ELSE error END,
                    attempts = 0, response_xml = NULL, finished_at = NULL,
                    not_before = now(), lease_owner = NULL, lease_expires_at = NULL, lease_epoch = lease_epoch + 1, updated_at = now()
              WHERE id = $1
              RETURNING ${runColumns()}`,
  resolve: `UPDATE provisioning_runs
               SET status = 'resolved', resolution_reason = $2, resolved_by_user_id = $3, finished_at = now(),
                   lease_owner = NULL, lease_expires_at = NULL, lease_epoch = lease_epoch + 1, updated_at = now()
             WHERE id = $1
             RETURNING ${runColumns()}`,
  cancel: `UPDATE provisioning_runs
              SET status = 'cancelled', resolution_reason = $2, finished_at = now(),
                  lease_owner = NULL, lease_expires_at = NULL, lease_epoch = lease_epoch + 1, updated_at = now()
            WHERE id = $1 AND step_count = 0
            RETURNING ${runColumns()}`,
};

/** Back to queued: resumes at the failed step (`resume`) or replays from the start. */
export async function requeueRun(sql: Sql, runId: string, resume: boolean): Promise<RunRecord> {
  return (await sql.query<RunRecord>(OPERATOR_UPDATES.retry, [runId, resume])).rows[0];
}

export async function compensateRun(sql: Sql, runId: string): Promise<RunRecord> {
  return (await sql.query<RunRecord>(OPERATOR_UPDATES.rollback, [runId])).rows[0];
}

export async function markRunResolved(sql: Sql, runId: string, reason: string, userId: string | null): Promise<RunRecord> {
  return (await sql.query<RunRecord>(OPERATOR_UPDATES.resolve, [runId, reason, userId])).rows[0];
}

/** Cancels a run that executed nothing; undefined when it already journaled steps. */
export async function markRunCancelled(sql: Sql, runId: string, reason: string | null): Promise<RunRecord | undefined> {
  return (await sql.query<RunRecord>(OPERATOR_UPDATES.cancel, [runId, reason])).rows[0];
}
