import type { LifecycleOrder } from '../dto/order-requests';
import { type Decision, type DecisionInput, has, refuse, requireSubscription } from './decision';
import { planFeatures } from './organization.decide';

/** suspend, resume and cancel: the whole subscription. */

export function decideSuspendOrResume(input: DecisionInput<LifecycleOrder>, suspend: boolean): Decision {
  const sub = requireSubscription(input, suspend ? ['active'] : ['suspended'], suspend ? 'suspend' : 'resume');
  const users = input.inventory.users;
  return {
    subscription: { kind: 'none', subscription: sub },
    request: { call: suspend ? 'Hosted Organization.Suspend' : 'Hosted Organization.Resume', users: users.map((u) => ({ alias: u.alias, disabled: suspend })) },
    reserve: [],
    release: [],
    inventory: {},
    summary: { users: users.length },
  };
}

/**
 * Every ActiveSync policy the customer may have: its users' (removed ones' included, a policy
 * outlives its last user) and, with mobility in the plan, the organization policy of
 * subscriptions placed before policies came from user plans.
 */
function cancelledPolicies(input: DecisionInput<LifecycleOrder>): string[] {
  const names = new Set(input.inventory.policies);
  if (has(input.subscription!, 'mobility')) names.add(input.inventory.service!.policyName);
  return [...names].sort();
}

export function decideCancel(input: DecisionInput<LifecycleOrder>): Decision {
  const sub = requireSubscription(input, ['pending', 'active', 'suspended'], 'cancel');
  if (input.inventory.busy) refuse('CONFLICT', 'Earlier orders are still provisioning; cancel when they have finished');
  const service = input.inventory.service!;
  const { users, sites } = input.inventory;
  return {
    subscription: { kind: 'none', subscription: sub },
    request: {
      call: 'Hosted Organization.Cancel',
      organization: { domain: service.domain },
      features: planFeatures(sub),
      policies: cancelledPolicies(input),
      zone: { name: service.domain },
      sites: sites.map((s) => ({ url: s.url })),
      users: users.map((u) => ({ alias: u.alias, activesync: u.settings.activesync, sip: u.settings.sip })),
    },
    reserve: [],
    // Everything the subscription uses is freed when the cancellation completes.
    release: sub.quotas.filter((q) => q.used > 0).map((q) => ({ feature: q.feature, amount: q.used })),
    inventory: { removing: { everything: true } },
    summary: { users: users.length, sites: sites.length, domain: service.domain },
  };
}
