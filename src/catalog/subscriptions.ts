import { type AuditActor, appendAuditEvent } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { newId } from '../common/ids';
import type { Sql } from '../database/sql';
import { type FeatureMap, quotaItemsForUser, type UserPlanSettings, userPlanSettings } from './plan-rules';
import { contentOf, loadVersions, type VersionRow } from './plans-store';
import { createSubscriptionCounters, type QuotaCounter, setSubscriptionLimits, subscriptionCounters } from './quota-counters';
import { FEATURES_BY_KEY, type ServiceKey } from './service-catalog';

/**
 * Subscriptions as the orders module and the engines use them, on a `Sql` inside their own
 * transactions: create one for a `subscribe` order, change its plan version, and read it with
 * everything an order needs to validate (plan version features, allowed user plans, counters).
 */

export type SubscriptionStatus = 'pending' | 'active' | 'suspended' | 'cancelled';

export interface UserPlanVersion {
  planId: string;
  name: string;
  versionId: string;
  version: number;
  displayName: string;
  services: ServiceKey[];
  features: FeatureMap;
  /** Typed projection: mailbox size, ActiveSync policy, SIP features. */
  settings: UserPlanSettings;
  /** What one user with this plan counts against the ledger (directory user, mailbox, SIP user). */
  quotaItems: { feature: string; amount: number }[];
}

