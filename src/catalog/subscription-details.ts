import { ProblemError } from '../common/errors/problem';
import type { Organization } from '../access/organization';

/** What the catalog needs to know of a subscriber. */
export type OrganizationRef = Pick<Organization, 'id' | 'kind' | 'path' | 'parentId'>;
import { type FeatureMap, quotaItemsForUser, type UserPlanSettings, userPlanSettings } from './plan-rules';
import { type QuotaCounter, quotaCounters } from './quota-counters';
import { FEATURES_BY_KEY, type ServiceKey } from './service-catalog';
import type { OfferableVersionRow, OrganizationVersionJson, SubscriptionDetailsRow, SubscriptionStatus, VersionJson } from './subscriptions.store';

/**
 * A subscription as other modules see it (its plan version, the user plans it offers, its
 * counters), and the pure rules over it: which user plan an order names, limits, grants, and
 * whether a plan version is offered to a customer.
 */

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

/** An organization plan version with the user plans it offers: what a subscription is to. */
export interface PlanVersionDetails {
  planId: string;
  planName: string;
  planVersionId: string;
  planVersion: number;
  displayName: string;
  services: ServiceKey[];
  features: FeatureMap;
  userPlans: UserPlanVersion[];
}

export interface SubscriptionDetails extends PlanVersionDetails {
  id: string;
  organizationId: string;
  organizationPath: string;
  status: SubscriptionStatus;
  orderId: string | null;
  quotas: QuotaCounter[];
  statusChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

function userPlanVersion(v: VersionJson): UserPlanVersion {
  const content = { services: v.services, features: v.features };
  return {
    planId: v.plan_id,
    name: v.plan_name,
    versionId: v.id,
    version: v.number,
    displayName: v.display_name,
    services: v.services,
    features: v.features,
    settings: userPlanSettings(content),
    quotaItems: quotaItemsForUser(content),
  };
}

export function planVersionDetails(v: OrganizationVersionJson): PlanVersionDetails {
  return {
    planId: v.plan_id,
    planName: v.plan_name,
    planVersionId: v.id,
    planVersion: v.number,
    displayName: v.display_name,
    services: v.services,
    features: v.features,
    userPlans: v.user_plans.map(userPlanVersion),
  };
}

export function subscriptionDetails(row: SubscriptionDetailsRow): SubscriptionDetails {
  return {
    ...planVersionDetails(row.version),
    id: row.id,
    organizationId: row.organization_id,
    organizationPath: row.organization_path,
    status: row.status,
    orderId: row.order_id,
    quotas: quotaCounters(row.counters),
    statusChangedAt: row.status_changed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The version a customer may subscribe to: published, the plan's current version, the plan not
 * retired, an organization plan offered by the customer's parent (its reseller, or the hoster).
 */
export function requireOffered(organization: OrganizationRef, row: OfferableVersionRow | undefined, missing: string): PlanVersionDetails {
  if (organization.kind !== 'customer') throw new ProblemError('PLAN_NOT_AVAILABLE', 'Only customer organizations subscribe to plans');
  // A plan the customer's parent does not own is not offered to it: same answer as "no such version".
  if (!row || row.owner_org_id !== organization.parentId) throw new ProblemError('PLAN_NOT_AVAILABLE', missing);
  const id = row.version.id;
  if (row.kind !== 'organization') throw new ProblemError('PLAN_NOT_AVAILABLE', `${row.name} is a user plan; subscribe to an organization plan`);
  if (row.version_status !== 'published') throw new ProblemError('PLAN_NOT_PUBLISHED', `Version ${id} of ${row.name} is a draft`);
  if (row.status === 'retired') throw new ProblemError('PLAN_RETIRED', `Plan ${row.name} is retired`);
  if (row.current_version_id !== id)
    throw new ProblemError('PLAN_VERSION_SUPERSEDED', `Plan ${row.name} has a newer version: ${row.current_version_id}`, {
      currentVersionId: row.current_version_id,
    });
  return planVersionDetails(row.version);
}

/**
 * One of the user plans the subscription's plan version offers, by version id, plan id, name
 * (`standard-mailbox`) or `name@version`. 422 `USER_PLAN_NOT_ALLOWED` otherwise.
 */
export function resolveUserPlan(sub: Pick<PlanVersionDetails, 'userPlans' | 'planName'>, ref: string): UserPlanVersion {
  const [name, version] = ref.includes('@') ? [ref.slice(0, ref.indexOf('@')), Number(ref.slice(ref.indexOf('@') + 1))] : [ref, undefined];
  const found = sub.userPlans.find((u) => u.versionId === ref || u.planId === ref || (u.name === name && (version === undefined || u.version === version)));
  if (!found) {
    throw new ProblemError(
      'USER_PLAN_NOT_ALLOWED',
      `User plan "${ref}" is not offered by ${sub.planName} (offered: ${sub.userPlans.map((u) => `${u.name}@${u.version}`).join(', ') || 'none'})`,
      {
        offered: sub.userPlans.map((u) => `${u.name}@${u.version}`),
      },
    );
  }
  return found;
}

/**
 * Checks a value against a `limit` (or per-user count) feature of the subscription's plan, e.g.
 * a mailbox size or a site quota: 409 `QUOTA_EXCEEDED` when above, or when the plan lacks it.
 */
export function requireWithinPlanLimit(sub: Pick<PlanVersionDetails, 'features'>, feature: string, value: number): void {
  const def = FEATURES_BY_KEY.get(feature);
  if (!def || def.type === 'boolean') throw new ProblemError('QUOTA_FEATURE_NOT_COUNTED', `"${feature}" is not a limit feature`);
  const limit = Object.hasOwn(sub.features, feature) ? (sub.features[feature] as number | null) : 0;
  if (limit !== null && value > limit) {
    throw new ProblemError('QUOTA_EXCEEDED', `${feature}: ${value} exceeds the plan's limit of ${limit}`, {
      feature,
      limit,
      used: 0,
      reserved: 0,
      requested: value,
      limitedBy: 'plan',
    });
  }
}

/** Whether the subscription's plan grants a boolean feature (e.g. `communications.federation`). */
export function planGrants(sub: Pick<PlanVersionDetails, 'features'>, feature: string): boolean {
  return sub.features[feature] === true;
}
