import type { Pool, PoolClient } from 'pg';
import type { MachineState, Program } from '../language/program';
import type { RunRecord } from './run-row';
import { KEY_BLOCKING_STATUSES, RUNNABLE_STATUSES, type RunStatus, sqlList } from './run-status';
import { runColumns, RUNS_CHANNEL } from './runs.store';

/**
 * Leases of runs (ARCHITECTURE.md §5): claim, heartbeat, renew, release, and the wake-up channel.
 * The hot statements are sent as named prepared statements. Every write of a run is **fenced**:
 * `AND lease_owner = $me AND lease_epoch = $epoch`; a write that matches no row means another
 * engine owns the run now.
 */

export const ttl = (param: string) => `make_interval(secs => ${param}::float8 / 1000)`;

/**
 * Claim up to $3 runnable runs for engine $1 with a lease of $2 ms, in priority then creation
 * order, skipping rows other engines are claiming. A run is runnable when its lease is free or
 * expired, its back-off is over, and no other run with its serialization key is earlier and
 * unfinished (or executing right now, which covers an old run an operator retried).
 * Re-claiming a run whose previous owner's lease expired is a **takeover**: the step that was in
 * flight may have run, so it counts as an attempt and its outcome is in doubt.
 */
const CLAIM_SQL = `
WITH c AS MATERIALIZED (
  SELECT r.id, r.lease_owner AS prev_owner, r.status AS prev_status
    FROM provisioning_runs r
   WHERE r.status IN (${sqlList(RUNNABLE_STATUSES)})
     AND (r.lease_expires_at IS NULL OR r.lease_expires_at < now())
     AND r.not_before <= now()
     AND (r.serialization_key IS NULL OR NOT EXISTS (
           SELECT 1 FROM provisioning_runs e
            WHERE e.serialization_key = r.serialization_key
              AND e.status IN (${sqlList(KEY_BLOCKING_STATUSES)})
              AND e.id <> r.id
              AND (e.seq < r.seq OR e.status IN ('running', 'compensating'))))
   ORDER BY r.priority, r.seq
   LIMIT $3
   FOR UPDATE OF r SKIP LOCKED)
UPDATE provisioning_runs r
   SET lease_owner = $1,
       lease_epoch = r.lease_epoch + 1,
       lease_expires_at = now() + ${ttl('$2')},
       status = CASE WHEN r.status = 'queued' THEN 'running' ELSE r.status END,
       started_at = COALESCE(r.started_at, now()),
       claims = r.claims + 1,
       attempts = CASE WHEN c.prev_owner IS NOT NULL THEN r.attempts + 1 ELSE r.attempts END,
       step_in_doubt = r.step_in_doubt OR (c.prev_owner IS NOT NULL AND r.status = 'running'),
       updated_at = now()
  FROM c
 WHERE r.id = c.id
RETURNING ${runColumns('r')}, c.prev_owner, c.prev_status, r.step_in_doubt, r.program, r.state`;

/** A claimed run: its row, who held it before, and what the worker needs to resume it. */
export interface ClaimRecord extends RunRecord {
  status: 'running' | 'compensating';
  prev_owner: string | null;
  prev_status: RunStatus;
  step_in_doubt: boolean;
  program: Program;
  state: MachineState;
}

/** Claims up to `limit` runnable runs for the engine, on a client inside the caller's transaction. */
export async function claimRuns(client: PoolClient, engineId: string, ttlMs: number, limit: number): Promise<ClaimRecord[]> {
  const r = await client.query<ClaimRecord>({ name: 'provisio_engine_claim', text: CLAIM_SQL, values: [engineId, ttlMs, limit] });
  return r.rows;
}

/**
 * Renews every lease this engine holds (by id and epoch) and its engines row, in one statement.
 * It never waits for a row lock: a run locked right now (its own status change waiting for the
 * audit chain, another engine's takeover in progress) is skipped this round, so a busy run can
 * never delay the heartbeat of the others past their ttl. `lost` (a plain read) lists the runs
 * that another owner or epoch holds now.
 */
