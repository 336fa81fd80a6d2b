import type { QuotaItem } from '../../catalog/quota-ledger';
import { type PlanVersionDetails, planGrants, requireWithinPlanLimit, resolveUserPlan, type UserPlanVersion } from '../../catalog/subscriptions';
import { ProblemError } from '../../common/errors/problem';
import { type ActiveSyncPolicy, counted, has, refuse, type UserSettings } from './decision';
import type { CustomerService } from './inventory';

/** What one user with this user plan gets inside this organization plan. */
export function userSettings(plan: PlanVersionDetails, userPlan: UserPlanVersion, path: string): UserSettings {
  const s = userPlan.settings;
  if (!has(plan, 'exchange') || !s.mailbox) refuse('SERVICE_NOT_IN_PLAN', `${path}: users need Exchange in both the organization plan and the user plan`);
  requireWithinPlanLimit(plan, 'exchange.mailbox_size_mb', s.mailbox.sizeMb);
  const activesync = !!s.activeSync && has(plan, 'mobility') && planGrants(plan, 'mobility.activesync');
  const sip = !!s.sip && has(plan, 'communications');
  return {
    mailboxSizeMb: s.mailbox.sizeMb,
    activesync,
    activesyncPolicy: activesync ? activeSyncPolicy(s.activeSync!) : null,
    sip,
    im: sip && s.sip!.im && planGrants(plan, 'communications.im'),
    presence: sip && s.sip!.presence && planGrants(plan, 'communications.presence'),
    federation: sip && s.sip!.federation && planGrants(plan, 'communications.federation'),
    conferencing: sip && s.sip!.conferencing && planGrants(plan, 'communications.conferencing'),
    userPlan: `${userPlan.name}@${userPlan.version}`,
  };
}

/** What one user counts against the ledger: a directory user, a mailbox, a SIP user when enabled. */
export function userItems(s: Pick<UserSettings, 'sip'>): QuotaItem[] {
  return counted([
    { feature: 'directory.users', amount: 1 },
    { feature: 'exchange.mailboxes', amount: 1 },
    { feature: 'communications.users', amount: s.sip ? 1 : 0 },
  ]);
}

/** The user plan an order names for a user, with the position in the order in the refusal. */
export function userPlanAt(plan: PlanVersionDetails, ref: string, path: string): UserPlanVersion {
  try {
    return resolveUserPlan(plan, ref);
  } catch (e) {
    if (e instanceof ProblemError) refuse(e.code, `${path}.userPlan: ${e.message}`, e.extra);
    throw e;
  }
}

export interface ResolvedUser {
  alias: string;
  displayName: string;
  userPlan: UserPlanVersion;
  settings: UserSettings;
}

/** New users of an order: each with its user plan and what it gets. */
export function resolveNewUsers(plan: PlanVersionDetails, users: { alias: string; displayName: string; userPlan: string }[], path: string): ResolvedUser[] {
  return users.map((u, i) => {
    const userPlan = userPlanAt(plan, u.userPlan, `${path}[${i}]`);
    return { alias: u.alias.toLowerCase(), displayName: u.displayName.trim(), userPlan, settings: userSettings(plan, userPlan, `${path}[${i}]`) };
  });
}

/** The policy for a user plan's ActiveSync settings; equal settings give the same name. */
export function activeSyncPolicy(s: { requirePin: boolean; maxDevices: number }): ActiveSyncPolicy {
  return { name: `${s.requirePin ? 'pin' : 'no-pin'}-${s.maxDevices}-devices`, requirePin: s.requirePin, maxDevicesPerUser: s.maxDevices };
}

/** The name of the policy a user is on: its own, or (placed before policies came from user plans) the service's. */
export function policyNameOf(s: UserSettings, service: Pick<CustomerService, 'policyName'>): string | undefined {
  if (!s.activesync) return undefined;
  return s.activesyncPolicy?.name ?? service.policyName;
}

/** The distinct policies of some users, by name. */
export function policiesOf(settings: UserSettings[]): ActiveSyncPolicy[] {
  const byName = new Map<string, ActiveSyncPolicy>();
  for (const s of settings) if (s.activesync && s.activesyncPolicy) byName.set(s.activesyncPolicy.name, s.activesyncPolicy);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
