import { appendAuditEvent } from '../audit/audit-writer';
import { quotaLedger } from '../catalog/quota-ledger';
import { cancelPendingSubscription, revertSubscriptionPlan } from '../catalog/subscriptions';
import { ProblemError } from '../common/errors/problem';
import type { Sql } from '../database/sql';
import type { RunChange, RunHookRegistry } from '../provisioning/engine/run-hooks';
import type { RunRow } from '../provisioning/engine/run-row';

/** Channel the API listens on to answer `GET /v1/orders/{id}?wait=` as soon as an order ends. */
export const ORDERS_CHANNEL = 'provisio_orders';

const INVENTORY = ['customer_users', 'customer_dns_records', 'customer_sites'];

/**
 * Settles the order's own inventory rows in **one statement** (the four tables through
 * data-modifying CTEs, each executed exactly once): done = they become real (pending → active,
 * removing → removed, changes applied); undone = they go back to what they were (pending →
 * removed, removing/changing → active). One statement instead of four: this runs inside the
 * engine's status-change transaction, and every statement there is a round trip on the engine's
 * critical path.
 */
async function settleInventory(sql: Sql, orderId: string, outcome: 'done' | 'undone'): Promise<void> {
  await sql.query(SETTLE_SQL[outcome], [orderId]);
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

function settleSql(outcome: 'done' | 'undone'): string {
  return `WITH ${inventoryCtes(outcome)}
     SELECT 1`;
}

const SETTLE_SQL = { done: settleSql('done'), undone: settleSql('undone') };

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
  const status = orderStatusOf(run);
  if (status === 'completed') {
    // The engine's completion transaction: one statement for the order and its inventory.
    // Its quota was settled by the request's Plans steps (the one place quota is committed).
    const done = (await sql.query<{ id: string; organization_id: string; organization_path: string; type: string }>(COMPLETE_SQL, [run.orderId, run.resolutionReason ?? null])).rows[0];
    if (!done) return;
    await auditOrderEnd(sql, change, done, run, status);
    return;
  }
  const order = (await sql.query<any>(`SELECT * FROM orders WHERE id = $1 FOR UPDATE`, [run.orderId])).rows[0];
  if (!order) return;
  if (status !== 'needs_attention') {
    await settleInventory(sql, order.id, 'undone');
    await quotaLedger.abandon(sql, order.id);
    if (order.type === 'subscribe' && order.subscription_id) {
      await cancelPendingSubscription(sql, { subscriptionId: order.subscription_id, actor: change.actor, orderId: order.id });
    }
    const previousVersionId = order.summary?.previousVersionId;
    if (order.type === 'change_plan' && order.subscription_id && previousVersionId) {
      await revertSubscriptionPlan(sql, { subscriptionId: order.subscription_id, planVersionId: previousVersionId, actor: change.actor, orderId: order.id });
    }
  }
  // The NOTIFY (sent at commit) rides on the same statement.
  await sql.query(
    `UPDATE orders SET status = $2, error = $3::jsonb, resolution = $4, updated_at = now(), finished_at = CASE WHEN $2 = 'needs_attention' THEN NULL ELSE now() END
      WHERE id = $1
     RETURNING pg_notify('${ORDERS_CHANNEL}', id)`,
    [order.id, status, run.error ? JSON.stringify(run.error) : null, run.resolutionReason ?? null],
  );
  await auditOrderEnd(sql, change, order, run, status);
}

async function auditOrderEnd(sql: Sql, change: RunChange, order: { id: string; organization_id: string; organization_path: string; type: string }, run: RunRow, status: string): Promise<void> {
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
  await onRunsStatus(sql, [{ run, change }]);
}

/** `onRunStatus` for several runs in one statement (the engine's claim starts several at once). */
export async function onRunsStatus(sql: Sql, changes: { run: RunRow; change: RunChange }[]): Promise<void> {
  const orderIds: string[] = [];
  for (const { run, change } of changes) {
    if (!run.orderId) continue;
    if (['failed', 'cancelled', 'resolved'].includes(change.previousStatus)) {
      // Its reservations and inventory were released when it ended: place the order again instead.
      throw new ProblemError('CONFLICT', 'This run belongs to an order that has ended; place the order again instead of retrying its run');
    }
    orderIds.push(run.orderId);
  }
  if (!orderIds.length) return;
  // One statement: the NOTIFY goes out (at commit) only for orders whose status changed.
  await sql.query(
    `UPDATE orders SET status = 'provisioning', updated_at = now() WHERE id = ANY($1::text[]) AND status IN ('accepted', 'needs_attention') RETURNING pg_notify('${ORDERS_CHANNEL}', id)`,
    [orderIds],
  );
}

export function registerOrderHooks(hooks: RunHookRegistry): void {
  hooks.onTerminal(onRunTerminal);
  hooks.onStatus(onRunStatus, onRunsStatus);
}

export { INVENTORY };
