import { SEED_ORGANIZATION_PLANS, SEED_USER_PLANS } from '../../catalog/catalog-seed';
import { normalizeFeatures, orderServices, quotaItemsForUser, userPlanSettings } from '../../catalog/plan-rules';
import { LEDGERED_FEATURES } from '../../catalog/service-catalog';
import type { PlanVersionDetails, SubscriptionDetails, UserPlanVersion } from '../../catalog/subscriptions';
import type { OrderBody } from '../dto/order-requests';
import type { PlatformHosts } from '../platform-hosts';
import type { DecisionInput, UserSettings } from './decision';
import { type CustomerInventory, type CustomerUser, EMPTY_INVENTORY } from './inventory';

/**
 * Inputs for the decision specs, built from the sample catalog's definitions with the catalog's
 * own rules (no database): plan versions, subscriptions, inventories. Used by the specs only.
 */

export const ORG = { id: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab', name: 'Contoso' };
export const LAB_HOSTS: PlatformHosts = {
  mx: 'mx1.mail.provisio.example',
  autodiscover: 'autodiscover.mail.provisio.example',
  sip: 'sip.provisio.example',
  spfInclude: 'spf.mail.provisio.example',
  sitesDomain: 'sites.provisio.example',
};

type Seed = (typeof SEED_USER_PLANS)[number];
type FeatureOverrides = Record<string, boolean | number | null>;

function versionOf(seed: Seed, overrides: FeatureOverrides) {
  const services = orderServices(seed.services ?? []);
  const features = normalizeFeatures(seed.kind, services, { ...seed.features, ...overrides }).features;
  return { services, features };
}

/** A user plan of the sample catalog, version 1, with some features changed. */
export function userPlan(name: string, overrides: FeatureOverrides = {}, version = 1): UserPlanVersion {
  const seed = SEED_USER_PLANS.find((s) => s.name === name);
  if (!seed) throw new Error(`no user plan ${name}`);
  const content = versionOf(seed, overrides);
  return {
    planId: `plan_${name}`,
    name,
    versionId: `plv_${name}_${version}`,
    version,
    displayName: seed.displayName,
    ...content,
    settings: userPlanSettings(content),
    quotaItems: quotaItemsForUser(content),
  };
}

/** An organization plan of the sample catalog, offering its user plans (or the ones given). */
export function plan(name: string, overrides: FeatureOverrides = {}, userPlans?: UserPlanVersion[]): PlanVersionDetails {
  const seed = SEED_ORGANIZATION_PLANS.find((s) => s.name === name);
  if (!seed) throw new Error(`no organization plan ${name}`);
  return {
    planId: `plan_${name}`,
    planName: name,
    planVersionId: `plv_${name}_1`,
    planVersion: 1,
    displayName: seed.displayName,
    ...versionOf(seed, overrides),
    userPlans: userPlans ?? (seed.userPlans ?? []).map((u) => userPlan(u)),
  };
}

/** A subscription to a plan, with what it uses. */
export function subscription(p: PlanVersionDetails, opts: { status?: SubscriptionDetails['status']; used?: Record<string, number> } = {}): SubscriptionDetails {
  const at = new Date('2026-11-25T10:00:00Z');
  return {
    ...p,
    id: 'sub_01jdx3m5v8k2q9w7e4r6t1y0ab',
    organizationId: ORG.id,
    organizationPath: `/org_hoster/${ORG.id}/`,
    status: opts.status ?? 'active',
    orderId: null,
    quotas: LEDGERED_FEATURES.map((feature) => {
      const limit = Object.hasOwn(p.features, feature) ? (p.features[feature] as number | null) : 0;
      const used = opts.used?.[feature] ?? 0;
      return { feature, limit, used, reserved: 0, freeing: 0, available: limit === null ? null : limit - used };
    }),
    statusChangedAt: at,
    createdAt: at,
    updatedAt: at,
  };
}

export const SERVICE = { subscriptionId: 'sub_01jdx3m5v8k2q9w7e4r6t1y0ab', domain: 'contoso.example', policyName: 'default', state: 'active' as const };

/** A user the customer has, with the settings its user plan gives inside `p`. */
export function customerUser(alias: string, settings: Partial<UserSettings> = {}, state: CustomerUser['state'] = 'active'): CustomerUser {
  const base: UserSettings = {
    mailboxSizeMb: 1024,
    activesync: false,
    sip: false,
    im: false,
    presence: false,
    federation: false,
    conferencing: false,
    userPlan: 'standard-mailbox@1',
  };
  return { alias, displayName: alias.toUpperCase(), userPlanVersionId: 'plv_standard-mailbox_1', settings: { ...base, ...settings }, state };
}

/** The input of a decision for a subscribed customer (override anything). */
export function input<B extends OrderBody>(
  body: Omit<B, 'organizationId'>,
  over: Omit<Partial<DecisionInput<B>>, 'inventory'> & { inventory?: Partial<CustomerInventory> } = {},
): DecisionInput<B> {
  const { inventory, ...rest } = over;
  return {
    organization: ORG,
    body: { organizationId: ORG.id, ...body } as B,
    subscription: subscription(plan('business-premium')),
    platform: LAB_HOSTS,
    ...rest,
    inventory: { ...EMPTY_INVENTORY, service: SERVICE, ...inventory },
  };
}
