import type { Pool, PoolClient } from 'pg';
import { sqlOfPg } from '../../../database/sql';
import { type ProbeResult, ProviderError } from '../provider';
import { labFailure } from './lab-failures';

/**
 * The lab platform's store: the `lab` schema on a bare pg pool. Every lab write runs in its own
 * transaction here (a single autocommit statement or `tx()`), never in the engine's journal
 * transaction: the lab simulates an external system, whose effects survive whatever the engine does.
 */

/** Tables of the platform and their primary (natural) keys; the whitelist for generated SQL. */
export const LAB_TABLES = {
  'lab.directory_ous': ['organization_id'],
  'lab.directory_users': ['organization_id', 'alias'],
  'lab.exchange_organizations': ['organization_id'],
  'lab.accepted_domains': ['domain'],
  'lab.mailboxes': ['organization_id', 'alias'],
  'lab.mobility_policies': ['organization_id', 'name'],
  'lab.mobility_users': ['organization_id', 'alias'],
  'lab.mobility_devices': ['organization_id', 'alias', 'device_id'],
  'lab.dns_zones': ['name'],
  'lab.dns_records': ['zone_name', 'name', 'type', 'value'],
  'lab.sip_domains': ['domain'],
  'lab.sip_users': ['organization_id', 'alias'],
  'lab.site_collections': ['url'],
} as const;
export type LabTable = keyof typeof LAB_TABLES;

/** What a violated foreign key means, seen from the inserting side and from the deleting side. */
const FOREIGN_KEYS: Record<string, { missing: string; inUse: string }> = {
  lab_directory_users_ou_fk: { missing: 'the organization OU does not exist', inUse: 'the OU still holds directory users' },
  lab_exchange_organizations_ou_fk: { missing: 'the organization OU does not exist', inUse: 'the OU still holds an Exchange organization' },
  lab_accepted_domains_exchange_fk: { missing: 'the Exchange organization does not exist', inUse: 'the Exchange organization still holds accepted domains' },
  lab_mailboxes_user_fk: { missing: 'the directory user does not exist', inUse: 'the user still has a mailbox' },
  lab_mailboxes_exchange_fk: { missing: 'the Exchange organization does not exist', inUse: 'the Exchange organization still holds mailboxes' },
  lab_mailboxes_domain_fk: { missing: 'the domain is not an accepted domain of this organization', inUse: 'mailboxes still use this accepted domain' },
  lab_mobility_policies_exchange_fk: { missing: 'the Exchange organization does not exist', inUse: 'the Exchange organization still holds mobility policies' },
  lab_mobility_users_mailbox_fk: { missing: 'the user has no mailbox', inUse: 'mobility (ActiveSync) is still enabled for this mailbox' },
  lab_mobility_users_policy_fk: { missing: 'the mobility policy does not exist', inUse: 'users are still assigned this mobility policy' },
  lab_mobility_devices_user_fk: { missing: 'the user is not enabled for mobility', inUse: 'the user still has mobile devices' },
  lab_dns_records_zone_fk: { missing: 'the DNS zone does not exist', inUse: 'the zone still holds records' },
  lab_sip_users_user_fk: { missing: 'the directory user does not exist', inUse: 'the user is still enabled for SIP' },
  lab_sip_users_domain_fk: { missing: 'the SIP domain does not exist in this organization', inUse: 'the SIP domain still holds SIP users' },
};

/** The transaction was certainly rolled back: retrying is safe and nothing happened. */
const ABORTED_SQLSTATE = /^(40001|40P01|55P03|53)/;
/** The connection broke (or the server went down) mid-call: a COMMIT may or may not have happened. */
const CONNECTION_SQLSTATE = /^(08|57P|58)/;

/**
 * A lab call whose connection broke mid-call: the write may have committed or not. Deliberately
 * not a ProviderError, so the engine records the step's outcome as unknown (retry, and compensate
 * it if the run fails) instead of assuming nothing happened.
 */
export class LabOutcomeUnknownError extends Error {
  readonly code = 'LAB_OUTCOME_UNKNOWN';
  constructor(cause: unknown) {
    super(`lost the connection to the lab platform store mid-call; the outcome is unknown (${String((cause as Error)?.message ?? cause).slice(0, 200)})`);
    this.name = 'LabOutcomeUnknownError';
  }
}

