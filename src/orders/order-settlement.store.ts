import type { Sql } from '../database/sql';
import type { RunErrorView } from '../provisioning/runs/runs.views';

/**
 * The statements that follow an order's run (orders/order-run-hooks.ts): they run inside the
 * transaction that changes the run's status, on the engine's critical path, so each does as
 * much as one round trip can.
 */

/** Channel the API listens on to answer `GET /v1/orders/{id}?wait=` as soon as an order ends. */
export const ORDERS_CHANNEL = 'provisio_orders';

/**
 * Undoes the order's own inventory rows in **one statement** (the four tables through
 * data-modifying CTEs, each executed exactly once): they go back to what they were (pending →
 * removed, removing/changing → active); `completeOrder` makes them real (pending → active,
 * removing → removed, changes applied). One statement instead of four: this runs inside the
 * engine's status-change transaction, and every statement there is a round trip on the engine's
 * critical path.
 */
export async function undoOrderInventory(sql: Sql, orderId: string): Promise<void> {
  await sql.query(UNDO_SQL, [orderId]);
}

const USERS_SET = {
  done: `state = CASE state WHEN 'removing' THEN 'removed' ELSE 'active' END,
         settings = coalesce(pending_settings, settings),
         user_plan_version_id = coalesce(pending_plan_version_id, user_plan_version_id),`,
  undone: `state = CASE state WHEN 'pending' THEN 'removed' ELSE 'active' END,`,
};

/** The data-modifying CTEs settling the four inventory tables of order $1 (each runs only `gate`-ed). */
function inventoryCtes(outcome: 'done' | 'undone', gate = ''): string {
  const gone = outcome === 'done' ? 'removing' : 'pending';
  const others = ['customer_dns_records', 'customer_sites', 'customer_services'].map(
    (table) => `settle_${table} AS (
       UPDATE ${table} SET state = CASE state WHEN '${gone}' THEN 'removed' ELSE 'active' END, updated_at = now()
        WHERE order_id = $1 AND state IN ('pending', 'removing')${gate}
       RETURNING 1)`,
  );
  return `settle_customer_users AS (
       UPDATE customer_users SET ${USERS_SET[outcome]}
         pending_settings = NULL, pending_plan_version_id = NULL, updated_at = now()
        WHERE order_id = $1 AND state IN ('pending', 'changing', 'removing')${gate}
       RETURNING 1),
     ${others.join(',\n     ')}`;
}

const UNDO_SQL = `WITH ${inventoryCtes('undone')} SELECT 1`;

/**
 * A completed run's order, in **one statement**: lock the order row (first, as every writer of
 * an order does: the inventory updates wait for it through the init plan of `locked`), settle
 * its inventory and mark it completed (NOTIFY at commit). No row: the order does not exist.
 */
const COMPLETE_SQL = `
  WITH locked AS MATERIALIZED (SELECT id FROM orders WHERE id = $1 FOR UPDATE),
     ${inventoryCtes('done', ' AND (SELECT count(*) FROM locked) > 0')},
     done AS (
       UPDATE orders SET status = 'completed', error = NULL, resolution = $2, updated_at = now(), finished_at = now()
        WHERE id = (SELECT id FROM locked)
       RETURNING id, organization_id, organization_path, type, pg_notify('${ORDERS_CHANNEL}', id) AS notified)
  SELECT done.id, done.organization_id, done.organization_path, done.type FROM done`;

export interface SettledOrderRow {
  id: string;
  organization_id: string;
  organization_path: string;
  type: string;
}

export async function completeOrder(sql: Sql, orderId: string, resolution: string | null): Promise<SettledOrderRow | undefined> {
  return (await sql.query<SettledOrderRow>(COMPLETE_SQL, [orderId, resolution])).rows[0];
}

export interface EndingOrderRow extends SettledOrderRow {
  subscription_id: string | null;
  summary: { previousVersionId?: string } | null;
}

/** The order of a run that did not complete, locked (first, as every writer of an order does). */
export async function lockEndingOrder(sql: Sql, orderId: string): Promise<EndingOrderRow | undefined> {
  return (
    await sql.query<EndingOrderRow>(`SELECT id, organization_id, organization_path, type, subscription_id, summary FROM orders WHERE id = $1 FOR UPDATE`, [
      orderId,
    ])
  ).rows[0];
}

/** The order's status follows its run's; the NOTIFY (sent at commit) rides on the same statement. */
export async function finishOrder(
  sql: Sql,
  orderId: string,
  status: 'failed' | 'needs_attention' | 'cancelled',
  error: RunErrorView | null,
  resolution: string | null,
): Promise<void> {
  await sql.query(
    `UPDATE orders SET status = $2, error = $3::jsonb, resolution = $4, updated_at = now(), finished_at = CASE WHEN $2 = 'needs_attention' THEN NULL ELSE now() END
      WHERE id = $1
     RETURNING pg_notify('${ORDERS_CHANNEL}', id)`,
    [orderId, status, error ? JSON.stringify(error) : null, resolution],
  );
}

/** Orders whose runs started (or were taken up again by an operator); NOTIFY only for those that changed. */
export async function markProvisioning(sql: Sql, orderIds: string[]): Promise<void> {
  await sql.query(
    `UPDATE orders SET status = 'provisioning', updated_at = now() WHERE id = ANY($1::text[]) AND status IN ('accepted', 'needs_attention') RETURNING pg_notify('${ORDERS_CHANNEL}', id)`,
    [orderIds],
  );
}
