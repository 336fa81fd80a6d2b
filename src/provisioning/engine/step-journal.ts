import type { Pool, PoolClient } from 'pg';
import { inClientTransaction } from '../../database/pg-client';
import { type Sql, sqlOfPg } from '../../database/sql';
import type { MachineState } from '../language/program';
import { insertStep, insertSteps, updateRunStatus } from './journal.store';
import type { Lease } from './run-lease.store';
import { auditBatch, type RunActor, type RunAuditEvent, type RunAuditSink } from './run-audit';
import type { RunHookRegistry } from './run-hooks';
import { type RunRow, toRunRow } from './run-row';
import type { RunStatus } from './run-status';

export type { Lease } from './run-lease.store';

/** One finished attempt of a step or of a rollback. */
export interface JournalEntry {
  seq: number;
  phase: 'execute' | 'rollback';
  pc: number;
  path: string;
  namespace: string;
  procedure: string;
  kind: 'read' | 'write';
  naturalKey: string | null;
  status: 'completed' | 'failed';
  /** The attempt may have had its effect (timeout, crash, unexpected error). */
  outcomeUnknown: boolean;
  retryable: boolean | null;
  compensatesSeq: number | null;
  attempt: number;
  input: unknown;
  output: unknown;
  rollbackData: unknown;
  error: unknown;
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
}

/** How the run moves with a journaled attempt. */
export interface Advance {
  /** New machine state; omitted = unchanged. */
  state?: MachineState | null;
  attempts: number;
  stepInDoubt: boolean;
  stepCount: number;
  /** Retry later: release the lease and set not_before = now() + backoffMs. */
  backoffMs?: number | null;
}

const jsonOrNull = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

function entryParams(e: JournalEntry | undefined): unknown[] {
  if (!e) return new Array(19).fill(null);
  return [
    e.phase,
    e.pc,
    e.path,
    e.namespace,
    e.procedure,
    e.kind,
    e.naturalKey,
    e.status,
    e.outcomeUnknown,
    e.retryable,
    e.compensatesSeq,
    e.attempt,
    jsonOrNull(e.input),
    jsonOrNull(e.output),
    jsonOrNull(e.rollbackData),
    jsonOrNull(e.error),
    e.startedAt.toISOString(),
    e.finishedAt.toISOString(),
    e.durationMs,
  ];
}

/**
 * Journals one attempt and advances the run in one fenced statement (one round trip, one
 * commit). Returns false when the lease was lost: nothing was written.
 */
export function recordStep(pool: Pool, lease: Lease, entry: JournalEntry, advance: Advance): Promise<boolean> {
  const state = advance.state ? JSON.stringify(advance.state) : null;
  return insertStep(
    pool,
    lease,
    { state, attempts: advance.attempts, stepInDoubt: advance.stepInDoubt, stepCount: advance.stepCount, backoffMs: advance.backoffMs ?? null },
    entryParams(entry),
  );
}

/**
 * Journals consecutive attempts (the first numbered `after` + 1) and the run's state after the
 * last, in one fenced statement; the run has no attempt in doubt after them. False when the lease
 * was lost: nothing was written.
 */
export function recordSteps(pool: Pool, lease: Lease, after: number, entries: JournalEntry[], state: MachineState | undefined): Promise<boolean> {
  const rows = entries.map((e) => ({
    seq: e.seq,
    phase: e.phase,
    pc: e.pc,
    path: e.path,
    namespace: e.namespace,
    procedure: e.procedure,
    kind: e.kind,
    natural_key: e.naturalKey,
    status: e.status,
    outcome_unknown: e.outcomeUnknown,
    retryable: e.retryable,
    compensates_seq: e.compensatesSeq,
    attempt: e.attempt,
    input: e.input ?? null,
    output: e.output ?? null,
    rollback_data: e.rollbackData ?? null,
    error: e.error ?? null,
    started_at: e.startedAt.toISOString(),
    finished_at: e.finishedAt.toISOString(),
    duration_ms: e.durationMs,
  }));
  return insertSteps(pool, lease, state ? JSON.stringify(state) : null, after, rows);
}

export interface AuditSpec {
  action: string;
  outcome?: RunAuditEvent['outcome'];
  details?: Record<string, unknown>;
}

export interface Transition {
  status: RunStatus;
  previousStatus: RunStatus;
  state?: MachineState | null;
  /** Omitted = unchanged; null clears. */
  error?: unknown;
  responseXml?: string | null;
  parkedReason?: string | null;
  attempts: number;
  stepInDoubt: boolean;
  stepCount: number;
  /** Give the lease up (parked and terminal statuses). */
  release: boolean;
  /** Set finished_at (terminal statuses). */
  finished: boolean;
  /** The attempt that caused the change, journaled in the same statement. */
  journal?: JournalEntry;
  /** Events written last, in this order. */
  audit: AuditSpec[];
}

/** What a status change needs besides the run: the hooks to fire, where audit events go, who acts. */
export interface TransitionContext {
  hooks: RunHookRegistry;
  audit: RunAuditSink;
  actor: RunActor;
}

/** The fenced status update (with its journal row and NOTIFY) and the hooks, on a client inside a transaction. */
async function applyTransition(client: PoolClient, sql: Sql, lease: Lease, t: Transition, { hooks, actor }: TransitionContext): Promise<RunRow | null> {
  const row = await updateRunStatus(
    client,
    lease,
    {
      status: t.status,
      state: t.state ? JSON.stringify(t.state) : null,
      setError: t.error !== undefined,
      error: jsonOrNull(t.error),
      responseXml: t.responseXml ?? null,
      parkedReason: t.parkedReason ?? null,
      attempts: t.attempts,
      release: t.release,
      finished: t.finished,
      journaled: !!t.journal,
      stepInDoubt: t.stepInDoubt,
      stepCount: t.stepCount,
    },
    entryParams(t.journal),
  );
  if (!row) return null;
  const run = toRunRow(row);
  await hooks.fire(sql, run, { previousStatus: t.previousStatus, actor });
  return run;
}

async function auditTransition(sql: Sql, { audit, actor }: TransitionContext, run: RunRow, t: Transition): Promise<void> {
  for (const a of t.audit) {
    await audit(sql, actor, {
      action: a.action,
      outcome: a.outcome,
      resourceType: 'provisioning_run',
      resourceId: run.id,
      organizationId: run.organizationId,
      organizationPath: run.organizationPath,
      details: { ...(a.details ?? {}), ...(run.orderId ? { orderId: run.orderId } : {}) },
    });
  }
}

/**
 * A status change by the lease holder, in one transaction: the fenced update (with the journal
 * row and NOTIFY), the hooks of other modules, then the audit events as the last statement: the
 * hooks' events and the run's own in one INSERT (in that order) when the sink batches.
 * Returns the updated run, or null when the lease was lost (nothing written).
 */
export async function transition(pool: Pool, lease: Lease, t: Transition, tc: TransitionContext): Promise<RunRow | null> {
  const lost = Symbol('lost');
  try {
    return await inClientTransaction(pool, (client) =>
      auditBatch(tc.audit, sqlOfPg(client), async (sql) => {
        const run = await applyTransition(client, sql, lease, t, tc);
        // Nothing to write: roll back (through the throw) and report the lost lease.
        if (!run) throw lost;
        await auditTransition(sql, tc, run, t);
        return run;
      }),
    );
  } catch (e) {
    if (e === lost) return null;
    throw e;
  }
}

export { releaseLease, renewLease } from './run-lease.store';
