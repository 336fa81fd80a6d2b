import { newId } from '../common/ids';
import type { Sql } from '../database/sql';

/**
 * The SQL of the quota ledger (`quota_ledger` counters, `quota_entries`). The rules and the
 * refusals are in quota-ledger.ts; everything here runs inside the caller's transaction.
 */

export type EntryKind = 'reserve' | 'free';
export type EntryStatus = 'pending' | 'applied' | 'released' | 'dropped';
export type MovedColumn = 'reserved' | 'freeing';

/** The subscription a move starts from, and the reseller pools above it (from its path). */
export interface LedgerChain {
  id: string;
  resellerIds: string[];
}

export interface LedgerSubscriptionRow {
  id: string;
  status: string;
  organization_id: string;
  organization_path: string;
}

export interface MovedRow {
  id: string;
  feature: string;
  amount: string;
  subscription_id: string | null;
}

export interface RecordedMove {
  expected: number;
  subscriptionTargets: number;
  moved: MovedRow[];
  /** Entries written: 0 when the move was partial (the caller undoes it and refuses). */
  entries: number;
}

export interface CounterRow {
  id: string;
  feature: string;
  subscription_id: string | null;
  limit_value: string | null;
  used: string;
  reserved: string;
}

export async function findLedgerSubscription(sql: Sql, subscriptionId: string): Promise<LedgerSubscriptionRow | undefined> {
  const r = await sql.query<LedgerSubscriptionRow>(`SELECT id, status, organization_id, organization_path FROM subscriptions WHERE id = $1`, [subscriptionId]);
  return r.rows[0];
}

/**
 * The lock a reseller pool's creation takes exclusively and every move under that reseller
 * shares, so a pool created meanwhile is either fully seen or not there yet. A statement of its
 * own: the statements after it see what the pool's creator committed.
 */
export async function lockResellerPools(sql: Sql, resellerIds: string[], mode: 'shared' | 'exclusive'): Promise<void> {
  if (!resellerIds.length) return;
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await sql.query(`SELECT ${fn}(hashtextextended('provisio:reseller-pool:' || r, 0)) FROM (SELECT r FROM unnest($1::text[]) AS r ORDER BY r) x`, [resellerIds]);
}

/**
 * One statement: lock the counters a move touches in id order (concurrent orders never
 * deadlock), move `column` by each amount where `condition` holds (re-checked on the locked,
 * newest row versions), and record the order's entries — only when every target moved.
 */
export async function moveAndRecord(
  sql: Sql,
  chain: LedgerChain,
  move: { features: string[]; amounts: number[]; column: MovedColumn; condition: string; orderId: string; kind: EntryKind },
): Promise<RecordedMove> {
  const r = await sql.query<{ expected: number; subscription_targets: number; moved: MovedRow[] | null; entries: number }>(
    `WITH req AS (SELECT * FROM unnest($2::text[], $3::bigint[]) AS r(feature, amount)),
     locked AS MATERIALIZED (
       SELECT id FROM quota_ledger
        WHERE (subscription_id = $1 OR reseller_org_id = ANY($4::text[])) AND feature = ANY($2::text[])
        ORDER BY id FOR UPDATE
     ),
     targets AS MATERIALIZED (
       SELECT l.id, r.amount, (l.subscription_id IS NOT NULL) AS own
         FROM quota_ledger l JOIN req r ON r.feature = l.feature
        WHERE l.id IN (SELECT id FROM locked)
     ),
     moved AS (
       UPDATE quota_ledger l SET ${move.column} = l.${move.column} + t.amount, updated_at = now()
         FROM targets t
        WHERE l.id = t.id AND ${move.condition}
       RETURNING l.id, l.feature, t.amount, l.subscription_id
     ),
     counts AS (
       SELECT (SELECT count(*) FROM targets) AS expected, (SELECT count(*) FROM targets WHERE own) AS own_targets, (SELECT count(*) FROM moved) AS n_moved
     ),
     entries AS (
       INSERT INTO quota_entries (order_id, subscription_id, ledger_id, feature, kind, amount, status)
       SELECT $5, $1, m.id, m.feature, $6, m.amount, 'pending' FROM moved m, counts c
        WHERE c.n_moved = c.expected AND c.own_targets = cardinality($2::text[])
       RETURNING 1
     )
     SELECT c.expected::int, c.own_targets::int AS subscription_targets, (SELECT json_agg(moved) FROM moved) AS moved, (SELECT count(*) FROM entries)::int AS entries
       FROM counts c`,
    [chain.id, move.features, move.amounts, chain.resellerIds, move.orderId, move.kind],
  );
  const row = r.rows[0];
  return { expected: row.expected, subscriptionTargets: row.subscription_targets, moved: row.moved ?? [], entries: row.entries };
}

/** Takes a partial move back (the rows are ours, locked). */
export async function undoMove(sql: Sql, moved: MovedRow[], column: MovedColumn): Promise<void> {
  if (!moved.length) return;
  await sql.query(
    `UPDATE quota_ledger l SET ${column} = l.${column} - m.amount, updated_at = now()
       FROM unnest($1::text[], $2::bigint[]) AS m(id, amount) WHERE l.id = m.id`,
    [moved.map((m) => m.id), moved.map((m) => Number(m.amount))],
  );
}