/** Turns a database error into what the engine understands (a ProviderError, or an unknown outcome). */
export function labErrorOf(e: unknown): Error {
  if (e instanceof ProviderError || e instanceof LabOutcomeUnknownError) return e;
  const err = e as { code?: string; constraint?: string; message?: string };
  const code = err?.code;
  if (code === '23503') {
    const fk = FOREIGN_KEYS[err.constraint ?? ''];
    const deleting = /^update or delete/.test(err.message ?? '');
    if (deleting) return labFailure('LAB_IN_USE', fk?.inUse ?? 'dependent objects still exist', { constraint: err.constraint });
    return labFailure('LAB_PREREQUISITE_MISSING', fk?.missing ?? 'a required object does not exist', { constraint: err.constraint });
  }
  if (code === '23505') return labFailure('LAB_CONFLICT', 'the name is already taken by another object', { constraint: err.constraint });
  if (code === '23514' || code?.startsWith('22')) return ProviderError.invalidInput('the value is out of range for the lab platform', { sqlstate: code });
  if (code && ABORTED_SQLSTATE.test(code)) return labFailure('LAB_UNAVAILABLE', 'the lab platform is busy; try again', { sqlstate: code });
  // No SQLSTATE: a socket error (ECONNRESET, "Connection terminated"): the store went away mid-call.
  if (!code || /^E[A-Z]+$/.test(code) || CONNECTION_SQLSTATE.test(code)) return new LabOutcomeUnknownError(e);
  return labFailure('LAB_INTERNAL', 'unexpected lab platform error', { sqlstate: code });
}

/** A failure to get a connection at all: nothing was sent, nothing happened. */
function unavailable(e: unknown): ProviderError {
  return labFailure('LAB_UNAVAILABLE', 'the lab platform store is unavailable; try again', { cause: String((e as Error)?.message ?? e).slice(0, 200) });
}

export interface LabQuery {
  rows<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Thrown by a call's first statement when the fault configuration changed since the version the
 * call was admitted under (lab-faults.ts): the statement was aborted as a whole, nothing of the
 * call happened, and the fault injector re-admits it against the current configuration.
 */
export class FaultConfigChanged extends Error {
  constructor() {
    super('the lab fault configuration changed during the call');
    this.name = 'FaultConfigChanged';
  }
}

const FAULT_CONFIG_CHANGED_SQLSTATE = 'LABFC';
const GUARDABLE = /^\s*(WITH(\s+RECURSIVE)?\s|SELECT\s|INSERT\s|UPDATE\s|DELETE\s)/i;

/**
 * The statement with a guard in front: a data-modifying CTE that updates nothing while the fault
 * configuration is still at `version` ($n) and aborts the whole statement (SQLSTATE LABFC)
 * otherwise. A data-modifying CTE always runs to completion, so the statement never commits
 * against a configuration the caller did not see.
 */
export function withFaultGuard(text: string, versionParam: number): string | undefined {
  const m = GUARDABLE.exec(text);
  if (!m) return undefined;
  const v = `$${versionParam}::bigint`;
  // The function (plpgsql) is called only when the versions differ, to raise.
  const guard = `__lab_fault_guard AS (UPDATE lab.fault_settings SET version = version WHERE id = 1 AND CASE WHEN version = ${v} THEN false ELSE lab.fault_config_changed(version, ${v}) END)`;
  if (m[2] !== undefined || /^\s*WITH\s/i.test(m[0])) return `${m[0]}${guard}, ${text.slice(m[0].length)}`;
  return `WITH ${guard} ${text}`;
}

/**
 * One statement on a checked-out client, prepared once per connection (named by its text through
 * `sqlOfPg`). With `guardVersion`, the statement carries the fault configuration guard.
 */
async function run<T>(client: PoolClient, text: string, params: unknown[], guardVersion: string | undefined): Promise<T[]> {
  if (guardVersion !== undefined) {
    const guarded = withFaultGuard(text, params.length + 1);
    if (guarded === undefined) throw new FaultConfigChanged(); // cannot guard it: let the injector probe first
    text = guarded;
    params = [...params, guardVersion];
  }
  try {
    return (await sqlOfPg(client).query<T>(text, params)).rows;
  } catch (e) {
    if ((e as { code?: string })?.code === FAULT_CONFIG_CHANGED_SQLSTATE) throw new FaultConfigChanged();
    throw e;
  }
}

export class LabStore {
  /**
   * `guardVersion`: the fault configuration version this call was admitted under; the call's
   * first statement checks it (see `guarded`). Undefined: statements run as they are.
   */
  private guardVersion: string | undefined;

  constructor(
    readonly pool: Pool,
    guardVersion?: string,
  ) {
    this.guardVersion = guardVersion;
  }

  /** A store for one call whose first statement verifies the fault configuration is still `version`. */
  guarded(version: string): LabStore {
    return new LabStore(this.pool, version);
  }

  /** The guard applies to the first statement of the call only (it admits the whole call). */
  private takeGuard(): string | undefined {
    const v = this.guardVersion;
    this.guardVersion = undefined;
    return v;
  }

