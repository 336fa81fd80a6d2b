import { ProblemError } from '../common/errors/problem';
import type { Sql } from '../database/sql';
import { LEDGERED_FEATURES } from './service-catalog';

/**
 * The quota ledger: one counter row per (subscription, feature) and per (reseller pool, feature),
 * and one entry per (order, counter) it moved. Used inside the caller's transaction (API or
 * engine), on any `Sql`.
 *
 * - `reserve` is **one conditional UPDATE** (`used + reserved + n <= limit`) over every counter
 *   that must move together — the subscription's and each reseller pool above it (the effective
 *   limit is the minimum along the chain, SolidCP's rule). Fewer rows updated than targeted means
 *   refusal: the partial update is undone at once (the rows are ours, locked) and
 *   `QUOTA_EXCEEDED` is thrown; the caller's transaction should roll back anyway.
 * - Before any change, the counters are locked in id order (and the reseller organizations of the
 *   chain `FOR KEY SHARE`), so concurrent orders never deadlock on each other and a reseller pool
 *   created meanwhile (which locks the organization `FOR UPDATE`) is either fully seen or not yet
 *   there.
 * - Settling (`commit`, `releaseFreed`, `abandon`) and their reverses move only `pending` (or
 *   `applied`) entries and flip their status in the same statement: each is idempotent, and a
 *   second call changes nothing.
 *
 * `boolean` features are not ledgered; `limit` features (mailbox size, site storage) are checked
 * against the plan by `requireWithinPlanLimit`, not counted here.
 */

export interface QuotaItem {
  feature: string;
  amount: number;
}

export interface LedgerRequest {
  subscriptionId: string;
  orderId: string;
  items: QuotaItem[];
}

/** Subscription-level amounts an operation moved, by feature (empty when it was already done). */
export interface SettleResult {
  entries: number;
  byFeature: Record<string, number>;
  /** The customer the order's entries belong to, when asked for (`SettleOptions.organization`). */
  organization?: { id: string; path: string } | null;
}

export interface SettleOptions {
  /** Also return the customer organization (id and path) of the order's entries, in the same statement. */
  organization?: boolean;
}

interface SubscriptionChain {
  id: string;
  status: string;
  organizationId: string;
  resellerIds: string[];
}

function normalizeItems(items: QuotaItem[]): { features: string[]; amounts: number[] } {
  const byFeature = new Map<string, number>();
  for (const item of items) {
    if (!LEDGERED_FEATURES.includes(item.feature)) {
      throw new ProblemError('QUOTA_FEATURE_NOT_COUNTED', `"${item.feature}" is not a counted feature (${LEDGERED_FEATURES.join(', ')})`);
    }
    if (!Number.isSafeInteger(item.amount) || item.amount < 0 || item.amount > 1_000_000) {
      throw new ProblemError('VALIDATION_FAILED', `amount of ${item.feature} must be an integer from 0 to 1000000`, { errors: [{ path: `items.${item.feature}`, message: 'invalid amount' }] });
    }
    if (item.amount > 0) byFeature.set(item.feature, (byFeature.get(item.feature) ?? 0) + item.amount);
  }
  return { features: [...byFeature.keys()], amounts: [...byFeature.values()] };
}

/** The resellers between the hoster and the customer, from the materialized path. */
export function resellersOnPath(path: string): string[] {
  const segments = path.split('/').filter(Boolean);
  return segments.slice(1, -1);
}

async function loadChain(sql: Sql, subscriptionId: string): Promise<SubscriptionChain> {
  const r = await sql.query<{ id: string; status: string; organization_id: string; path: string }>(
    `SELECT s.id, s.status, s.organization_id, o.path FROM subscriptions s JOIN organizations o ON o.id = s.organization_id WHERE s.id = $1`,
    [subscriptionId],
  );
  const row = r.rows[0];
  if (!row) throw new ProblemError('NOT_FOUND', `Subscription ${subscriptionId} not found`);
  return { id: row.id, status: row.status, organizationId: row.organization_id, resellerIds: resellersOnPath(row.path) };
}

/**
 * Locks what a reservation or a scheduled release moves, in a fixed order: the reseller
 * organizations (KEY SHARE: only pool creation conflicts), then the counters by id.
 */
