import { appendAuditEvent } from '../audit/audit-writer';
import { quotaLedger } from '../catalog/quota-ledger';
import { cancelPendingSubscription, revertSubscriptionPlan } from '../catalog/subscriptions';
import { ProblemError } from '../common/errors/problem';
import type { Sql } from '../database/sql';
import type { RunChange, RunHookRegistry } from '../provisioning/engine/run-hooks';
import type { RunRow } from '../provisioning/engine/run-row';
import {
  completeOrder,
  type EndingOrderRow,
  finishOrder,
  lockEndingOrder,
  markProvisioning,
  type SettledOrderRow,
  undoOrderInventory,
} from './order-settlement.store';

export { ORDERS_CHANNEL } from './order-settlement.store';

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
    // The engine's completion transaction: one statement for the order and its inventory. Its
    // quota was committed by the request's Plans steps, the one place quota is settled.
    const done = await completeOrder(sql, run.orderId, run.resolutionReason ?? null);
    if (done) await auditOrderEnd(sql, change, done, run, status);
    return;
  }
  const order = await lockEndingOrder(sql, run.orderId);
  if (!order) return;
  if (status !== 'needs_attention') await undoOrder(sql, order, change);
  await finishOrder(sql, order.id, status, run.error ?? null, run.resolutionReason ?? null);
  await auditOrderEnd(sql, change, order, run, status);
}

/** A failed or cancelled order leaves nothing: its inventory, reservations and subscription change are undone. */
async function undoOrder(sql: Sql, order: EndingOrderRow, change: RunChange): Promise<void> {
  await undoOrderInventory(sql, order.id);
  await quotaLedger.abandon(sql, order.id);
  if (order.type === 'subscribe' && order.subscription_id) {
    await cancelPendingSubscription(sql, { subscriptionId: order.subscription_id, actor: change.actor, orderId: order.id });
  }
  const previousVersionId = order.summary?.previousVersionId;
  if (order.type === 'change_plan' && order.subscription_id && previousVersionId) {
    await revertSubscriptionPlan(sql, { subscriptionId: order.subscription_id, planVersionId: previousVersionId, actor: change.actor, orderId: order.id });
  }
}

async function auditOrderEnd(sql: Sql, change: RunChange, order: SettledOrderRow, run: RunRow, status: string): Promise<void> {
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
  await markProvisioning(sql, orderIds);
}

export function registerOrderHooks(hooks: RunHookRegistry): void {
  hooks.onTerminal(onRunTerminal);
  hooks.onStatus(onRunStatus, onRunsStatus);
}
