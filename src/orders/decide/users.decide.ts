import type { QuotaItem } from '../../catalog/quota-ledger';
import type { AddUsersOrder, ChangeUserPlanOrder, RemoveUsersOrder } from '../dto/order-requests';
import { checkUniqueAliases, counted, type Decision, type DecisionInput, refuse, requireSubscription, sumItems, type UserSettings } from './decision';
import type { CustomerUser } from './inventory';
import { policiesOf, policyNameOf, resolveNewUsers, userItems, userPlanAt, userSettings } from './user-settings';

/** add_users, change_user_plan and remove_users: the users of a subscribed customer. */

/** The policies these users need that no existing user is on yet (creating one that exists is harmless, but a step). */
function newPolicies(input: DecisionInput<unknown>, settings: UserSettings[]) {
  const inUse = new Set(input.inventory.policies);
  return policiesOf(settings).filter((p) => !inUse.has(p.name));
}

export function decideAddUsers(input: DecisionInput<AddUsersOrder>): Decision {
  const sub = requireSubscription(input, ['pending', 'active'], 'add_users');
  checkUniqueAliases(
    input.body.users.map((u) => u.alias),
    'users',
  );
  const users = resolveNewUsers(sub, input.body.users, 'users');
  const wanted = new Set(users.map((u) => u.alias));
  const taken = input.inventory.users.filter((u) => wanted.has(u.alias.toLowerCase())).map((u) => u.alias);
  if (taken.length) refuse('USER_EXISTS', `Already in the organization: ${taken.join(', ')}`, { aliases: taken });
  return {
    subscription: { kind: 'none', subscription: sub },
    request: {
      call: 'Hosted User.AddUsers',
      organization: { domain: input.inventory.service!.domain },
      policies: newPolicies(
        input,
        users.map((u) => u.settings),
      ),
      users: users.map((u) => ({ alias: u.alias, displayName: u.displayName, settings: u.settings })),
    },
    reserve: sumItems(users.flatMap((u) => userItems(u.settings))),
    release: [],
    inventory: { users: users.map((u) => ({ alias: u.alias, displayName: u.displayName, userPlanVersionId: u.userPlan.versionId, settings: u.settings })) },
    summary: { users: users.map((u) => ({ alias: u.alias, userPlan: u.settings.userPlan })) },
  };
}

/** The active users an order names, each once: 422 `USER_NOT_FOUND`, 409 `USER_BUSY` otherwise. */
function requireActiveUsers(input: DecisionInput<unknown>, aliases: string[]): Map<string, CustomerUser> {
  const byAlias = new Map(input.inventory.users.map((u) => [u.alias.toLowerCase(), u]));
  const missing = aliases.filter((a) => !byAlias.has(a.toLowerCase()));
  if (missing.length) refuse('USER_NOT_FOUND', `No such user: ${missing.join(', ')}`, { aliases: missing });
  const busy = aliases.map((a) => byAlias.get(a.toLowerCase())!).filter((u) => u.state !== 'active');
  if (busy.length) refuse('USER_BUSY', `An earlier order is still working on: ${busy.map((u) => u.alias).join(', ')}`, { aliases: busy.map((u) => u.alias) });
  return byAlias;
}

export function decideChangeUserPlan(input: DecisionInput<ChangeUserPlanOrder>): Decision {
  const sub = requireSubscription(input, ['pending', 'active'], 'change_user_plan');
  checkUniqueAliases(
    input.body.users.map((u) => u.alias),
    'users',
  );
  const existing = requireActiveUsers(
    input,
    input.body.users.map((u) => u.alias),
  );
  const service = input.inventory.service!;
  const reserve: QuotaItem[] = [];
  const release: QuotaItem[] = [];
  const changes = input.body.users.map((u, i) => {
    const row = existing.get(u.alias.toLowerCase())!;
    const userPlan = userPlanAt(sub, u.userPlan, `users[${i}]`);
    const next = userSettings(sub, userPlan, `users[${i}]`);
    const prev = row.settings;
    if (next.sip && !prev.sip) reserve.push(...counted([{ feature: 'communications.users', amount: 1 }]));
    if (!next.sip && prev.sip) release.push(...counted([{ feature: 'communications.users', amount: 1 }]));
    const setPolicy = prev.activesync && next.activesync && policyNameOf(prev, service) !== policyNameOf(next, service);
    return { alias: row.alias, userPlan, next, prev, setPolicy };
  });
  // Policies the order moves users onto: for users gaining ActiveSync or changing policy.
  const policies = newPolicies(
    input,
    changes.filter((c) => c.next.activesync && (!c.prev.activesync || c.setPolicy)).map((c) => c.next),
  );
  return {
    subscription: { kind: 'none', subscription: sub },
    request: {
      call: 'Hosted User.ChangePlans',
      organization: { domain: service.domain },
      policies,
      users: changes.map((c) => ({ alias: c.alias, settings: c.next, previous: { activesync: c.prev.activesync, sip: c.prev.sip }, setPolicy: c.setPolicy })),
    },
    reserve: sumItems(reserve),
    release: sumItems(release),
    inventory: { changedUsers: changes.map((c) => ({ alias: c.alias, settings: c.next, userPlanVersionId: c.userPlan.versionId })) },
    summary: { users: changes.map((c) => ({ alias: c.alias, from: c.prev.userPlan, to: c.next.userPlan })) },
  };
}

export function decideRemoveUsers(input: DecisionInput<RemoveUsersOrder>): Decision {
  const sub = requireSubscription(input, ['pending', 'active'], 'remove_users');
  checkUniqueAliases(input.body.aliases, 'aliases');
  const existing = requireActiveUsers(input, input.body.aliases);
  const rows = [...new Set(input.body.aliases.map((a) => a.toLowerCase()))].map((a) => existing.get(a)!);
  return {
    subscription: { kind: 'none', subscription: sub },
    request: { call: 'Hosted User.RemoveUsers', users: rows.map((r) => ({ alias: r.alias, activesync: r.settings.activesync, sip: r.settings.sip })) },
    reserve: [],
    release: sumItems(rows.flatMap((r) => userItems(r.settings))),
    inventory: { removing: { users: rows.map((r) => r.alias) } },
    summary: { users: rows.map((r) => r.alias) },
  };
}
