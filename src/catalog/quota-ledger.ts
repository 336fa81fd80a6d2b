import { ProblemError } from '../common/errors/problem';
import type { Sql } from '../database/sql';
import {
  chainCounters,
  type EntryKind,
  type EntryStatus,
  findLedgerSubscription,
  type LedgerChain,
  lockResellerPools,
  type MovedColumn,
  type MovedRow,
  moveAndRecord,
  settleEntries,
  undoMove,
} from './quota-ledger.store';
import { LEDGERED_FEATURES } from './service-catalog';

/**
 * The quota ledger: one counter row per (subscription, feature) and per (reseller pool, feature),
 * and one entry per (order, counter) it moved. Used inside the caller's transaction (API or
 * engine), on any `Sql`. The only place quota moves: orders reserve and schedule frees when they
 * are placed; the `Plans` steps of their runs settle them (`commit`, `releaseFreed`, and the
 * reverses on rollback); a failed or cancelled order is `abandon`ed by its run hook.
 *
 * - `reserve` is **one conditional UPDATE** (`used + reserved + n <= limit`) over every counter
 *   that must move together — the subscription's and each reseller pool above it (the effective
 *   limit is the minimum along the chain, SolidCP's rule) — in the statement that locks them in
 *   id order (concurrent orders never deadlock) and records the order's entries. Fewer rows
 *   updated than targeted means refusal: the partial update is undone at once (the rows are ours,
 *   locked) and `QUOTA_EXCEEDED` is thrown; the caller's transaction should roll back anyway.
 * - Under a reseller, a move first shares the reseller's pool lock (its creation takes it
 *   exclusively), so a pool created meanwhile is either fully seen or not yet there.
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

/** What the ledger needs of a subscription; the caller may pass it when it loaded it in this transaction. */
export interface LedgerSubscription {
  id: string;
  status: string;
  organizationPath: string;
}

