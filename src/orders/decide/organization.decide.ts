import type { PlanVersionDetails, SubscriptionDetails } from '../../catalog/subscriptions';
import { planGrants } from '../../catalog/subscriptions';
import type { ChangePlanOrder, SubscribeOrder } from '../dto/order-requests';
import { defaultSiteUrl, systemRecords } from '../platform-hosts';
import { checkUniqueAliases, counted, type Decision, type DecisionInput, has, refuse, requireSubscription, sumItems } from './decision';
import type { PlanFeatures, SiteRequest } from './request-data';
import { policiesOf, resolveNewUsers, userItems } from './user-settings';

/** subscribe and change_plan: what an organization plan provisions. */

/**
 * The service row's policy name. Subscriptions placed before ActiveSync policies came from user
 * plans have one organization policy of that name; cancel deletes it with the users' policies.
 */
export const POLICY_NAME = 'default';

export function planFeatures(plan: Pick<PlanVersionDetails, 'services' | 'features'>): PlanFeatures {
  return {
    exchange: has(plan, 'exchange'),
    mobility: has(plan, 'mobility'),
    communications: has(plan, 'communications'),
    sharepoint: has(plan, 'sharepoint'),
    federation: planGrants(plan, 'communications.federation'),
    conferencing: planGrants(plan, 'communications.conferencing'),
  };
}

/** The site collection a plan with SharePoint starts with (none when its limit is 0). */
function initialSites(input: DecisionInput<unknown>, plan: PlanVersionDetails, domain: string): SiteRequest[] {
  if (!has(plan, 'sharepoint') || plan.features['sharepoint.site_collections'] === 0) return [];
  const storage = plan.features['sharepoint.storage_mb'];
  return [{ url: defaultSiteUrl(input.platform, domain), title: input.organization.name, quotaMb: typeof storage === 'number' ? storage : 1024 }];
}

function requirePlan(input: DecisionInput<unknown>): PlanVersionDetails {
  if (!input.plan) throw new Error('the plan the order names was not resolved');
  return input.plan;
}

export function decideSubscribe(input: DecisionInput<SubscribeOrder>): Decision {
  const domain = input.body.domain.toLowerCase();
  if (input.inventory.domainTaken) refuse('DOMAIN_TAKEN', `${domain} is already used`);
  const open = input.subscription;
  if (open) refuse('SUBSCRIPTION_EXISTS', `Organization ${input.organization.id} already has subscription ${open.id}`, { subscriptionId: open.id });
  const plan = requirePlan(input);
  const body = input.body.users ?? [];
  checkUniqueAliases(
    body.map((u) => u.alias),
    'users',
  );
  const users = resolveNewUsers(plan, body, 'users');
  const features = planFeatures(plan);
  const records = systemRecords(input.platform, { sip: features.communications, federation: features.federation, exchange: features.exchange });
  const sites = initialSites(input, plan, domain);
  return {
    subscription: { kind: 'create', plan },
    request: {
      call: 'Hosted Organization.Subscribe',
      organization: { name: input.organization.name, domain, ...(input.organization.resellerId ? { resellerId: input.organization.resellerId } : {}) },
      features,
      policies: policiesOf(users.map((u) => u.settings)),
      zone: { name: domain, records },
      sites,
      users: users.map((u) => ({ alias: u.alias, displayName: u.displayName, settings: u.settings })),
    },
    reserve: sumItems([
      { feature: 'dns.zones', amount: 1 },
      { feature: 'dns.records', amount: records.length },
      { feature: 'sharepoint.site_collections', amount: sites.length },
      ...users.flatMap((u) => userItems(u.settings)),
    ]),
    release: [],
    inventory: {
      service: { domain, policyName: POLICY_NAME },
      users: users.map((u) => ({ alias: u.alias, displayName: u.displayName, userPlanVersionId: u.userPlan.versionId, settings: u.settings })),
      records: records.map((r) => ({ ...r, zone: domain, system: true })),
      sites: sites.map((s) => ({ url: s.url, title: s.title!, quotaMb: s.quotaMb! })),
    },
    summary: {
      plan: `${plan.planName}@${plan.planVersion}`,
      domain,
      users: users.map((u) => u.alias),
      records: records.length,
      sites: sites.map((s) => s.url),
    },
  };
}

/** Services the organization uses must stay in the new plan; mailboxes must fit its size limit. */
function requireFits(input: DecisionInput<unknown>, before: SubscriptionDetails, plan: PlanVersionDetails): void {
  const users = input.inventory.users;
  if (users.some((u) => u.state !== 'active')) refuse('USER_BUSY', 'Earlier orders are still changing users; try again when they finish');
  const dropped = (before.services as string[]).filter((s) => !has(plan, s));
  const inUse = dropped.filter(
    (s) =>
      (s === 'mobility' && users.some((u) => u.settings.activesync)) ||
      (s === 'communications' && users.some((u) => u.settings.sip)) ||
      ['exchange', 'directory', 'dns', 'sharepoint'].includes(s),
  );
  if (inUse.length) refuse('PLAN_CHANGE_DOES_NOT_FIT', `The new plan lacks services in use: ${inUse.join(', ')}`, { services: inUse });
  const limit = plan.features['exchange.mailbox_size_mb'];
  const tooBig = users.filter((u) => typeof limit === 'number' && u.settings.mailboxSizeMb > limit).map((u) => u.alias);
  if (tooBig.length) refuse('PLAN_CHANGE_DOES_NOT_FIT', `Mailboxes larger than the new plan allows: ${tooBig.join(', ')}`, { aliases: tooBig });
}

export function decideChangePlan(input: DecisionInput<ChangePlanOrder>): Decision {
  const before = requireSubscription(input, ['active'], 'change_plan');
  const plan = requirePlan(input);
  if (plan.planVersionId === before.planVersionId) refuse('CONFLICT', 'The subscription already uses this plan version');
  requireFits(input, before, plan);
  const service = input.inventory.service!;
  const sites = !has(before, 'sharepoint') && input.inventory.sites.length === 0 ? initialSites(input, plan, service.domain) : [];
  return {
    subscription: { kind: 'change_plan', plan, from: before },
    request: {
      call: 'Hosted Organization.ChangePlan',
      organization: { name: input.organization.name, domain: service.domain },
      features: planFeatures(plan),
      previousFeatures: planFeatures(before),
      sites,
      users: input.inventory.users.map((u) => ({ alias: u.alias, mailboxSizeMb: u.settings.mailboxSizeMb })),
    },
    reserve: counted([{ feature: 'sharepoint.site_collections', amount: sites.length }]),
    release: [],
    inventory: { sites: sites.map((s) => ({ url: s.url, title: s.title!, quotaMb: s.quotaMb! })) },
    summary: {
      from: `${before.planName}@${before.planVersion}`,
      to: `${plan.planName}@${plan.planVersion}`,
      previousPlanId: before.planId,
      previousVersionId: before.planVersionId,
      sites: sites.map((s) => s.url),
    },
  };
}