const HEARTBEAT_SQL = `
WITH held AS (
  SELECT h.id, h.epoch FROM unnest($3::text[], $4::int[]) AS h(id, epoch)),
lockable AS (
  SELECT r.id
    FROM provisioning_runs r JOIN held h ON r.id = h.id AND r.lease_epoch = h.epoch
   WHERE r.lease_owner = $1
     FOR UPDATE OF r SKIP LOCKED),
renewed AS (
  UPDATE provisioning_runs r
     SET lease_expires_at = now() + ${ttl('$2')}
    FROM lockable l
   WHERE r.id = l.id
  RETURNING r.id),
lost AS (
  SELECT h.id FROM held h LEFT JOIN provisioning_runs r ON r.id = h.id
   WHERE r.id IS NULL OR r.lease_owner IS DISTINCT FROM $1 OR r.lease_epoch <> h.epoch),
eng AS (
  UPDATE engines SET heartbeat_at = now(), runs_held = $5, steps_done = $6
   WHERE id = $1 AND state <> 'stopped'
  RETURNING state)
SELECT ARRAY(SELECT id FROM renewed) AS renewed, ARRAY(SELECT id FROM lost) AS lost, (SELECT state FROM eng) AS engine_state`;

/** Renews every lease the engine holds and its engines row; lists the runs renewed and those another owner holds now. */
export async function heartbeat(
  pool: Pool,
  engineId: string,
  ttlMs: number,
  held: { id: string; epoch: number }[],
  stepsDone: number,
): Promise<{ renewed: string[]; lost: string[] }> {
  const r = await pool.query<{ renewed: string[] | null; lost: string[] | null }>({
    name: 'provisio_engine_heartbeat',
    text: HEARTBEAT_SQL,
    values: [engineId, ttlMs, held.map((h) => h.id), held.map((h) => h.epoch), held.length, stepsDone],
  });
  return { renewed: r.rows[0]?.renewed ?? [], lost: r.rows[0]?.lost ?? [] };
}

/** Renews one lease (fenced): a worker whose heartbeat fell behind checks before its next step. */
const RENEW_SQL = `
UPDATE provisioning_runs SET lease_expires_at = now() + ${ttl('$4')}
 WHERE id = $1 AND lease_owner = $2 AND lease_epoch = $3`;

/** Renews one lease (fenced). False: another engine or an operator holds the run now. */
export async function renewLease(pool: Pool, lease: Lease, ttlMs: number): Promise<boolean> {
  const r = await pool.query({ name: 'provisio_engine_renew', text: RENEW_SQL, values: [lease.runId, lease.owner, lease.epoch, ttlMs] });
  return (r.rowCount ?? 0) > 0;
}

/** Gives one run back (graceful stop, or after an error): another engine may claim it at once. */
const RELEASE_SQL = `
WITH run AS (
  UPDATE provisioning_runs
     SET lease_owner = NULL, lease_expires_at = NULL, step_in_doubt = step_in_doubt OR $4, updated_at = now()
   WHERE id = $1 AND lease_owner = $2 AND lease_epoch = $3
  RETURNING id)
SELECT (SELECT count(*) FROM run)::int AS released, pg_notify('${RUNS_CHANNEL}', '') AS notified`;

/** Gives one run back (fenced). `inDoubt` marks the current step's outcome unknown for its next holder. */
export async function releaseLease(pool: Pool, lease: Lease, inDoubt: boolean): Promise<boolean> {
  const r = await pool.query<{ released: number }>({
    name: 'provisio_engine_release',
    text: RELEASE_SQL,
    values: [lease.runId, lease.owner, lease.epoch, inDoubt],
  });
  return (r.rows[0]?.released ?? 0) > 0;
}

/** Gives back every run this engine still holds (last step of a graceful stop). */
const RELEASE_ALL_SQL = `
WITH run AS (
  UPDATE provisioning_runs
     SET lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
   WHERE lease_owner = $1
  RETURNING id)
SELECT (SELECT count(*) FROM run)::int AS released, pg_notify('${RUNS_CHANNEL}', '') AS notified`;

/** Gives back every run the engine still holds; returns how many. */
export async function releaseAllLeases(pool: Pool, engineId: string): Promise<number> {
  const r = await pool.query<{ released: number }>(RELEASE_ALL_SQL, [engineId]);
  return r.rows[0]?.released ?? 0;
}

/** Subscribes a dedicated connection to the runs channel. */
export async function listenForRuns(client: { query(text: string): Promise<unknown> }): Promise<void> {
  await client.query(`LISTEN ${RUNS_CHANNEL}`);
}

/** What fences a write: the run, its holder and the epoch of the holder's claim. */
export interface Lease {
  runId: string;
  owner: string;
  epoch: number;
}
