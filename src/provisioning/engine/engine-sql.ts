/**
 * The engine's statements (ARCHITECTURE.md §5). Hot ones are sent as named prepared statements.
 * Every write of a run is **fenced**: `AND lease_owner = $me AND lease_epoch = $epoch`; a write
 * that matches no row means another engine owns the run now.
 */
import { RUNS_CHANNEL } from './create-run';
import { runColumns } from './run-row';
import { KEY_BLOCKING_STATUSES, RUNNABLE_STATUSES, sqlList } from './run-status';

const ttl = (param: string) => `make_interval(secs => ${param}::float8 / 1000)`;

/**
 * Claim up to $3 runnable runs for engine $1 with a lease of $2 ms, in priority then creation
 * order, skipping rows other engines are claiming. A run is runnable when its lease is free or
 * expired, its back-off is over, and no other run with its serialization key is earlier and
 * unfinished (or executing right now, which covers an old run an operator retried).
 * Re-claiming a run whose previous owner's lease expired is a **takeover**: the step that was in
 * flight may have run, so it counts as an attempt and its outcome is in doubt.
 */
export const CLAIM_SQL = `
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

/**
 * One finished attempt of a step (or of a rollback) and the run's advance, in **one statement**:
 * the journal row is inserted only if the fenced UPDATE matched, so a lost lease writes nothing.
 * With $8 (back-off ms) set, the lease is released and the run sleeps until then.
 */
export const STEP_SQL = `
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
   WHERE id = $1 AND lease_owner = $2 AND lease_epoch = $3
  RETURNING id)
INSERT INTO provisioning_steps (run_id, seq, phase, pc, path, namespace, procedure, kind, natural_key, status, outcome_unknown, retryable,
                                compensates_seq, attempt, engine_id, lease_epoch, input, output, rollback_data, error,
                                started_at, finished_at, duration_ms)
SELECT id, $7, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $2, $3, $21::jsonb, $22::jsonb, $23::jsonb, $24::jsonb, $25, $26, $27
  FROM run`;

/**
 * A status change by the lease holder (compensating, parked, completed, failed, needs_attention),
 * with the attempt that caused it journaled in the same statement when $13 is true. Returns the
 * run for hooks; no row means the lease was lost. $11 releases the lease, $12 sets finished_at.
 */
export const TRANSITION_SQL = `
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
  RETURNING ${runColumns()}),
step AS (
  INSERT INTO provisioning_steps (run_id, seq, phase, pc, path, namespace, procedure, kind, natural_key, status, outcome_unknown, retryable,
                                  compensates_seq, attempt, engine_id, lease_epoch, input, output, rollback_data, error,
                                  started_at, finished_at, duration_ms)
  SELECT id, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $2, $3, $28::jsonb, $29::jsonb, $30::jsonb, $31::jsonb, $32, $33, $34
    FROM run WHERE $13::boolean)
SELECT run.*, CASE WHEN $11::boolean THEN pg_notify('${RUNS_CHANNEL}', '') END AS notified FROM run`;

/**
 * Renews every lease this engine holds (by id and epoch) and its engines row, in one statement.
 * It never waits for a row lock: a run locked right now (its own status change waiting for the
 * audit chain, another engine's takeover in progress) is skipped this round, so a busy run can
 * never delay the heartbeat of the others past their ttl. `lost` (a plain read) lists the runs
 * that another owner or epoch holds now.
 */
export const HEARTBEAT_SQL = `
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

/** Renews one lease (fenced): a worker whose heartbeat fell behind checks before its next step. */
export const RENEW_SQL = `
UPDATE provisioning_runs SET lease_expires_at = now() + ${ttl('$4')}
 WHERE id = $1 AND lease_owner = $2 AND lease_epoch = $3`;

/** Gives one run back (graceful stop, or after an error): another engine may claim it at once. */
export const RELEASE_SQL = `
WITH run AS (
  UPDATE provisioning_runs
     SET lease_owner = NULL, lease_expires_at = NULL, step_in_doubt = step_in_doubt OR $4, updated_at = now()
   WHERE id = $1 AND lease_owner = $2 AND lease_epoch = $3
  RETURNING id)
SELECT (SELECT count(*) FROM run)::int AS released, pg_notify('${RUNS_CHANNEL}', '') AS notified`;

/** Gives back every run this engine still holds (last step of a graceful stop). */
export const RELEASE_ALL_SQL = `
WITH run AS (
  UPDATE provisioning_runs
     SET lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
   WHERE lease_owner = $1
  RETURNING id)
SELECT (SELECT count(*) FROM run)::int AS released, pg_notify('${RUNS_CHANNEL}', '') AS notified`;

/** The journal of a run, for compensation planning. */
export const JOURNAL_SQL = `
SELECT seq, phase, pc, path, namespace, procedure, kind, natural_key, status, outcome_unknown, compensates_seq, input, rollback_data
  FROM provisioning_steps
 WHERE run_id = $1
 ORDER BY seq`;