  /** Reachability for GET /health/ready: the lab's own schema answers. */
  async probe(): Promise<ProbeResult> {
    try {
      await this.rows(`SELECT 1 FROM lab.fault_settings WHERE id = 1`);
      return { ok: true };
    } catch (e) {
      return { ok: false, detail: `the lab platform store is unreachable (${(e as { code?: string }).code ?? 'no connection'})` };
    }
  }

  /** One statement, autocommitted: its own transaction. */
  async rows<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    const guard = this.takeGuard();
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw unavailable(e);
    }
    let broken = false;
    // pg-pool listens for errors only on idle clients: a server restart while this one is out
    // would otherwise be an unhandled 'error' event that ends the process.
    const onError = () => (broken = true);
    client.on('error', onError);
    try {
      return (await run(client, text, params, guard)) as T[];
    } catch (e) {
      if (e instanceof FaultConfigChanged) throw e;
      const mapped = labErrorOf(e);
      broken = broken || mapped instanceof LabOutcomeUnknownError;
      throw mapped;
    } finally {
      client.removeListener('error', onError);
      client.release(broken || undefined);
    }
  }

  /** Several statements in one transaction of their own. */
  async tx<T>(fn: (q: LabQuery) => Promise<T>): Promise<T> {
    let guard = this.takeGuard();
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw unavailable(e);
    }
    const q: LabQuery = {
      rows: async (text, params = []) => {
        const g = guard;
        guard = undefined;
        return run(client, text, params, g);
      },
    };
    let broken = false;
    const onError = () => (broken = true);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const out = await fn(q);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      if (e instanceof FaultConfigChanged) throw e;
      throw labErrorOf(e);
    } finally {
      client.removeListener('error', onError);
      client.release(broken ? true : undefined);
    }
  }
}

/** `(a, b) = ($n, $n+1)` for the key columns of a table. */
function keyWhere(table: LabTable, firstParam = 1, alias = ''): string {
  const cols = LAB_TABLES[table];
  const prefix = alias ? `${alias}.` : '';
  return cols.map((c, i) => `${prefix}${c} = $${firstParam + i}`).join(' AND ');
}

/** A lab object as JSON (to_jsonb of its row): every lab table has the owning organization. */
export interface LabRow {
  organization_id: string;
  [column: string]: unknown;
}

export interface ChildSpec {
  table: LabTable;
  /** Columns of the child equal to the parent's key values, in order. */
  columns: string[];
}

/**
 * Deletes one object (and the children its foreign keys cascade to) and keeps a tombstone with
 * everything needed to restore it, in the caller's transaction. Returns the deleted row, or
 * undefined when there was nothing to delete ("already gone" is success for a delete).
 */
export async function deleteWithTombstone(
  q: LabQuery,
  o: { table: LabTable; key: unknown[]; objectKey: string; runId: string | null; children?: ChildSpec[] },
): Promise<LabRow | undefined> {
  const [row] = await q.rows<{ row: LabRow }>(`SELECT to_jsonb(t) AS row FROM ${o.table} t WHERE ${keyWhere(o.table, 1, 't')} FOR UPDATE`, o.key);
  if (!row) return undefined;
  const children: { table: LabTable; rows: unknown[] }[] = [];
  for (const c of o.children ?? []) {
    const where = c.columns.map((col, i) => `${col} = $${i + 1}`).join(' AND ');
    const rows = await q.rows<{ row: LabRow }>(`SELECT to_jsonb(t) AS row FROM ${c.table} t WHERE ${where}`, o.key.slice(0, c.columns.length));
    if (rows.length) children.push({ table: c.table, rows: rows.map((r) => r.row) });
  }
  await q.rows(`DELETE FROM ${o.table} WHERE ${keyWhere(o.table)}`, o.key);
  await q.rows(`INSERT INTO lab.tombstones (object_key, organization_id, run_id, data) VALUES ($1, $2, $3, $4)`, [
    o.objectKey,
    row.row.organization_id,
    o.runId,
    JSON.stringify({ table: o.table, row: row.row, children }),
  ]);
  return row.row;
}

/**
 * Restores what `runId` deleted under `objectKey` (its latest tombstone). Returns false when this
 * run deleted nothing there. An object that is back already is fine; a key taken meanwhile by
 * another organization is a conflict (the restore cannot happen).
 */
export async function restoreFromTombstone(q: LabQuery, objectKey: string, runId: string): Promise<boolean> {
  const [stone] = await q.rows<{ data: { table: LabTable; row: Record<string, unknown>; children: { table: LabTable; rows: Record<string, unknown>[] }[] } }>(
    `SELECT data FROM lab.tombstones WHERE object_key = $1 AND run_id = $2 ORDER BY id DESC LIMIT 1`,
    [objectKey, runId],
  );
  if (!stone) return false;
  const { table, row, children } = stone.data;
  await restoreRows(q, table, [row]);
  for (const c of children) await restoreRows(q, c.table, c.rows);
  return true;
}

