import { appendAuditEvent } from '../audit/audit-writer';
import { quotaLedger } from '../catalog/quota-ledger';
import { setSubscriptionLimits } from '../catalog/quota-ledger';
import { ProblemError } from '../common/errors/problem';
import type { Sql } from '../database/sql';
import type { RunChange, RunHookRegistry } from '../provisioning/engine/run-hooks';
import type { RunRow } from '../provisioning/engine/run-row';

/** Channel the API listens on to answer `GET /v1/orders/{id}?wait=` as soon as an order ends. */
export const ORDERS_CHANNEL = 'provisio_orders';

const INVENTORY = ['customer_users', 'customer_dns_records', 'customer_sites'];

/** The order's own inventory rows become real (pending → active, removing → removed, changes applied). */
async function settleInventoryDone(sql: Sql, orderId: string) {
  await sql.query(
    `UPDATE customer_users SET
       state = CASE state WHEN 'removing' THEN 'removed' ELSE 'active' END,
       settings = coalesce(pending_settings, settings),
       user_plan_version_id = coalesce(pending_plan_version_id, user_plan_version_id),
       pending_settings = NULL, pending_plan_version_id = NULL, updated_at = now()
     WHERE order_id = $1 AND state IN ('pending', 'changing', 'removing')`,
    [orderId],
  );
  for (const table of ['customer_dns_records', 'customer_sites', 'customer_services']) {
    await sql.query(`UPDATE ${table} SET state = CASE state WHEN 'removing' THEN 'removed' ELSE 'active' END, updated_at = now() WHERE order_id = $1 AND state IN ('pending', 'removing')`, [orderId]);
  }
}

/** The order's inventory rows go back to what they were (pending → removed, removing/changing → active). */
async function settleInventoryUndone(sql: Sql, orderId: string) {
  await sql.query(
    `UPDATE customer_users SET state = CASE state WHEN 'pending' THEN 'removed' ELSE 'active' END,
       pending_settings = NULL, pending_plan_version_id = NULL, updated_at = now()
     WHERE order_id = $1 AND state IN ('pending', 'changing', 'removing')`,
    [orderId],
  );
  for (const table of ['customer_dns_records', 'customer_sites', 'customer_services']) {
    await sql.query(`UPDATE ${table} SET state = CASE state WHEN 'pending' THEN 'removed' ELSE 'active' END, updated_at = now() WHERE order_id = $1 AND state IN ('pending', 'removing')`, [orderId]);
  }
}

async function revertPlanChange(sql: Sql, order: any) {
  const { previousPlanId, previousVersionId } = order.summary ?? {};
  if (!previousPlanId || !previousVersionId || !order.subscription_id) return;
  const v = (await sql.query<{ features: Record<string, number | boolean | null> }>(`SELECT features FROM plan_versions WHERE id = $1`, [previousVersionId])).rows[0];
  if (!v) return;
  await sql.query(`UPDATE subscriptions SET plan_id = $2, plan_version_id = $3, updated_at = now() WHERE id = $1`, [order.subscription_id, previousPlanId, previousVersionId]);
  await setSubscriptionLimits(sql, order.subscription_id, v.features);
}

function orderStatusOf(run: RunRow): 'completed' | 'failed' | 'needs_attention' | 'cancelled' {
  switch (run.status) {
    case 'completed':
      return 'completed';
    case 'needs_attention':
      return 'needs_attention';
    case 'cancelled':
      return 'cancelled';
    default:
      // failed, and resolved (an operator closed it by hand: the order did not complete as asked).
      return 'failed';
  }
}

/**
 * The order's status always follows its run (Odin's "order stuck after its tasks succeeded" can't
 * happen): these hooks run inside the transaction that changes the run's status, so the order,
 * its inventory and its quota settle atomically with it.
 */
export async function onRunTerminal(sql: Sql, run: RunRow, change: RunChange): Promise<void> {
  if (!run.orderId) return;
  const order = (await sql.query<any>(`SELECT * FROM orders WHERE id = $1 FOR UPDATE`, [run.orderId])).rows[0];
  if (!order) return;
  const status = orderStatusOf(run);
  if (status === 'completed') {
    await settleInventoryDone(sql, order.id);
    // The request's Plans steps did this; settling again is idempotent and guards against a
    // request that lacked them.
    await quotaLedger.commit(sql, order.id);
    await quotaLedger.releaseFreed(sql, order.id);
  } else if (status !== 'needs_attention') {
    await settleInventoryUndone(sql, order.id);
    await quotaLedger.abandon(sql, order.id);
    if (order.type === 'subscribe' && order.subscription_id) {
      await sql.query(`UPDATE subscriptions SET status = 'cancelled', status_changed_at = now(), updated_at = now() WHERE id = $1 AND status = 'pending'`, [order.subscription_id]);
    }
    if (order.type === 'change_plan') await revertPlanChange(sql, order);
  }
  await sql.query(
    `UPDATE orders SET status = $2, error = $3::jsonb, resolution = $4, updated_at = now(), finished_at = CASE WHEN $2 = 'needs_attention' THEN NULL ELSE now() END WHERE id = $1`,
    [order.id, status, run.error && status !== 'completed' ? JSON.stringify(run.error) : null, run.resolutionReason ?? null],
  );
  await sql.query(`SELECT pg_notify('${ORDERS_CHANNEL}', $1)`, [order.id]);
  await appendAuditEvent(sql, change.actor, {
    action: `order.${status}`,
    resourceType: 'order',
    resourceId: order.id,
    organizationId: order.organization_id,
    organizationPath: order.organization_path,
    outcome: status === 'completed' ? 'success' : 'failure',
    details: { type: order.type, runId: run.id, runStatus: run.status, error: run.error ?? null, resolution: run.resolutionReason ?? null },
  });
}

export async function onRunStatus(sql: Sql, run: RunRow, change: RunChange): Promise<void> {
  if (!run.orderId) return;
  if (['failed', 'cancelled', 'resolved'].includes(change.previousStatus)) {
    // Its reservations and inventory were released when it ended: place the order again instead.
    throw new ProblemError('CONFLICT', 'This run belongs to an order that has ended; place the order again instead of retrying its run');
  }
  const r = await sql.query(`UPDATE orders SET status = 'provisioning', updated_at = now() WHERE id = $1 AND status IN ('accepted', 'needs_attention') RETURNING id`, [run.orderId]);
  if (r.rowCount) await sql.query(`SELECT pg_notify('${ORDERS_CHANNEL}', $1)`, [run.orderId]);
}

export function registerOrderHooks(hooks: RunHookRegistry): void {
  hooks.onTerminal(onRunTerminal);
  hooks.onStatus(onRunStatus);
}

export { INVENTORY };
