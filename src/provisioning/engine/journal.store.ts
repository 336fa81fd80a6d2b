import type { Pool, PoolClient } from 'pg';
import type { JournalRow } from './compensation-plan';
import type { Lease } from './run-lease.store';
import { ttl } from './run-lease.store';
import type { RunRecord } from './run-row';
import { runColumns, RUNS_CHANNEL } from './runs.store';

/**
 * The journal (provisioning_steps) and the run's advance, written together by the lease holder
 * in one fenced statement each: one round trip, one commit per journaled attempt.
 */

/**
 * One finished attempt of a step (or of a rollback) and the run's advance, in **one statement**:
 * the journal row is inserted only if the fenced UPDATE matched, so a lost lease writes nothing.
 * With $8 (back-off ms) set, the lease is released and the run sleeps until then.
 *
 * The fence also requires the journal to end where the writer last left it (`step_count = $7 - 1`):
 * journal commits are asynchronous, so a database failover can lose the writer's last entries
 * while its lease (committed durably) survives. Writing on top of them would leave a hole in the
 * journal and a state built on steps the database no longer knows; a mismatch writes nothing and
 * the worker gives the run up like a lost lease.
 */
const STEP_SQL = `
WITH run AS (
  UPDATE provisioning_runs
     SET state = COALESCE($4::jsonb, state),
         attempts = $5,
         step_in_doubt = $6,
         step_count = $7,
         updated_at = now(),
         not_before = CASE WHEN $8::float8 IS NULL THEN not_before ELSE now() + ${ttl('$8')} END,
         lease_owner = CASE WHEN $8::float8 IS NULL THEN lease_owner ELSE NULL END,
         lease_expires_at = CASE WHEN $8::float8 IS NULL THEN lease_expires_at ELSE NULL END
   WHERE id = $1 AND lease_owner = $2 AND lease_epoch = $3 AND step_count = $7 - 1
  RETURNING id)
INSERT INTO provisioning_steps (run_id, seq, phase, pc, path, namespace, procedure, kind, natural_key, status, outcome_unknown, retryable,
                                compensates_seq, attempt, engine_id, lease_epoch, input, output, rollback_data, error,
                                started_at, finished_at, duration_ms)
SELECT id, $7, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $2, $3, $21::jsonb, $22::jsonb, $23::jsonb, $24::jsonb, $25, $26, $27
  FROM run`;

/**
 * Several finished attempts and the run's state after the last, in **one statement** (parallel
 * branches, parallel-branches.ts: the calls that settled while the previous write was under way).
 * Fenced like STEP_SQL: the journal must end at $5 (the entry before the first) and the rows are
 * inserted only if the UPDATE matched, so the batch is written whole or not at all. $6 is a JSON
 * array of rows (the columns of provisioning_steps, JSON nulls mean SQL NULL).
 */
const STEPS_SQL = `
WITH run AS (
  UPDATE provisioning_runs
     SET state = COALESCE($4::jsonb, state),
         attempts = 0,
         step_in_doubt = false,
         step_count = $5 + jsonb_array_length($6::jsonb),
         updated_at = now()
   WHERE id = $1 AND lease_owner = $2 AND lease_epoch = $3 AND step_count = $5
  RETURNING id)
INSERT INTO provisioning_steps (run_id, seq, phase, pc, path, namespace, procedure, kind, natural_key, status, outcome_unknown, retryable,
                                compensates_seq, attempt, engine_id, lease_epoch, input, output, rollback_data, error,
                                started_at, finished_at, duration_ms)
SELECT run.id, e.seq, e.phase, e.pc, e.path, e.namespace, e.procedure, e.kind, e.natural_key, e.status, e.outcome_unknown, e.retryable,
       e.compensates_seq, e.attempt, $2, $3, NULLIF(e.input, 'null'), NULLIF(e.output, 'null'), NULLIF(e.rollback_data, 'null'),
       NULLIF(e.error, 'null'), e.started_at, e.finished_at, e.duration_ms
  FROM run, jsonb_to_recordset($6::jsonb) AS e(seq integer, phase text, pc integer, path text, namespace text, procedure text, kind text,
       natural_key text, status text, outcome_unknown boolean, retryable boolean, compensates_seq integer, attempt integer, input jsonb,
       output jsonb, rollback_data jsonb, error jsonb, started_at timestamptz, finished_at timestamptz, duration_ms double precision)`;

/**
 * A status change by the lease holder (compensating, parked, completed, failed, needs_attention),
 * with the attempt that caused it journaled in the same statement when $13 is true. Returns the
 * run for hooks; no row means the lease was lost (or the writer's last journal entries were, see
 * STEP_SQL). $11 releases the lease, $12 sets finished_at.
 */
