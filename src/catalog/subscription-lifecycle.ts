import { type AuditActor, appendAuditEvent } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import type { Sql } from '../database/sql';
import { findOrganization } from '../identity/organizations.store';
import { offeredPlanVersion } from './offered-plans';
import { limitsOf, quotaCounters, setSubscriptionLimits } from './quota-counters';
import { type OrganizationRef, type PlanVersionDetails, type SubscriptionDetails, subscriptionDetails } from './subscription-details';
import {
  cancelPendingSubscriptionRow,
  findOfferableVersion,
  findSubscriptionDetails,
  insertSubscription,
  lockSubscription,
  restoreSubscriptionStatusRow,
  type SubscriptionStatus,
  updateSubscriptionPlan,
  writeSubscriptionStatus,
} from './subscriptions.store';

/**
 * The subscription lifecycle, written once: orders call these inside the transaction that places
 * an order (create, change plan) or ends its run (a failed subscribe or plan change undone), and
 * the `Plans` provider's steps move the status (activate, suspend, cancel and their rollbacks).
 * Each change writes its audit event in the caller's transaction.
 */

export interface CreateSubscriptionInput {
  organizationId: string;
  planVersionId: string;
  /** Who is subscribing (the order's principal, `auditActorOf(principal)`). */
  actor: AuditActor;
  /** The `subscribe` order creating it, when there is one. */
  orderId?: string | null;
  /** The subscriber, when the caller already has it (saves reading it). */
  organization?: OrganizationRef;
  /** The plan version as `resolveOfferedPlan` returned it for this organization (saves checking it again). */
  plan?: PlanVersionDetails;
  /** A pre-allocated id (`sub_…`). */
  id?: string;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  return (err.driverError?.code ?? err.code) === '23505';
}

async function subscriberOf(sql: Sql, input: CreateSubscriptionInput): Promise<OrganizationRef> {
  const org = input.organization ?? (await findOrganization(sql, input.organizationId));
  if (!org) throw new ProblemError('NOT_FOUND', `Organization ${input.organizationId} not found`);
  return org;
}

/**
 * Creates a `pending` subscription of a customer to a plan version offered to it, with its
 * quota counters (limits from the version), and audits `subscription.created` — call it late in
 * the order's transaction (the audit event takes the chain lock until commit). One subscription
 * that is not cancelled per organization: 409 `SUBSCRIPTION_EXISTS`.
 */