async function lockCounters(sql: Sql, chain: SubscriptionChain, features: string[]): Promise<void> {
  if (chain.resellerIds.length) {
    await sql.query(`SELECT id FROM organizations WHERE id = ANY($1::text[]) ORDER BY id FOR KEY SHARE`, [chain.resellerIds]);
  }
  await sql.query(
    `SELECT id FROM quota_ledger
      WHERE (subscription_id = $1 OR reseller_org_id = ANY($2::text[])) AND feature = ANY($3::text[])
      ORDER BY id FOR UPDATE`,
    [chain.id, chain.resellerIds, features],
  );
}

interface MovedRow {
  id: string;
  feature: string;
  amount: string;
  subscription_id: string | null;
}

interface ConditionalMove {
  expected: number;
  subscriptionTargets: number;
  moved: MovedRow[];
}

/** One statement: move `column` by each amount on every target counter where `condition` holds. */
async function conditionalMove(sql: Sql, chain: SubscriptionChain, features: string[], amounts: number[], column: 'reserved' | 'freeing', condition: string): Promise<ConditionalMove> {
  const r = await sql.query<{ expected: number; subscription_targets: number; moved: MovedRow[] | null }>(
    `WITH req AS (
       SELECT * FROM unnest($2::text[], $3::bigint[]) AS r(feature, amount)
     ),
     targets AS (
       SELECT l.id, r.amount, (l.subscription_id IS NOT NULL) AS own
         FROM quota_ledger l JOIN req r ON r.feature = l.feature
        WHERE l.subscription_id = $1 OR l.reseller_org_id = ANY($4::text[])
     ),
     moved AS (
       UPDATE quota_ledger l SET ${column} = l.${column} + t.amount, updated_at = now()
         FROM targets t
        WHERE l.id = t.id AND ${condition}
       RETURNING l.id, l.feature, t.amount, l.subscription_id
     )
     SELECT (SELECT count(*) FROM targets)::int AS expected,
            (SELECT count(*) FROM targets WHERE own)::int AS subscription_targets,
            (SELECT json_agg(moved) FROM moved) AS moved`,
    [chain.id, features, amounts, chain.resellerIds],
  );
  const row = r.rows[0];
  return { expected: row.expected, subscriptionTargets: row.subscription_targets, moved: row.moved ?? [] };
}

async function undoMove(sql: Sql, moved: MovedRow[], column: 'reserved' | 'freeing'): Promise<void> {
  if (!moved.length) return;
  await sql.query(
    `UPDATE quota_ledger l SET ${column} = l.${column} - m.amount, updated_at = now()
       FROM unnest($1::text[], $2::bigint[]) AS m(id, amount) WHERE l.id = m.id`,
    [moved.map((m) => m.id), moved.map((m) => Number(m.amount))],
  );
}

async function insertEntries(sql: Sql, orderId: string, subscriptionId: string, kind: 'reserve' | 'free', moved: MovedRow[]): Promise<void> {
  await sql.query(
    `INSERT INTO quota_entries (order_id, subscription_id, ledger_id, feature, kind, amount, status)
     SELECT $1, $2, m.id, m.feature, $3, m.amount, 'pending' FROM unnest($4::text[], $5::text[], $6::bigint[]) AS m(id, feature, amount)`,
    [orderId, subscriptionId, kind, moved.map((m) => m.id), moved.map((m) => m.feature), moved.map((m) => Number(m.amount))],
  );
}

function sumBySubscriptionFeature(moved: MovedRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of moved) if (m.subscription_id) out[m.feature] = (out[m.feature] ?? 0) + Number(m.amount);
  return out;
}

export interface QuotaRefusalDetails {
  feature: string;
  /** The effective limit for this subscription (the minimum along the reseller chain); null = unlimited. */
  limit: number | null;
  used: number;
  reserved: number;
  requested: number;
  /** `plan`: the subscription's own limit; `reseller`: the reseller's pool above it. */
  limitedBy: 'plan' | 'reseller';
}