const TRANSITION_SQL = `
WITH run AS (
  UPDATE provisioning_runs
     SET status = $4,
         state = COALESCE($5::jsonb, state),
         error = CASE WHEN $6::boolean THEN $7::jsonb ELSE error END,
         response_xml = COALESCE($8, response_xml),
         parked_reason = COALESCE($9, parked_reason),
         attempts = $10,
         step_in_doubt = $14,
         step_count = $15,
         lease_owner = CASE WHEN $11::boolean THEN NULL ELSE lease_owner END,
         lease_expires_at = CASE WHEN $11::boolean THEN NULL ELSE lease_expires_at END,
         finished_at = CASE WHEN $12::boolean THEN now() ELSE finished_at END,
         updated_at = now()
   WHERE id = $1 AND lease_owner = $2 AND lease_epoch = $3
     AND step_count = $15 - CASE WHEN $13::boolean THEN 1 ELSE 0 END
  RETURNING ${runColumns()}),
step AS (
  INSERT INTO provisioning_steps (run_id, seq, phase, pc, path, namespace, procedure, kind, natural_key, status, outcome_unknown, retryable,
                                  compensates_seq, attempt, engine_id, lease_epoch, input, output, rollback_data, error,
                                  started_at, finished_at, duration_ms)
  SELECT id, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $2, $3, $28::jsonb, $29::jsonb, $30::jsonb, $31::jsonb, $32, $33, $34
    FROM run WHERE $13::boolean)
SELECT run.*, CASE WHEN $11::boolean THEN pg_notify('${RUNS_CHANNEL}', '') END AS notified FROM run`;

/** The journal of a run, for compensation planning. */
const JOURNAL_SQL = `
SELECT seq, phase, pc, path, namespace, procedure, kind, natural_key, status, outcome_unknown, compensates_seq, input, rollback_data
  FROM provisioning_steps
 WHERE run_id = $1
 ORDER BY seq`;

/** The parameters of a journal row ($n … $n+18 of STEP_SQL and TRANSITION_SQL), or 19 nulls. */
export type JournalParams = unknown[];

/** Journals one attempt and advances the run (fenced). False when the lease or the writer's last entries were lost: nothing was written. */
export async function insertStep(
  pool: Pool,
  lease: Lease,
  advance: { state: string | null; attempts: number; stepInDoubt: boolean; stepCount: number; backoffMs: number | null },
  entry: JournalParams,
): Promise<boolean> {
  const r = await pool.query({
    name: 'provisio_engine_step',
    text: STEP_SQL,
    values: [lease.runId, lease.owner, lease.epoch, advance.state, advance.attempts, advance.stepInDoubt, advance.stepCount, advance.backoffMs, ...entry],
  });
  return (r.rowCount ?? 0) > 0;
}

/** One journal row of STEPS_SQL (provisioning_steps' columns, engine and epoch from the lease). */
export interface StepRowJson {
  seq: number;
  phase: string;
  pc: number;
  path: string;
  namespace: string;
  procedure: string;
  kind: string;
  natural_key: string | null;
  status: string;
  outcome_unknown: boolean;
  retryable: boolean | null;
  compensates_seq: number | null;
  attempt: number;
  input: unknown;
  output: unknown;
  rollback_data: unknown;
  error: unknown;
  started_at: string;
  finished_at: string;
  duration_ms: number;
}

/**
 * Journals consecutive attempts (seq `after` + 1 …) and sets the run's state after the last, fenced;
 * the run's attempts and step_in_doubt go back to none. False when the lease or the writer's last
 * entries were lost: nothing was written.
 */
export async function insertSteps(pool: Pool, lease: Lease, state: string | null, after: number, rows: StepRowJson[]): Promise<boolean> {
  const r = await pool.query({
    name: 'provisio_engine_steps',
    text: STEPS_SQL,
    values: [lease.runId, lease.owner, lease.epoch, state, after, JSON.stringify(rows)],
  });
  return (r.rowCount ?? 0) === rows.length;
}

/** The status change of a transition (see TRANSITION_SQL), its values in order after the lease. */
export interface TransitionValues {
  status: string;
  state: string | null;
  setError: boolean;
  error: string | null;
  responseXml: string | null;
  parkedReason: string | null;
  attempts: number;
  release: boolean;
  finished: boolean;
  journaled: boolean;
  stepInDoubt: boolean;
  stepCount: number;
}

/** The fenced status update with its journal row and NOTIFY, on a client inside a transaction; undefined when the lease was lost. */
export async function updateRunStatus(client: PoolClient, lease: Lease, v: TransitionValues, entry: JournalParams): Promise<RunRecord | undefined> {
  const r = await client.query<RunRecord>({
    name: 'provisio_engine_transition',
    text: TRANSITION_SQL,
    values: [
      lease.runId,
      lease.owner,
      lease.epoch,
      v.status,
      v.state,
      v.setError,
      v.error,
      v.responseXml,
      v.parkedReason,
      v.attempts,
      v.release,
      v.finished,
      v.journaled,
      v.stepInDoubt,
      v.stepCount,
      ...entry,
    ],
  });
  return r.rows[0];
}

interface JournalRecord {
  seq: number;
  phase: JournalRow['phase'];
  pc: number;
  path: string;
  namespace: string;
  procedure: string;
  kind: JournalRow['kind'];
  natural_key: string | null;
  status: JournalRow['status'];
  outcome_unknown: boolean;
  compensates_seq: number | null;
  input: Record<string, unknown> | null;
  rollback_data: Record<string, unknown> | null;
}

/** A run's journal, for compensation planning. */
export async function readJournal(pool: Pool, runId: string): Promise<JournalRow[]> {
  const r = await pool.query<JournalRecord>(JOURNAL_SQL, [runId]);
  return r.rows.map((j) => ({
    seq: j.seq,
    phase: j.phase,
    pc: j.pc,
    path: j.path,
    namespace: j.namespace,
    procedure: j.procedure,
    kind: j.kind,
    naturalKey: j.natural_key ?? null,
    status: j.status,
    outcomeUnknown: j.outcome_unknown,
    compensatesSeq: j.compensates_seq ?? null,
    input: j.input ?? null,
    rollbackData: j.rollback_data ?? null,
  }));
}