export interface SubscriptionDetails {
  id: string;
  organizationId: string;
  status: SubscriptionStatus;
  orderId: string | null;
  planId: string;
  planName: string;
  planVersionId: string;
  planVersion: number;
  displayName: string;
  services: ServiceKey[];
  features: FeatureMap;
  userPlans: UserPlanVersion[];
  quotas: QuotaCounter[];
  statusChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface CreateSubscriptionInput {
  organizationId: string;
  planVersionId: string;
  /** Who is subscribing (the order's principal, `auditActorOf(principal)`). */
  actor: AuditActor;
  /** The `subscribe` order creating it, when there is one. */
  orderId?: string | null;
}

interface OfferedVersion {
  version: VersionRow;
  planId: string;
  planName: string;
}

/**
 * The version a customer may subscribe to: published, the plan's current version, the plan not
 * retired, an organization plan offered by the customer's parent (its reseller, or the hoster).
 */
async function requireOfferedVersion(sql: Sql, organizationId: string, planVersionId: string): Promise<OfferedVersion> {
  const org = (await sql.query<{ id: string; kind: string; parent_id: string | null }>(`SELECT id, kind, parent_id FROM organizations WHERE id = $1`, [organizationId])).rows[0];
  if (!org) throw new ProblemError('NOT_FOUND', `Organization ${organizationId} not found`);
  if (org.kind !== 'customer') throw new ProblemError('PLAN_NOT_AVAILABLE', 'Only customer organizations subscribe to plans');
  const row = (
    await sql.query<{ plan_id: string; name: string; kind: string; owner_org_id: string; status: string; current_version_id: string | null; v_status: string }>(
      `SELECT p.id AS plan_id, p.name, p.kind, p.owner_org_id, p.status, p.current_version_id, v.status AS v_status
         FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = $1`,
      [planVersionId],
    )
  ).rows[0];
  // A plan the customer's parent does not own is not offered to it: same answer as "no such version".
  if (!row || row.owner_org_id !== org.parent_id) throw new ProblemError('PLAN_NOT_AVAILABLE', `Plan version ${planVersionId} is not offered to this organization`);
  if (row.kind !== 'organization') throw new ProblemError('PLAN_NOT_AVAILABLE', `${row.name} is a user plan; subscribe to an organization plan`);
  if (row.v_status !== 'published') throw new ProblemError('PLAN_NOT_PUBLISHED', `Version ${planVersionId} of ${row.name} is a draft`);
  if (row.status === 'retired') throw new ProblemError('PLAN_RETIRED', `Plan ${row.name} is retired`);
  if (row.current_version_id !== planVersionId) throw new ProblemError('PLAN_VERSION_SUPERSEDED', `Plan ${row.name} has a newer version: ${row.current_version_id}`, { currentVersionId: row.current_version_id });
  const version = (await loadVersions(sql, [planVersionId])).get(planVersionId)!;
  return { version, planId: row.plan_id, planName: row.name };
}

/**
 * Creates a `pending` subscription of a customer to a plan version, with its quota counters
 * (limits from the version), and audits `subscription.created` — call it late in the order's
 * transaction (the audit event takes the chain lock until commit). One subscription that is not
 * cancelled per organization: 409 `SUBSCRIPTION_EXISTS`.
 */
export async function createSubscription(sql: Sql, input: CreateSubscriptionInput): Promise<SubscriptionDetails> {
  const offered = await requireOfferedVersion(sql, input.organizationId, input.planVersionId);
  const existing = (await sql.query<{ id: string }>(`SELECT id FROM subscriptions WHERE organization_id = $1 AND status <> 'cancelled'`, [input.organizationId])).rows[0];
  if (existing) throw new ProblemError('SUBSCRIPTION_EXISTS', `Organization ${input.organizationId} already has subscription ${existing.id}`, { subscriptionId: existing.id });
  const id = newId('sub');
  try {
    await sql.query(
      `INSERT INTO subscriptions (id, organization_id, plan_id, plan_version_id, status, order_id, created_by_user_id) VALUES ($1, $2, $3, $4, 'pending', $5, $6)`,
      [id, input.organizationId, offered.planId, input.planVersionId, input.orderId ?? null, input.actor.userId ?? null],
    );
  } catch (e) {
    if ((e as { code?: string; driverError?: { code?: string } }).driverError?.code === '23505' || (e as { code?: string }).code === '23505') {
      throw new ProblemError('SUBSCRIPTION_EXISTS', `Organization ${input.organizationId} already has a subscription`);
    }
    throw e;
  }
  await createSubscriptionCounters(sql, id, offered.version.features);
  await appendAuditEvent(sql, input.actor, {
    action: 'subscription.created',
    resourceType: 'subscription',
    resourceId: id,
    organizationId: input.organizationId,
    details: { planId: offered.planId, plan: offered.planName, planVersionId: input.planVersionId, version: offered.version.number, orderId: input.orderId ?? null },
  });
  return (await getSubscription(sql, id))!;
}

/**
 * Moves a subscription to another plan version offered to the customer (a `change_plan`
 * order), if what it uses and has reserved fits every new limit (409 `QUOTA_EXCEEDED` otherwise).
 * Audits `subscription.plan_changed`.
 */
export async function changeSubscriptionPlan(sql: Sql, input: { subscriptionId: string; planVersionId: string; actor: AuditActor; orderId?: string | null }): Promise<SubscriptionDetails> {
  const sub = (
    await sql.query<{ id: string; organization_id: string; status: string; plan_version_id: string }>(`SELECT id, organization_id, status, plan_version_id FROM subscriptions WHERE id = $1 FOR UPDATE`, [input.subscriptionId])
  ).rows[0];
  if (!sub) throw new ProblemError('NOT_FOUND', `Subscription ${input.subscriptionId} not found`);
  if (sub.status === 'cancelled') throw new ProblemError('SUBSCRIPTION_NOT_ACTIVE', `Subscription ${sub.id} is cancelled`);
  const offered = await requireOfferedVersion(sql, sub.organization_id, input.planVersionId);
  await setSubscriptionLimits(sql, sub.id, offered.version.features);
  await sql.query(`UPDATE subscriptions SET plan_id = $2, plan_version_id = $3, updated_at = now() WHERE id = $1`, [sub.id, offered.planId, input.planVersionId]);
  await appendAuditEvent(sql, input.actor, {
    action: 'subscription.plan_changed',
    resourceType: 'subscription',
    resourceId: sub.id,
    organizationId: sub.organization_id,
    details: { fromVersionId: sub.plan_version_id, toVersionId: input.planVersionId, plan: offered.planName, version: offered.version.number, orderId: input.orderId ?? null },
  });
  return (await getSubscription(sql, sub.id))!;
}

async function userPlanVersions(sql: Sql, versionIds: string[]): Promise<UserPlanVersion[]> {
  if (!versionIds.length) return [];
  const versions = await loadVersions(sql, versionIds);
  const names = new Map(
    (await sql.query<{ id: string; name: string }>(`SELECT id, name FROM plans WHERE id = ANY($1::text[])`, [[...versions.values()].map((v) => v.plan_id)])).rows.map((r) => [r.id, r.name]),
  );
  return versionIds
    .map((id) => versions.get(id))
    .filter((v): v is VersionRow => !!v)
    .map((v) => ({
      planId: v.plan_id,
      name: names.get(v.plan_id) ?? v.plan_id,
      versionId: v.id,
      version: v.number,
      displayName: v.display_name,
      services: v.services,
      features: v.features,
      settings: userPlanSettings(contentOf(v)),
      quotaItems: quotaItemsForUser(contentOf(v)),
    }));
}

async function details(sql: Sql, row: any): Promise<SubscriptionDetails> {
  const version = (await loadVersions(sql, [row.plan_version_id])).get(row.plan_version_id)!;
  return {
    id: row.id,
    organizationId: row.organization_id,
    status: row.status,
    orderId: row.order_id,
    planId: row.plan_id,
    planName: row.plan_name,
    planVersionId: version.id,
    planVersion: version.number,
    displayName: version.display_name,
    services: version.services,
    features: version.features,
    userPlans: await userPlanVersions(sql, version.user_plan_version_ids),
    quotas: await subscriptionCounters(sql, row.id),
    statusChangedAt: row.status_changed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const SUBSCRIPTION_SELECT = `SELECT s.*, p.name AS plan_name FROM subscriptions s JOIN plans p ON p.id = s.plan_id`;

/** A subscription with its plan version and counters; undefined when missing (no scope check: callers check access). */
export async function getSubscription(sql: Sql, id: string): Promise<SubscriptionDetails | undefined> {
  const row = (await sql.query(`${SUBSCRIPTION_SELECT} WHERE s.id = $1`, [id])).rows[0];
  return row ? details(sql, row) : undefined;
}

/** The organization's subscription that is not cancelled, if any. */
export async function findOpenSubscription(sql: Sql, organizationId: string): Promise<SubscriptionDetails | undefined> {
  const row = (await sql.query(`${SUBSCRIPTION_SELECT} WHERE s.organization_id = $1 AND s.status <> 'cancelled'`, [organizationId])).rows[0];
  return row ? details(sql, row) : undefined;
}

export async function listSubscriptionsOf(sql: Sql, organizationId: string, afterId: string | undefined, limit: number): Promise<SubscriptionDetails[]> {
  const rows = (
    await sql.query(`${SUBSCRIPTION_SELECT} WHERE s.organization_id = $1 AND ($2::text IS NULL OR s.id > $2) ORDER BY s.id LIMIT $3`, [organizationId, afterId ?? null, limit])
  ).rows;
  const out: SubscriptionDetails[] = [];
  for (const r of rows) out.push(await details(sql, r));
  return out;
}

/**
 * One of the user plans the subscription's plan version offers, by version id, plan id, name
 * (`standard-mailbox`) or `name@version`. 422 `USER_PLAN_NOT_ALLOWED` otherwise.
 */
export function resolveUserPlan(sub: Pick<SubscriptionDetails, 'userPlans' | 'planName'>, ref: string): UserPlanVersion {
  const [name, version] = ref.includes('@') ? [ref.slice(0, ref.indexOf('@')), Number(ref.slice(ref.indexOf('@') + 1))] : [ref, undefined];
  const found = sub.userPlans.find((u) => u.versionId === ref || u.planId === ref || (u.name === name && (version === undefined || u.version === version)));
  if (!found) {
    throw new ProblemError('USER_PLAN_NOT_ALLOWED', `User plan "${ref}" is not offered by ${sub.planName} (offered: ${sub.userPlans.map((u) => `${u.name}@${u.version}`).join(', ') || 'none'})`, {
      offered: sub.userPlans.map((u) => `${u.name}@${u.version}`),
    });
  }
  return found;
}

/**
 * Checks a value against a `limit` (or per-user count) feature of the subscription's plan, e.g.
 * a mailbox size or a site quota: 409 `QUOTA_EXCEEDED` when above, or when the plan lacks it.
 */
export function requireWithinPlanLimit(sub: Pick<SubscriptionDetails, 'features'>, feature: string, value: number): void {
  const def = FEATURES_BY_KEY.get(feature);
  if (!def || def.type === 'boolean') throw new ProblemError('QUOTA_FEATURE_NOT_COUNTED', `"${feature}" is not a limit feature`);
  const limit = Object.hasOwn(sub.features, feature) ? (sub.features[feature] as number | null) : 0;
  if (limit !== null && value > limit) {
    throw new ProblemError('QUOTA_EXCEEDED', `${feature}: ${value} exceeds the plan's limit of ${limit}`, { feature, limit, used: 0, reserved: 0, requested: value, limitedBy: 'plan' });
  }
}

/** Whether the subscription's plan grants a boolean feature (e.g. `communications.federation`). */
export function planGrants(sub: Pick<SubscriptionDetails, 'features'>, feature: string): boolean {
  return sub.features[feature] === true;
}