/** Explains a refusal from the counters as they were before it (ours, still locked, the partial move undone). */
async function refusalDetails(sql: Sql, chain: SubscriptionChain, features: string[], amounts: number[], moved: MovedRow[]): Promise<QuotaRefusalDetails> {
  const movedIds = new Set(moved.map((m) => m.id));
  const rows = (
    await sql.query<{ id: string; feature: string; subscription_id: string | null; limit_value: string | null; used: string; reserved: string }>(
      `SELECT id, feature, subscription_id, limit_value, used, reserved FROM quota_ledger
        WHERE (subscription_id = $1 OR reseller_org_id = ANY($2::text[])) AND feature = ANY($3::text[])`,
      [chain.id, chain.resellerIds, features],
    )
  ).rows;
  for (let i = 0; i < features.length; i++) {
    const feature = features[i];
    const requested = amounts[i];
    const own = rows.find((r) => r.feature === feature && r.subscription_id);
    const used = own ? Number(own.used) : 0;
    const reserved = own ? Number(own.reserved) : 0;
    if (!own) return { feature, limit: 0, used: 0, reserved: 0, requested, limitedBy: 'plan' };
    if (!movedIds.has(own.id)) return { feature, limit: own.limit_value === null ? null : Number(own.limit_value), used, reserved, requested, limitedBy: 'plan' };
    const pool = rows.find((r) => r.feature === feature && !r.subscription_id && !movedIds.has(r.id));
    if (pool) {
      const left = Math.max(0, Number(pool.limit_value) - Number(pool.used) - Number(pool.reserved));
      const ownLimit = own.limit_value === null ? Number.POSITIVE_INFINITY : Number(own.limit_value);
      return { feature, limit: Math.min(ownLimit, used + reserved + left), used, reserved, requested, limitedBy: 'reseller' };
    }
  }
  return { feature: features[0], limit: null, used: 0, reserved: 0, requested: amounts[0], limitedBy: 'plan' };
}

/**
 * Reserves quota for an order: every item on the subscription's counter and on each reseller
 * pool above it, all or nothing. Throws 409 `QUOTA_EXCEEDED` (details: feature, limit, used,
 * reserved, requested) and leaves nothing reserved. Not idempotent by itself: call it once per
 * order (the order's own idempotency covers retries).
 */
export async function reserve(sql: Sql, req: LedgerRequest): Promise<Record<string, number>> {
  const { features, amounts } = normalizeItems(req.items);
  if (!features.length) return {};
  const chain = await loadChain(sql, req.subscriptionId);
  if (chain.status !== 'pending' && chain.status !== 'active') {
    throw new ProblemError('SUBSCRIPTION_NOT_ACTIVE', `Subscription ${chain.id} is ${chain.status}`);
  }
  await lockCounters(sql, chain, features);
  const move = await conditionalMove(sql, chain, features, amounts, 'reserved', '(l.limit_value IS NULL OR l.used + l.reserved + t.amount <= l.limit_value)');
  if (move.moved.length < move.expected || move.subscriptionTargets < features.length) {
    await undoMove(sql, move.moved, 'reserved');
    const details = await refusalDetails(sql, chain, features, amounts, move.moved);
    const limitText = details.limit === null ? 'unlimited' : String(details.limit);
    throw new ProblemError(
      'QUOTA_EXCEEDED',
      `${details.feature}: ${details.requested} more would exceed the limit of ${limitText} (${details.used} used, ${details.reserved} reserved)${details.limitedBy === 'reseller' ? ', set by the reseller' : ''}`,
      { ...details },
    );
  }
  await insertEntries(sql, req.orderId, chain.id, 'reserve', move.moved);
  return sumBySubscriptionFeature(move.moved);
}

/**
 * Records usage that an order's removal will free when it completes (entries `free`): the usage
 * stays counted until `releaseFreed`, so a removal that fails and rolls back frees nothing.
 * Refuses (409 `QUOTA_RELEASE_EXCEEDS_USAGE`) to free more than is in use and not already being freed.
 */
export async function scheduleRelease(sql: Sql, req: LedgerRequest): Promise<Record<string, number>> {
  const { features, amounts } = normalizeItems(req.items);
  if (!features.length) return {};
  const chain = await loadChain(sql, req.subscriptionId);
  await lockCounters(sql, chain, features);
  const move = await conditionalMove(sql, chain, features, amounts, 'freeing', 'l.used - l.freeing >= t.amount');
  if (move.moved.length < move.expected || move.subscriptionTargets < features.length) {
    await undoMove(sql, move.moved, 'freeing');
    throw new ProblemError('QUOTA_RELEASE_EXCEEDS_USAGE', `Cannot free ${features.map((f, i) => `${amounts[i]} ${f}`).join(', ')}: not that much in use`);
  }
  await insertEntries(sql, req.orderId, chain.id, 'free', move.moved);
  return sumBySubscriptionFeature(move.moved);
}

type EntryKind = 'reserve' | 'free';
type EntryStatus = 'pending' | 'applied' | 'released' | 'dropped';