export interface LedgerRequest {
  subscriptionId: string;
  orderId: string;
  items: QuotaItem[];
  /** The subscription as loaded in this transaction (saves reading it again). */
  subscription?: LedgerSubscription;
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

function normalizeItems(items: QuotaItem[]): { features: string[]; amounts: number[] } {
  const byFeature = new Map<string, number>();
  for (const item of items) {
    if (!LEDGERED_FEATURES.includes(item.feature)) {
      throw new ProblemError('QUOTA_FEATURE_NOT_COUNTED', `"${item.feature}" is not a counted feature (${LEDGERED_FEATURES.join(', ')})`);
    }
    if (!Number.isSafeInteger(item.amount) || item.amount < 0 || item.amount > 1_000_000) {
      throw new ProblemError('VALIDATION_FAILED', `amount of ${item.feature} must be an integer from 0 to 1000000`, {
        errors: [{ path: `items.${item.feature}`, message: 'invalid amount' }],
      });
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

async function subscriptionOf(sql: Sql, req: LedgerRequest): Promise<LedgerSubscription> {
  if (req.subscription) return req.subscription;
  const row = await findLedgerSubscription(sql, req.subscriptionId);
  if (!row) throw new ProblemError('NOT_FOUND', `Subscription ${req.subscriptionId} not found`);
  return { id: row.id, status: row.status, organizationPath: row.organization_path };
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
async function refusalDetails(sql: Sql, chain: LedgerChain, features: string[], amounts: number[], moved: MovedRow[]): Promise<QuotaRefusalDetails> {
  const movedIds = new Set(moved.map((m) => m.id));
  const rows = await chainCounters(sql, chain, features);
  for (let i = 0; i < features.length; i++) {
    const feature = features[i];
    const requested = amounts[i];
    const own = rows.find((r) => r.feature === feature && r.subscription_id);
    const used = own ? Number(own.used) : 0;
    const reserved = own ? Number(own.reserved) : 0;
    if (!own) return { feature, limit: 0, used: 0, reserved: 0, requested, limitedBy: 'plan' };
    if (!movedIds.has(own.id))
      return { feature, limit: own.limit_value === null ? null : Number(own.limit_value), used, reserved, requested, limitedBy: 'plan' };
    const pool = rows.find((r) => r.feature === feature && !r.subscription_id && !movedIds.has(r.id));
    if (pool) {
      const left = Math.max(0, Number(pool.limit_value) - Number(pool.used) - Number(pool.reserved));
      const ownLimit = own.limit_value === null ? Number.POSITIVE_INFINITY : Number(own.limit_value);
      return { feature, limit: Math.min(ownLimit, used + reserved + left), used, reserved, requested, limitedBy: 'reseller' };
    }
  }
  return { feature: features[0], limit: null, used: 0, reserved: 0, requested: amounts[0], limitedBy: 'plan' };
}

function sumBySubscriptionFeature(moved: MovedRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of moved) if (m.subscription_id) out[m.feature] = (out[m.feature] ?? 0) + Number(m.amount);
  return out;
}

type Move = { column: MovedColumn; condition: string; kind: EntryKind };

/** Moves a request along its chain; on a partial move, undoes it and returns the chain and what moved for the refusal. */
async function moveAlongChain(sql: Sql, sub: LedgerSubscription, req: LedgerRequest, items: { features: string[]; amounts: number[] }, move: Move) {
  const chain: LedgerChain = { id: sub.id, resellerIds: resellersOnPath(sub.organizationPath) };
  await lockResellerPools(sql, chain.resellerIds, 'shared');
  const r = await moveAndRecord(sql, chain, { ...items, ...move, orderId: req.orderId });
  const complete = r.moved.length === r.expected && r.subscriptionTargets === items.features.length;
  if (!complete) await undoMove(sql, r.moved, move.column);
  return { chain, moved: r.moved, complete };
}

/**
 * Reserves quota for an order: every item on the subscription's counter and on each reseller
 * pool above it, all or nothing. Throws 409 `QUOTA_EXCEEDED` (details: feature, limit, used,
 * reserved, requested) and leaves nothing reserved. Not idempotent by itself: call it once per
 * order (the order's own idempotency covers retries).
 */
export async function reserve(sql: Sql, req: LedgerRequest): Promise<Record<string, number>> {
  const items = normalizeItems(req.items);
  if (!items.features.length) return {};
  const sub = await subscriptionOf(sql, req);
  if (sub.status !== 'pending' && sub.status !== 'active') {
    throw new ProblemError('SUBSCRIPTION_NOT_ACTIVE', `Subscription ${sub.id} is ${sub.status}`);
  }
  const m = await moveAlongChain(sql, sub, req, items, {
    column: 'reserved',
    condition: '(l.limit_value IS NULL OR l.used + l.reserved + t.amount <= l.limit_value)',
    kind: 'reserve',
  });
  if (!m.complete) {
    const details = await refusalDetails(sql, m.chain, items.features, items.amounts, m.moved);
    const limitText = details.limit === null ? 'unlimited' : String(details.limit);
    throw new ProblemError(
      'QUOTA_EXCEEDED',
      `${details.feature}: ${details.requested} more would exceed the limit of ${limitText} (${details.used} used, ${details.reserved} reserved)${details.limitedBy === 'reseller' ? ', set by the reseller' : ''}`,
      { ...details },
    );
  }
  return sumBySubscriptionFeature(m.moved);
}

/**
 * Records usage that an order's removal will free when it completes (entries `free`): the usage
 * stays counted until `releaseFreed`, so a removal that fails and rolls back frees nothing.
 * Refuses (409 `QUOTA_RELEASE_EXCEEDS_USAGE`) to free more than is in use and not already being freed.
 */
export async function scheduleRelease(sql: Sql, req: LedgerRequest): Promise<Record<string, number>> {
  const items = normalizeItems(req.items);
  if (!items.features.length) return {};
  const sub = await subscriptionOf(sql, req);
  const m = await moveAlongChain(sql, sub, req, items, { column: 'freeing', condition: 'l.used - l.freeing >= t.amount', kind: 'free' });
  if (!m.complete) {
    throw new ProblemError(
      'QUOTA_RELEASE_EXCEEDS_USAGE',
      `Cannot free ${items.features.map((f, i) => `${items.amounts[i]} ${f}`).join(', ')}: not that much in use`,
    );
  }
  return sumBySubscriptionFeature(m.moved);
}

async function settle(
  sql: Sql,
  orderId: string,
  kind: EntryKind,
  from: EntryStatus,
  to: EntryStatus,
  counterChange: string,
  opts: SettleOptions = {},
): Promise<SettleResult> {
  const row = await settleEntries(sql, { orderId, kind, from, to, counterChange, organization: !!opts.organization });
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
export { type QuotaCounter, setSubscriptionLimits } from './quota-counters';
export { setResellerPools } from './reseller-pools';
