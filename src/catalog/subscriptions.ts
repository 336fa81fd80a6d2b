import type { Sql } from '../database/sql';
import { type SubscriptionDetails, subscriptionDetails } from './subscription-details';
import { findOpenSubscriptionDetails, findSubscriptionDetails, listSubscriptionDetails } from './subscriptions.store';

/**
 * Subscriptions as the orders module, the API and the engines use them, on a `Sql` inside their
 * own transactions: reads (with everything an order validates against: plan version features,
 * the user plans it offers, counters), the pure rules (subscription-details.ts) and the
 * lifecycle (subscription-lifecycle.ts) — the catalog's one surface for subscriptions.
 */

export type { SubscriptionStatus } from './subscriptions.store';
export type { OrganizationRef } from './subscription-details';
export { offeredPlanVersion, resolveOfferedPlan } from './offered-plans';
export {
  planGrants,
  type PlanVersionDetails,
  requireWithinPlanLimit,
  resolveUserPlan,
  type SubscriptionDetails,
  type UserPlanVersion,
} from './subscription-details';

/** A subscription with its plan version and counters; undefined when missing (no scope check: callers check access). */
export async function getSubscription(sql: Sql, id: string): Promise<SubscriptionDetails | undefined> {
  const row = await findSubscriptionDetails(sql, id);
  return row && subscriptionDetails(row);
}

/** The organization's subscription that is not cancelled, if any. */
export async function findOpenSubscription(sql: Sql, organizationId: string): Promise<SubscriptionDetails | undefined> {
  const row = await findOpenSubscriptionDetails(sql, organizationId);
  return row && subscriptionDetails(row);
}

export async function listSubscriptionsOf(sql: Sql, organizationId: string, afterId: string | undefined, limit: number): Promise<SubscriptionDetails[]> {
  return (await listSubscriptionDetails(sql, organizationId, afterId, limit)).map(subscriptionDetails);
}

export {
  cancelPendingSubscription,
  changeSubscriptionPlan,
  changeSubscriptionStatus,
  createSubscription,
  type CreateSubscriptionInput,
  restoreSubscriptionStatus,
  revertSubscriptionPlan,
} from './subscription-lifecycle';
