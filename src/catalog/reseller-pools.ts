import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import type { Sql } from '../database/sql';
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
  // Serializes with every reservation in the subtree (they hold KEY SHARE on this row).
  await sql.query(`SELECT id FROM organizations WHERE id = $1 FOR UPDATE`, [reseller.id]);
  await sql.query(
    `SELECT l.id FROM quota_ledger l JOIN subscriptions s ON s.id = l.subscription_id JOIN organizations o ON o.id = s.organization_id
      WHERE starts_with(o.path, $1) AND l.feature = ANY($2::text[]) ORDER BY l.id FOR UPDATE OF l`,
    [reseller.path, features],
  );
  for (const feature of features) {
    const cap = caps[feature];
    const existing = (
      await sql.query<{ id: string; used: string; reserved: string }>(`SELECT id, used, reserved FROM quota_ledger WHERE reseller_org_id = $1 AND feature = $2 FOR UPDATE`, [reseller.id, feature])
    ).rows[0];
    let poolId: string;
    let taken: number;
    if (existing) {
      poolId = existing.id;
      taken = Number(existing.used) + Number(existing.reserved);
    } else {
      poolId = newId('qta');
      const sums = (
        await sql.query<{ used: string; reserved: string; freeing: string }>(
          `WITH counters AS (
             SELECT l.id, l.used FROM quota_ledger l JOIN subscriptions s ON s.id = l.subscription_id JOIN organizations o ON o.id = s.organization_id
              WHERE starts_with(o.path, $1) AND l.feature = $2
           ),
           pending AS (SELECT e.kind, e.amount FROM quota_entries e WHERE e.ledger_id IN (SELECT id FROM counters) AND e.status = 'pending')
           SELECT (SELECT coalesce(sum(used), 0) FROM counters) AS used,
                  (SELECT coalesce(sum(amount), 0) FROM pending WHERE kind = 'reserve') AS reserved,
                  (SELECT coalesce(sum(amount), 0) FROM pending WHERE kind = 'free') AS freeing`,
          [reseller.path, feature],
        )
      ).rows[0];
      taken = Number(sums.used) + Number(sums.reserved);
      await sql.query(
        `INSERT INTO quota_ledger (id, reseller_org_id, feature, limit_value, used, reserved, freeing) VALUES ($1, $2, $3, NULL, $4, $5, $6)`,
        [poolId, reseller.id, feature, sums.used, sums.reserved, sums.freeing],
      );
      await sql.query(
        `INSERT INTO quota_entries (order_id, subscription_id, ledger_id, feature, kind, amount, status)
         SELECT e.order_id, e.subscription_id, $3, e.feature, e.kind, e.amount, 'pending'
           FROM quota_entries e JOIN quota_ledger l ON l.id = e.ledger_id JOIN subscriptions s ON s.id = l.subscription_id JOIN organizations o ON o.id = s.organization_id
          WHERE starts_with(o.path, $1) AND l.feature = $2 AND e.status = 'pending'`,
        [reseller.path, feature, poolId],
      );
    }
    if (cap !== null && taken > cap) {
      throw new ProblemError('QUOTA_POOL_BELOW_USAGE', `${feature}: the reseller's customers already use or reserve ${taken}, more than ${cap}`, { feature, limit: cap, used: taken });
    }
    await sql.query(`UPDATE quota_ledger SET limit_value = $2, updated_at = now() WHERE id = $1`, [poolId, cap]);
  }
}
