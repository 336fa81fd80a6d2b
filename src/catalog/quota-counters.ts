import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import type { Sql } from '../database/sql';
import { LEDGERED_FEATURES } from './service-catalog';

/**
 * The counters of a subscription: created with the limits of its plan version, moved to a new
 * version's limits on a plan change, and read (with what the reseller pools above leave) for the
 * subscription view. The moves themselves are in quota-ledger.ts.
 */

/** Creates the subscription's counters: one per counted feature, its limit from the plan (0 when the plan lacks the service). */
export async function createSubscriptionCounters(sql: Sql, subscriptionId: string, features: Record<string, number | boolean | null>): Promise<void> {
  const ids = LEDGERED_FEATURES.map(() => newId('qta'));
  const limits = LEDGERED_FEATURES.map((f) => (Object.hasOwn(features, f) ? (features[f] as number | null) : 0));
  await sql.query(
    `INSERT INTO quota_ledger (id, subscription_id, feature, limit_value)
     SELECT id, $1, feature, lim FROM unnest($2::text[], $3::text[], $4::bigint[]) AS x(id, feature, lim)`,
    [subscriptionId, ids, LEDGERED_FEATURES, limits],
  );
}

/**
 * Moves a subscription to new limits (a plan change) if what is used and reserved fits every new
 * limit; otherwise 409 `QUOTA_EXCEEDED` naming the first feature that does not fit.
 */
export async function setSubscriptionLimits(sql: Sql, subscriptionId: string, features: Record<string, number | boolean | null>): Promise<void> {
  const rows = (
    await sql.query<{ id: string; feature: string; used: string; reserved: string }>(
      `SELECT id, feature, used, reserved FROM quota_ledger WHERE subscription_id = $1 ORDER BY id FOR UPDATE`,
      [subscriptionId],
    )
  ).rows;
  const limits = new Map(LEDGERED_FEATURES.map((f) => [f, Object.hasOwn(features, f) ? (features[f] as number | null) : 0]));
  for (const r of rows) {
    const lim = limits.get(r.feature);
    if (lim === undefined || lim === null) continue;
    if (Number(r.used) + Number(r.reserved) > lim) {
      throw new ProblemError('QUOTA_EXCEEDED', `${r.feature}: ${r.used} used and ${r.reserved} reserved do not fit the new limit of ${lim}`, {
        feature: r.feature,
        limit: lim,
        used: Number(r.used),
        reserved: Number(r.reserved),
        requested: 0,
        limitedBy: 'plan',
      });
    }
  }
  await sql.query(
    `UPDATE quota_ledger l SET limit_value = x.lim, updated_at = now()
       FROM unnest($2::text[], $3::bigint[]) AS x(feature, lim) WHERE l.subscription_id = $1 AND l.feature = x.feature`,
    [subscriptionId, [...limits.keys()], [...limits.values()]],
  );
  // Counters for features added to the catalog after the subscription was created.
  const missing = LEDGERED_FEATURES.filter((f) => !rows.some((r) => r.feature === f));
  if (missing.length) {
    await sql.query(
      `INSERT INTO quota_ledger (id, subscription_id, feature, limit_value)
       SELECT id, $1, feature, lim FROM unnest($2::text[], $3::text[], $4::bigint[]) AS x(id, feature, lim)`,
      [subscriptionId, missing.map(() => newId('qta')), missing, missing.map((f) => limits.get(f) ?? 0)],
    );
  }
}

/** Counters as the subscription view shows them. */
export interface QuotaCounter {
  feature: string;
  limit: number | null;
  used: number;
  reserved: number;
  freeing: number;
  /** What can still be reserved now: the minimum along the reseller chain; null = unlimited. */
  available: number | null;
}

export async function subscriptionCounters(sql: Sql, subscriptionId: string): Promise<QuotaCounter[]> {
  const rows = (
    await sql.query<{ feature: string; limit_value: string | null; used: string; reserved: string; freeing: string; pool_left: string | null }>(
      `SELECT l.feature, l.limit_value, l.used, l.reserved, l.freeing,
              (SELECT min(p.limit_value - p.used - p.reserved) FROM quota_ledger p
                WHERE p.feature = l.feature AND p.reseller_org_id IS NOT NULL AND p.limit_value IS NOT NULL
                  AND starts_with(o.path, (SELECT r.path FROM organizations r WHERE r.id = p.reseller_org_id))) AS pool_left
         FROM quota_ledger l JOIN subscriptions s ON s.id = l.subscription_id JOIN organizations o ON o.id = s.organization_id
        WHERE l.subscription_id = $1`,
      [subscriptionId],
    )
  ).rows;
  const order = new Map(LEDGERED_FEATURES.map((f, i) => [f, i]));
  return rows
    .map((r) => {
      const limit = r.limit_value === null ? null : Number(r.limit_value);
      const used = Number(r.used);
      const reserved = Number(r.reserved);
      const own = limit === null ? null : Math.max(0, limit - used - reserved);
      const pool = r.pool_left === null ? null : Math.max(0, Number(r.pool_left));
      const available = own === null ? pool : pool === null ? own : Math.min(own, pool);
      return { feature: r.feature, limit, used, reserved, freeing: Number(r.freeing), available };
    })
    .sort((a, b) => (order.get(a.feature) ?? 99) - (order.get(b.feature) ?? 99));
}
