import { ProblemError } from '../common/errors/problem';
import type { Sql } from '../database/sql';
import { createPool, lockPool, lockResellerPools, lockSubtreeCounters, setPoolLimit } from './quota-ledger.store';
import { FEATURES_BY_KEY, LEDGERED_FEATURES } from './service-catalog';

/**
 * Sets (or creates) a reseller's pool caps: every reservation in the reseller's subtree also
 * moves its pool counter, so its customers together never use more than the cap. A new pool
 * starts from what the subtree already uses and has pending (pending entries are mirrored onto
 * the pool, so settling them later moves the pool too). Refuses a cap below current use.
 */
export async function setResellerPools(sql: Sql, reseller: { id: string; path: string }, caps: Record<string, number | null>): Promise<void> {
  const features = Object.keys(caps);
  if (!features.length) return;
  for (const f of features) {
    const def = FEATURES_BY_KEY.get(f);
    if (!def?.ledgered) throw new ProblemError('QUOTA_FEATURE_NOT_COUNTED', `"${f}" is not a counted feature (${LEDGERED_FEATURES.join(', ')})`);
  }
  // Serializes with every reservation in the subtree (they share this lock).
  await lockResellerPools(sql, [reseller.id], 'exclusive');
  await lockSubtreeCounters(sql, reseller.path, features);
  for (const feature of features) {
    const cap = caps[feature];
    const existing = await lockPool(sql, reseller.id, feature);
    const pool = existing ? { id: existing.id, taken: Number(existing.used) + Number(existing.reserved) } : await createPool(sql, reseller, feature);
    if (cap !== null && pool.taken > cap) {
      throw new ProblemError('QUOTA_POOL_BELOW_USAGE', `${feature}: the reseller's customers already use or reserve ${pool.taken}, more than ${cap}`, {
        feature,
        limit: cap,
        used: pool.taken,
      });
    }
    await setPoolLimit(sql, pool.id, cap);
  }
}