/** The counters of a chain for some features, as they are now (to explain a refusal). */
export async function chainCounters(sql: Sql, chain: LedgerChain, features: string[]): Promise<CounterRow[]> {
  const r = await sql.query<CounterRow>(
    `SELECT id, feature, subscription_id, limit_value, used, reserved FROM quota_ledger
      WHERE (subscription_id = $1 OR reseller_org_id = ANY($2::text[])) AND feature = ANY($3::text[])`,
    [chain.id, chain.resellerIds, features],
  );
  return r.rows;
}

export interface SettledRow {
  entries: number;
  by_feature: Record<string, string> | null;
  organization?: { id: string; path: string } | null;
}

/**
 * Moves an order's entries of one kind from one status to another and applies `counterChange`
 * (an SQL assignment list using `a.amount`) to the counters they moved, in **one statement**:
 * it first locks those counters in id order (`locked`, materialized; the `gate` init plan makes
 * the entries' UPDATE wait for it, so no row is changed before every counter is locked), then
 * moves the entries and the counters. Only entries still in `from` move (a concurrent settle of
 * the same order that committed meanwhile leaves none: the UPDATE rechecks the status on the
 * newest row version).
 */
export async function settleEntries(
  sql: Sql,
  s: { orderId: string; kind: EntryKind; from: EntryStatus; to: EntryStatus; counterChange: string; organization: boolean },
): Promise<SettledRow> {
  const r = await sql.query<SettledRow>(
    `WITH locked AS MATERIALIZED (
       SELECT id FROM quota_ledger
        WHERE id IN (SELECT ledger_id FROM quota_entries WHERE order_id = $1 AND kind = $2 AND status = $3)
        ORDER BY id FOR UPDATE
     ),
     gate AS MATERIALIZED (SELECT count(*) AS n FROM locked),
     e AS (
       UPDATE quota_entries SET status = $4, settled_at = CASE WHEN $4 = 'pending' THEN NULL ELSE now() END
        WHERE order_id = $1 AND kind = $2 AND status = $3 AND (SELECT n FROM gate) >= 0
       RETURNING ledger_id, feature, amount, subscription_id
     ),
     a AS (SELECT ledger_id, sum(amount)::bigint AS amount FROM e GROUP BY ledger_id),
     moved AS (UPDATE quota_ledger l SET ${s.counterChange}, updated_at = now() FROM a WHERE l.id = a.ledger_id RETURNING l.id)
     SELECT (SELECT count(*) FROM e)::int AS entries,
            (SELECT json_object_agg(feature, amount) FROM (
               SELECT e.feature, sum(e.amount) AS amount FROM e JOIN quota_ledger l ON l.id = e.ledger_id
                WHERE l.subscription_id IS NOT NULL GROUP BY e.feature) f) AS by_feature
            ${
              s.organization
                ? `, (SELECT json_build_object('id', s.organization_id, 'path', s.organization_path)
                      FROM quota_entries q JOIN subscriptions s ON s.id = q.subscription_id
                     WHERE q.order_id = $1 LIMIT 1) AS organization`
                : ''
            }`,
    [s.orderId, s.kind, s.from, s.to],
  );
  return r.rows[0];
}

/** The customer whose subscription an order's entries belong to. */
export async function organizationOfOrderEntries(sql: Sql, orderId: string): Promise<string | null> {
  const r = await sql.query<{ organization_id: string }>(
    `SELECT s.organization_id FROM quota_entries e JOIN subscriptions s ON s.id = e.subscription_id WHERE e.order_id = $1 LIMIT 1`,
    [orderId],
  );
  return r.rows[0]?.organization_id ?? null;
}

// --- counters of a subscription ---------------------------------------------------------------

export type Limits = Map<string, number | null>;

/** A statement part creating the counters of subscription `$1` from limits in `$n` (feature[], limit[]). */
export function counterInsertSql(featuresParam: string, limitsParam: string, idsParam: string): string {
  return `INSERT INTO quota_ledger (id, subscription_id, feature, limit_value)
          SELECT id, $1, feature, lim FROM unnest(${idsParam}::text[], ${featuresParam}::text[], ${limitsParam}::bigint[]) AS x(id, feature, lim)`;
}

/** Parameters for `counterInsertSql`: new ids, features and limits. */
export function counterInsertParams(limits: Limits): [string[], string[], (number | null)[]] {
  return [[...limits.keys()].map(() => newId('qta')), [...limits.keys()], [...limits.values()]];
}

export interface OwnCounterRow {
  id: string;
  feature: string;
  used: string;
  reserved: string;
}

export async function lockSubscriptionCounters(sql: Sql, subscriptionId: string): Promise<OwnCounterRow[]> {
  const r = await sql.query<OwnCounterRow>(`SELECT id, feature, used, reserved FROM quota_ledger WHERE subscription_id = $1 ORDER BY id FOR UPDATE`, [
    subscriptionId,
  ]);
  return r.rows;
}

