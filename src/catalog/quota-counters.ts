import { ProblemError } from '../common/errors/problem';
import type { Sql } from '../database/sql';
import { type CounterJson, type Limits, lockSubscriptionCounters, writeSubscriptionLimits } from './quota-ledger.store';
import { LEDGERED_FEATURES } from './service-catalog';

/**
 * The counters of a subscription: their limits from its plan version (created with the
 * subscription, moved to a new version's limits on a plan change), and how the subscription view
 * shows them. The moves themselves are in quota-ledger.ts.
 */

/** One limit per counted feature: the plan's value, 0 when the plan lacks the service (null = unlimited). */
export function limitsOf(features: Record<string, number | boolean | null>): Limits {
  return new Map(LEDGERED_FEATURES.map((f) => [f, Object.hasOwn(features, f) ? (features[f] as number | null) : 0]));
}

/**
 * Moves a subscription to new limits (a plan change) if what is used and reserved fits every new
 * limit; otherwise 409 `QUOTA_EXCEEDED` naming the first feature that does not fit. `force`
 * skips the check (undoing a plan change that failed: the objects exist, so the ledger says so).
 */
export async function setSubscriptionLimits(
  sql: Sql,
  subscriptionId: string,
  features: Record<string, number | boolean | null>,
  opts: { force?: boolean } = {},
): Promise<void> {
  const rows = await lockSubscriptionCounters(sql, subscriptionId);
  const limits = limitsOf(features);
  for (const r of opts.force ? [] : rows) {
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
  const missing = LEDGERED_FEATURES.filter((f) => !rows.some((r) => r.feature === f));
  await writeSubscriptionLimits(sql, subscriptionId, limits, missing);
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

const FEATURE_ORDER = new Map(LEDGERED_FEATURES.map((f, i) => [f, i]));

export function quotaCounters(rows: CounterJson[]): QuotaCounter[] {
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
    .sort((a, b) => (FEATURE_ORDER.get(a.feature) ?? 99) - (FEATURE_ORDER.get(b.feature) ?? 99));
}