async function restoreRows(q: LabQuery, table: LabTable, rows: Record<string, unknown>[]): Promise<void> {
  if (!(table in LAB_TABLES)) throw labFailure('LAB_INTERNAL', `unknown lab table ${table}`);
  await q.rows(`INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) ON CONFLICT DO NOTHING`, [JSON.stringify(rows)]);
  const cols = LAB_TABLES[table];
  for (const r of rows) {
    const [found] = await q.rows(
      `SELECT organization_id FROM ${table} WHERE ${keyWhere(table)}`,
      cols.map((c) => r[c]),
    );
    if (!found || found.organization_id !== r.organization_id) {
      throw labFailure('LAB_CONFLICT', `cannot restore ${table.slice(4)} ${cols.map((c) => r[c]).join('/')}: the name was taken meanwhile`, { table });
    }
  }
}

/**
 * The value a property change replaces, made robust to repeated attempts: a step re-executed
 * after an engine died (same journal seq), or retried after an attempt whose write committed but
 * whose answer was lost (next seq), finds the object already holding the value it writes. Each
 * change is logged per (run, object, seq) with the value it replaced and the value it wrote; when
 * the current value is what this run's latest change wrote, the original previous value carries
 * over. (A later step of the same run writing the same value again gets the earlier previous
 * value too, which compensation in reverse order turns into the same end state.) Call with the
 * object's row locked.
 */
export async function rememberPrevious<T>(q: LabQuery, runId: string, stepSeq: number, objectKey: string, current: T, next: T): Promise<T> {
  const [r] = await q.rows<{ previous: T }>(
    `WITH same AS (
       SELECT previous FROM lab.changes WHERE run_id = $1 AND object_key = $3 AND step_seq = $2),
     latest AS (
       SELECT previous, next FROM lab.changes WHERE run_id = $1 AND object_key = $3 ORDER BY step_seq DESC LIMIT 1),
     chosen AS (
       SELECT coalesce((SELECT previous FROM same),
                       (SELECT previous FROM latest WHERE next = $4::jsonb),
                       $4::jsonb) AS previous),
     ins AS (
       INSERT INTO lab.changes (run_id, step_seq, object_key, previous, next)
       SELECT $1, $2, $3, previous, $5::jsonb FROM chosen
       ON CONFLICT DO NOTHING)
     SELECT previous FROM chosen`,
    [runId, stepSeq, objectKey, JSON.stringify(current), JSON.stringify(next)],
  );
  return r.previous;
}

/**
 * The previous value a run recorded for an object, when the rollback has no journaled rollback
 * data: only when all of the run's changes of the object replaced the same value (otherwise which
 * one to restore is ambiguous, and the object is left as is).
 */
export async function recordedPrevious<T>(q: LabQuery, runId: string, objectKey: string): Promise<T | undefined> {
  const rows = await q.rows<{ previous: T }>(`SELECT DISTINCT previous FROM lab.changes WHERE run_id = $1 AND object_key = $2 LIMIT 2`, [runId, objectKey]);
  return rows.length === 1 ? rows[0].previous : undefined;
}

/**
 * The idempotent create: `INSERT … ON CONFLICT DO NOTHING RETURNING`, and when nothing was
 * inserted, the existing row read back by its natural key (`read` must select `organization_id`).
 * Returns undefined when the insert conflicted on some *other* unique key (the caller explains).
 * Concurrent identical creates all return the one row: the loser's insert waits for the winner's
 * commit, then does nothing, and its read (a new snapshot in READ COMMITTED) sees the row.
 */
export async function insertOrExisting<T extends { organization_id: string }>(
  store: LabStore,
  insert: { text: string; params: unknown[] },
  read: { text: string; params: unknown[] },
): Promise<{ row: T; created: boolean } | undefined> {
  const [inserted] = await store.rows<T>(insert.text, insert.params);
  if (inserted) return { row: inserted, created: true };
  const [existing] = await store.rows<T>(read.text, read.params);
  return existing ? { row: existing, created: false } : undefined;
}

/**
 * Rollback of a create: deletes the object only if this run created it, so rolling back an
 * idempotent "create" of an object that existed before (another run's) leaves it alone. Gone
 * already is success; dependents still present is LAB_IN_USE.
 */
export async function deleteIfCreatedBy(store: LabStore, table: LabTable, key: unknown[], runId: string | null): Promise<boolean> {
  if (!runId) return false;
  const rows = await store.rows(`DELETE FROM ${table} WHERE ${keyWhere(table)} AND created_by_run = $${key.length + 1} RETURNING 1 AS gone`, [...key, runId]);
  return rows.length > 0;
}
