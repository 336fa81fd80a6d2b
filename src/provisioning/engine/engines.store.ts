import type { Sql } from '../../database/sql';
import { ttl } from './run-lease.store';

/**
 * The engines table: who is alive. The Engine's heartbeat statement (run-lease.store.ts) keeps
 * `heartbeat_at`, `runs_held` and `steps_done` current.
 *
 * **A dead engine** is one not stopped whose last heartbeat is older than one lease ttl: its leases
 * have expired, other engines take its runs over. /v1/engines shows it as `dead` and
 * /health/ready does not count it as live; both read it through ENGINE_ALIVE.
 */
const ENGINE_ALIVE = (ttlParam: string) => `state <> 'stopped' AND heartbeat_at >= now() - ${ttl(ttlParam)}`;

export type EngineState = 'running' | 'draining' | 'stopped';

export async function registerEngine(sql: Sql, e: { id: string; host: string; pid: number; version: string; capacity: number }): Promise<void> {
  await sql.query(`INSERT INTO engines (id, host, pid, version, capacity) VALUES ($1, $2, $3, $4, $5)`, [e.id, e.host, e.pid, e.version, e.capacity]);
}

export async function setEngineState(sql: Sql, id: string, state: EngineState): Promise<void> {
  await sql.query(`UPDATE engines SET state = $2, stopped_at = CASE WHEN $2 = 'stopped' THEN now() ELSE stopped_at END, heartbeat_at = now() WHERE id = $1`, [
    id,
    state,
  ]);
}

/** An engines row as /v1/engines shows it. */
export interface EngineRecord {
  id: string;
  host: string;
  pid: number;
  version: string;
  startedAt: Date;
  heartbeatAt: Date;
  stoppedAt: Date | null;
  capacity: number;
  runsHeld: number;
  stepsDone: number;
  /** The stored state, or `dead` (see above). */
  state: EngineState | 'dead';
}

interface EngineRow {
  id: string;
  host: string;
  pid: number;
  version: string;
  started_at: Date;
  heartbeat_at: Date;
  stopped_at: Date | null;
  capacity: number;
  runs_held: number;
  steps_done: string;
  shown_state: EngineRecord['state'];
}

/**
 * Engines newest first: by default those alive or heard from in the last hour (dead ones included)
 * and those stopped in the last hour; `all`: every engine ever registered (at most 500).
 */
export async function listEngines(sql: Sql, leaseTtlMs: number, all: boolean): Promise<EngineRecord[]> {
  const r = await sql.query<EngineRow>(
    `SELECT id, host, pid, version, started_at, heartbeat_at, stopped_at, capacity, runs_held, steps_done,
            CASE WHEN state = 'stopped' THEN 'stopped'
                 WHEN NOT (${ENGINE_ALIVE('$1')}) THEN 'dead'
                 ELSE state END AS shown_state
       FROM engines
      WHERE $2::boolean
         OR (state <> 'stopped' AND heartbeat_at > now() - interval '1 hour')
         OR stopped_at > now() - interval '1 hour'
      ORDER BY started_at DESC
      LIMIT 500`,
    [leaseTtlMs, all],
  );
  return r.rows.map((e) => ({
    id: e.id,
    host: e.host,
    pid: e.pid,
    version: e.version,
    startedAt: e.started_at,
    heartbeatAt: e.heartbeat_at,
    stoppedAt: e.stopped_at,
    capacity: e.capacity,
    runsHeld: e.runs_held,
    stepsDone: Number(e.steps_done),
    state: e.shown_state,
  }));
}

/** Engines alive right now (not dead, not stopped). */
export async function countLiveEngines(sql: Sql, leaseTtlMs: number): Promise<number> {
  const r = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM engines WHERE ${ENGINE_ALIVE('$1')}`, [leaseTtlMs]);
  return r.rows[0]?.n ?? 0;
}