/** New limits on the subscription's counters; counters for features added to the catalog since are created. */
export async function writeSubscriptionLimits(sql: Sql, subscriptionId: string, limits: Limits, missing: string[]): Promise<void> {
  const [ids, features, values] = counterInsertParams(new Map(missing.map((f) => [f, limits.get(f) ?? 0])));
  await sql.query(
    `WITH updated AS (
       UPDATE quota_ledger l SET limit_value = x.lim, updated_at = now()
         FROM unnest($2::text[], $3::bigint[]) AS x(feature, lim) WHERE l.subscription_id = $1 AND l.feature = x.feature
       RETURNING 1),
     created AS (${counterInsertSql('$4', '$6', '$5')} RETURNING 1)
     SELECT (SELECT count(*) FROM updated) + (SELECT count(*) FROM created) AS n`,
    [subscriptionId, [...limits.keys()], [...limits.values()], features, ids, values],
  );
}

/**
 * A JSON array of the counters of subscription `s` (alias), with what the reseller pools above
 * it leave (`pool_left`, the minimum over the pools on its path; null = no capped pool).
 */
export const COUNTERS_JSON = `(SELECT coalesce(json_agg(json_build_object(
     'feature', l.feature, 'limit_value', l.limit_value, 'used', l.used, 'reserved', l.reserved, 'freeing', l.freeing,
     'pool_left', (SELECT min(p.limit_value - p.used - p.reserved) FROM quota_ledger p
                    WHERE p.feature = l.feature AND p.limit_value IS NOT NULL
                      AND p.reseller_org_id = ANY (string_to_array(trim(both '/' from s.organization_path), '/'))))), '[]'::json)
     FROM quota_ledger l WHERE l.subscription_id = s.id)`;

export interface CounterJson {
  feature: string;
  limit_value: number | null;
  used: number;
  reserved: number;
  freeing: number;
  pool_left: number | null;
}

// --- reseller pools --------------------------------------------------------------------------

export interface PoolRow {
  id: string;
  used: string;
  reserved: string;
}

/** Locks the counters of every subscription under a reseller for the given features. */
export async function lockSubtreeCounters(sql: Sql, resellerPath: string, features: string[]): Promise<void> {
  await sql.query(
    `SELECT l.id FROM quota_ledger l JOIN subscriptions s ON s.id = l.subscription_id
      WHERE starts_with(s.organization_path, $1) AND l.feature = ANY($2::text[]) ORDER BY l.id FOR UPDATE OF l`,
    [resellerPath, features],
  );
}

export async function lockPool(sql: Sql, resellerId: string, feature: string): Promise<PoolRow | undefined> {
  const r = await sql.query<PoolRow>(`SELECT id, used, reserved FROM quota_ledger WHERE reseller_org_id = $1 AND feature = $2 FOR UPDATE`, [
    resellerId,
    feature,
  ]);
  return r.rows[0];
}

/**
 * Creates a reseller's pool for one feature from what its subtree uses and has pending, and
 * mirrors the pending entries onto it (settling them later moves the pool too). Returns what the
 * subtree takes (used + reserved).
 */
export async function createPool(sql: Sql, reseller: { id: string; path: string }, feature: string): Promise<{ id: string; taken: number }> {
  const id = newId('qta');
  const r = await sql.query<{ used: string; reserved: string }>(
    `WITH counters AS (
       SELECT l.id, l.used FROM quota_ledger l JOIN subscriptions s ON s.id = l.subscription_id
        WHERE starts_with(s.organization_path, $1) AND l.feature = $2
     ),
     pending AS (SELECT e.* FROM quota_entries e WHERE e.ledger_id IN (SELECT id FROM counters) AND e.status = 'pending'),
     sums AS (
       SELECT (SELECT coalesce(sum(used), 0) FROM counters) AS used,
              (SELECT coalesce(sum(amount), 0) FROM pending WHERE kind = 'reserve') AS reserved,
              (SELECT coalesce(sum(amount), 0) FROM pending WHERE kind = 'free') AS freeing
     ),
     pool AS (
       INSERT INTO quota_ledger (id, reseller_org_id, feature, limit_value, used, reserved, freeing)
       SELECT $3, $4, $2, NULL, used, reserved, freeing FROM sums
       RETURNING id
     ),
     mirrored AS (
       INSERT INTO quota_entries (order_id, subscription_id, ledger_id, feature, kind, amount, status)
       SELECT p.order_id, p.subscription_id, (SELECT id FROM pool), p.feature, p.kind, p.amount, 'pending' FROM pending p
       RETURNING 1
     )
     SELECT used, reserved FROM sums WHERE (SELECT count(*) FROM mirrored) >= 0`,
    [reseller.path, feature, id, reseller.id],
  );
  return { id, taken: Number(r.rows[0].used) + Number(r.rows[0].reserved) };
}

export async function setPoolLimit(sql: Sql, poolId: string, cap: number | null): Promise<void> {
  await sql.query(`UPDATE quota_ledger SET limit_value = $2, updated_at = now() WHERE id = $1`, [poolId, cap]);
}