/**
 * Moves an order's entries of one kind from one status to another and applies `counterChange`
 * (an SQL assignment list using `a.amount`) to the counters they moved, in **one statement**:
 * it first locks those counters in id order (`locked`, materialized; the `gate` init plan makes
 * the entries' UPDATE wait for it, so no row is changed before every counter is locked), then
 * moves the entries and the counters. Idempotent: only entries still in `from` move (a
 * concurrent settle of the same order that committed meanwhile leaves none: the UPDATE rechecks
 * the status on the newest row version).
 */
async function settle(sql: Sql, orderId: string, kind: EntryKind, from: EntryStatus, to: EntryStatus, counterChange: string | null, opts: SettleOptions = {}): Promise<SettleResult> {
  const r = await sql.query<{ entries: number; by_feature: Record<string, string> | null; organization?: { id: string; path: string } | null }>(
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
     a AS (SELECT ledger_id, sum(amount)::bigint AS amount FROM e GROUP BY ledger_id)
     ${counterChange ? `, moved AS (UPDATE quota_ledger l SET ${counterChange}, updated_at = now() FROM a WHERE l.id = a.ledger_id RETURNING l.id)` : ''}
     SELECT (SELECT count(*) FROM e)::int AS entries,
            (SELECT json_object_agg(feature, amount) FROM (
               SELECT e.feature, sum(e.amount) AS amount FROM e JOIN quota_ledger l ON l.id = e.ledger_id
                WHERE l.subscription_id IS NOT NULL GROUP BY e.feature) f) AS by_feature
            ${
              opts.organization
                ? `, (SELECT json_build_object('id', o.id, 'path', o.path)
                      FROM quota_entries q JOIN subscriptions s ON s.id = q.subscription_id JOIN organizations o ON o.id = s.organization_id
                     WHERE q.order_id = $1 LIMIT 1) AS organization`
                : ''
            }`,
    [orderId, kind, from, to],
  );
  const row = r.rows[0];
  const byFeature: Record<string, number> = {};
  for (const [k, v] of Object.entries(row.by_feature ?? {})) byFeature[k] = Number(v);
  return { entries: row.entries, byFeature, ...(opts.organization ? { organization: row.organization ?? null } : {}) };
}

/** Plans.CommitQuota: the order's pending reservations become usage. */
export function commit(sql: Sql, orderId: string, opts?: SettleOptions): Promise<SettleResult> {
  return settle(sql, orderId, 'reserve', 'pending', 'applied', 'reserved = l.reserved - a.amount, used = l.used + a.amount', opts);
}

/** Rollback of CommitQuota: the usage the order committed becomes a pending reservation again. */
export function uncommit(sql: Sql, orderId: string, opts?: SettleOptions): Promise<SettleResult> {
  return settle(sql, orderId, 'reserve', 'applied', 'pending', 'reserved = l.reserved + a.amount, used = l.used - a.amount', opts);
}

/** Plans.ReleaseQuota: usage the order scheduled to free (removals that completed) is freed. */
export function releaseFreed(sql: Sql, orderId: string, opts?: SettleOptions): Promise<SettleResult> {
  return settle(sql, orderId, 'free', 'pending', 'applied', 'used = l.used - a.amount, freeing = l.freeing - a.amount', opts);
}

/**
 * Rollback of ReleaseQuota: the freed usage counts again (the objects were restored). This may
 * leave a counter above its limit if the capacity was taken meanwhile: the objects exist, so the
 * ledger says so; new reservations are refused until usage drops.
 */
export function unreleaseFreed(sql: Sql, orderId: string, opts?: SettleOptions): Promise<SettleResult> {
  return settle(sql, orderId, 'free', 'applied', 'pending', 'used = l.used + a.amount, freeing = l.freeing + a.amount', opts);
}

/** The order failed or was cancelled: pending reservations are released, pending frees dropped. */
export async function abandon(sql: Sql, orderId: string): Promise<{ released: SettleResult; dropped: SettleResult }> {
  const released = await settle(sql, orderId, 'reserve', 'pending', 'released', 'reserved = l.reserved - a.amount');
  const dropped = await settle(sql, orderId, 'free', 'pending', 'dropped', 'freeing = l.freeing - a.amount');
  return { released, dropped };
}

/** The ledger as one object, for callers that prefer `quotaLedger.reserve(sql, …)`. */
export const quotaLedger = { reserve, scheduleRelease, commit, uncommit, releaseFreed, unreleaseFreed, abandon };

// The counters and the reseller pools live in their own files; the ledger is their public surface.
export { createSubscriptionCounters, type QuotaCounter, setSubscriptionLimits, subscriptionCounters } from './quota-counters';
export { setResellerPools } from './reseller-pools';