export async function createSubscription(sql: Sql, input: CreateSubscriptionInput): Promise<SubscriptionDetails> {
  const org = await subscriberOf(sql, input);
  const plan = input.plan ?? (await offeredPlanVersion(sql, org, input.planVersionId));
  const id = input.id ?? newId('sub');
  let times: { status_changed_at: Date; created_at: Date; updated_at: Date };
  try {
    times = await insertSubscription(
      sql,
      {
        id,
        organizationId: org.id,
        organizationPath: org.path,
        planId: plan.planId,
        planVersionId: plan.planVersionId,
        orderId: input.orderId ?? null,
        userId: input.actor.userId ?? null,
      },
      limitsOf(plan.features),
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw new ProblemError('SUBSCRIPTION_EXISTS', `Organization ${org.id} already has a subscription`);
    throw e;
  }
  await appendAuditEvent(sql, input.actor, {
    action: 'subscription.created',
    resourceType: 'subscription',
    resourceId: id,
    organizationId: org.id,
    organizationPath: org.path,
    details: { planId: plan.planId, plan: plan.planName, planVersionId: plan.planVersionId, version: plan.planVersion, orderId: input.orderId ?? null },
  });
  const counters = [...limitsOf(plan.features)].map(([feature, limit]) => ({ feature, limit_value: limit, used: 0, reserved: 0, freeing: 0, pool_left: null }));
  return {
    ...plan,
    id,
    organizationId: org.id,
    organizationPath: org.path,
    status: 'pending',
    orderId: input.orderId ?? null,
    quotas: quotaCounters(counters),
    statusChangedAt: times.status_changed_at,
    createdAt: times.created_at,
    updatedAt: times.updated_at,
  };
}

/**
 * Moves a subscription to another plan version offered to the customer (a `change_plan`
 * order), if what it uses and has reserved fits every new limit (409 `QUOTA_EXCEEDED` otherwise).
 * Audits `subscription.plan_changed`.
 */
export async function changeSubscriptionPlan(
  sql: Sql,
  input: { subscriptionId: string; planVersionId: string; actor: AuditActor; orderId?: string | null; plan?: PlanVersionDetails },
): Promise<SubscriptionDetails> {
  const sub = await lockSubscription(sql, input.subscriptionId);
  if (!sub) throw new ProblemError('NOT_FOUND', `Subscription ${input.subscriptionId} not found`);
  if (sub.status === 'cancelled') throw new ProblemError('SUBSCRIPTION_NOT_ACTIVE', `Subscription ${sub.id} is cancelled`);
  const plan = input.plan ?? (await offeredPlanVersion(sql, (await findOrganization(sql, sub.organization_id))!, input.planVersionId));
  await setSubscriptionLimits(sql, sub.id, plan.features);
  await updateSubscriptionPlan(sql, sub.id, plan.planId, plan.planVersionId);
  await appendAuditEvent(sql, input.actor, {
    action: 'subscription.plan_changed',
    resourceType: 'subscription',
    resourceId: sub.id,
    organizationId: sub.organization_id,
    organizationPath: sub.organization_path,
    details: {
      fromVersionId: sub.plan_version_id,
      toVersionId: plan.planVersionId,
      plan: plan.planName,
      version: plan.planVersion,
      orderId: input.orderId ?? null,
    },
  });
  return subscriptionDetails((await findSubscriptionDetails(sql, sub.id))!);
}

/**
 * Puts a subscription back on the version it had before a `change_plan` order that failed (its
 * run rolled back). The limits are restored without the fit check: what exists is counted.
 */
export async function revertSubscriptionPlan(
  sql: Sql,
  input: { subscriptionId: string; planVersionId: string; actor: AuditActor; orderId: string },
): Promise<void> {
  const sub = await lockSubscription(sql, input.subscriptionId);
  const previous = await findOfferableVersion(sql, input.planVersionId);
  if (!sub || !previous || sub.plan_version_id === input.planVersionId) return;
  await setSubscriptionLimits(sql, sub.id, previous.version.features, { force: true });
  await updateSubscriptionPlan(sql, sub.id, previous.plan_id, input.planVersionId);
  await appendAuditEvent(sql, input.actor, {
    action: 'subscription.plan_reverted',
    resourceType: 'subscription',
    resourceId: sub.id,
    organizationId: sub.organization_id,
    organizationPath: sub.organization_path,
    details: { fromVersionId: sub.plan_version_id, toVersionId: input.planVersionId, orderId: input.orderId },
  });
}

/** A subscription whose `subscribe` order failed never becomes active: it is cancelled. */
export async function cancelPendingSubscription(sql: Sql, input: { subscriptionId: string; actor: AuditActor; orderId: string }): Promise<void> {
  const row = await cancelPendingSubscriptionRow(sql, input.subscriptionId);
  if (!row) return;
  await appendAuditEvent(sql, input.actor, {
    action: 'subscription.cancelled',
    resourceType: 'subscription',
    resourceId: input.subscriptionId,
    organizationId: row.organization_id,
    organizationPath: row.organization_path,
    details: { from: 'pending', to: 'cancelled', reason: 'its subscribe order did not complete', orderId: input.orderId },
  });
}

export type StatusChange = { outcome: 'changed' | 'unchanged' } | { outcome: 'not_found' } | { outcome: 'conflict'; status: SubscriptionStatus };

/**
 * A status change made by a run's step: from any of `from` to `to` (already `to` changes
 * nothing); remembers the previous status and the run, for `restoreSubscriptionStatus`.
 */
export async function changeSubscriptionStatus(
  sql: Sql,
  c: { subscriptionId: string; to: SubscriptionStatus; from: SubscriptionStatus[]; action: string; actor: AuditActor; runId: string | null; stepSeq: number },
): Promise<StatusChange> {
  const current = await lockSubscription(sql, c.subscriptionId);
  if (!current) return { outcome: 'not_found' };
  if (current.status === c.to) return { outcome: 'unchanged' };
  if (!c.from.includes(current.status)) return { outcome: 'conflict', status: current.status };
  await writeSubscriptionStatus(sql, c.subscriptionId, c.to, c.runId);
  await appendAuditEvent(sql, c.actor, {
    action: c.action,
    resourceType: 'subscription',
    resourceId: c.subscriptionId,
    organizationId: current.organization_id,
    organizationPath: current.organization_path,
    details: { from: current.status, to: c.to, runId: c.runId, stepSeq: c.stepSeq },
  });
  return { outcome: 'changed' };
}

/** Rollback of a status change: back to the previous status if the status is still what this run set. */
export async function restoreSubscriptionStatus(
  sql: Sql,
  c: { subscriptionId: string; to: SubscriptionStatus; actor: AuditActor; runId: string | null; stepSeq: number },
): Promise<void> {
  if (!c.runId) return;
  const row = await restoreSubscriptionStatusRow(sql, c.subscriptionId, c.to, c.runId);
  if (!row) return;
  await appendAuditEvent(sql, c.actor, {
    action: 'subscription.status_restored',
    resourceType: 'subscription',
    resourceId: c.subscriptionId,
    organizationId: row.organization_id,
    organizationPath: row.organization_path,
    details: { from: c.to, to: row.previous, runId: c.runId, stepSeq: c.stepSeq },
  });
}
