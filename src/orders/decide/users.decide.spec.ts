import type { AddUsersOrder, ChangeUserPlanOrder, RemoveUsersOrder } from '../dto/order-requests';
import { customerUser, input, plan, subscription, userPlan } from './decision.fixtures';
import { decideOrder } from './index';

const add = (users: { alias: string; displayName?: string; userPlan: string }[], over = {}) =>
  decideOrder(input<AddUsersOrder & { type: 'add_users' }>({ type: 'add_users', users: users.map((u) => ({ displayName: u.alias, ...u })) }, over));

function decision(d: ReturnType<typeof decideOrder>) {
  if (!d.ok) throw new Error(`refused: ${d.refusal.code} ${d.refusal.message}`);
  return d.decision;
}

function refusal(d: ReturnType<typeof decideOrder>) {
  if (d.ok) throw new Error('not refused');
  return d.refusal;
}

describe('add_users', () => {
  it('reserves a directory user and a mailbox per user, and a SIP user only for plans with communications', () => {
    const d = decision(
      add([
        { alias: 'ann', userPlan: 'mobile-mailbox' },
        { alias: 'Bob', userPlan: 'standard-mailbox' },
      ]),
    );
    expect(d.reserve).toEqual([
      { feature: 'directory.users', amount: 2 },
      { feature: 'exchange.mailboxes', amount: 2 },
      { feature: 'communications.users', amount: 1 },
    ]);
    expect(d.release).toEqual([]);
    expect(d.inventory.users!.map((u) => [u.alias, u.userPlanVersionId])).toEqual([
      ['ann', 'plv_mobile-mailbox_1'],
      ['bob', 'plv_standard-mailbox_1'],
    ]);
    expect(d.summary).toEqual({
      users: [
        { alias: 'ann', userPlan: 'mobile-mailbox@1' },
        { alias: 'bob', userPlan: 'standard-mailbox@1' },
      ],
    });
    expect(d.request).toMatchObject({
      call: 'Hosted User.AddUsers',
      organization: { domain: 'contoso.example' },
      policies: [{ name: 'pin-3-devices', requirePin: true, maxDevicesPerUser: 3 }],
    });
  });

  it("gives each user its user plan's mailbox size, and ActiveSync and SIP only where both plans have them", () => {
    const d = decision(
      add([
        { alias: 'ann', userPlan: 'mobile-mailbox' },
        { alias: 'bob', userPlan: 'standard-mailbox' },
      ]),
    );
    const users = d.inventory.users!.map((u) => u.settings);
    expect(users[0]).toEqual({
      mailboxSizeMb: 2048,
      activesync: true,
      activesyncPolicy: { name: 'pin-3-devices', requirePin: true, maxDevicesPerUser: 3 },
      sip: true,
      im: true,
      presence: true,
      federation: false,
      conferencing: false,
      userPlan: 'mobile-mailbox@1',
    });
    expect(users[1]).toMatchObject({ mailboxSizeMb: 1024, activesync: false, activesyncPolicy: null, sip: false });
    // An organization plan without mobility and communications: the same user plan gets neither.
    const bare = plan('business-premium', { 'mobility.activesync': false, 'communications.im': false }, [userPlan('mobile-mailbox')]);
    const d2 = decision(add([{ alias: 'cy', userPlan: 'mobile-mailbox' }], { subscription: subscription(bare) }));
    expect(d2.inventory.users![0].settings).toMatchObject({ activesync: false, sip: true, im: false, presence: true });
  });

  it("puts each user on the policy of its user plan's ActiveSync settings, one policy per distinct set", () => {
    const relaxed = {
      ...userPlan('mobile-mailbox', { 'mobility.require_pin': false, 'mobility.devices_per_user': 2 }),
      name: 'relaxed',
      versionId: 'plv_relaxed_1',
    };
    const sub = subscription(plan('business-premium', {}, [relaxed, userPlan('mobile-mailbox'), userPlan('standard-mailbox')]));
    const d = decision(
      add(
        [
          { alias: 'ann', userPlan: 'relaxed' },
          { alias: 'bob', userPlan: 'relaxed' },
          { alias: 'cy', userPlan: 'mobile-mailbox' },
          { alias: 'dee', userPlan: 'standard-mailbox' },
        ],
        { subscription: sub },
      ),
    );
    if (d.request.call !== 'Hosted User.AddUsers') throw new Error(d.request.call);
    expect(d.request.policies).toEqual([
      { name: 'no-pin-2-devices', requirePin: false, maxDevicesPerUser: 2 },
      { name: 'pin-3-devices', requirePin: true, maxDevicesPerUser: 3 },
    ]);
    expect(d.request.users.map((u) => [u.alias, u.settings.activesyncPolicy?.name ?? null])).toEqual([
      ['ann', 'no-pin-2-devices'],
      ['bob', 'no-pin-2-devices'],
      ['cy', 'pin-3-devices'],
      ['dee', null],
    ]);
  });

  it('creates no policy that users of the customer are already on', () => {
    const d = decision(add([{ alias: 'ann', userPlan: 'mobile-mailbox' }], { inventory: { policies: ['pin-3-devices'] } }));
    if (d.request.call !== 'Hosted User.AddUsers') throw new Error(d.request.call);
    expect(d.request.policies).toEqual([]);
    expect(d.request.users[0].settings.activesyncPolicy).toEqual({ name: 'pin-3-devices', requirePin: true, maxDevicesPerUser: 3 });
  });

  it("takes mailbox sizes up to the organization plan's limit, not one MB more", () => {
    const at = plan('business-premium', { 'exchange.mailbox_size_mb': 2048 });
    expect(add([{ alias: 'ann', userPlan: 'mobile-mailbox' }], { subscription: subscription(at) }).ok).toBe(true);
    const below = plan('business-premium', { 'exchange.mailbox_size_mb': 2047 });
    expect(refusal(add([{ alias: 'ann', userPlan: 'mobile-mailbox' }], { subscription: subscription(below) }))).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { feature: 'exchange.mailbox_size_mb', limit: 2047, requested: 2048 },
    });
  });

  it('refuses an alias twice in the order (400), or one the customer has (409), whatever its case', () => {
    expect(
      refusal(
        add([
          { alias: 'ann', userPlan: 'standard-mailbox' },
          { alias: 'ANN', userPlan: 'standard-mailbox' },
        ]),
      ),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { errors: [{ path: 'users[1].alias', message: 'appears twice in this order' }] },
    });
    const taken = add(
      [
        { alias: 'dee', userPlan: 'standard-mailbox' },
        { alias: 'Ann', userPlan: 'standard-mailbox' },
      ],
      { inventory: { users: [customerUser('ann', {}, 'pending')] } },
    );
    expect(refusal(taken)).toMatchObject({ code: 'USER_EXISTS', details: { aliases: ['ann'] } });
  });

  it('refuses a user plan the organization plan does not offer, naming the user', () => {
    expect(
      refusal(
        add([
          { alias: 'ann', userPlan: 'standard-mailbox' },
          { alias: 'bob', userPlan: 'executive' },
        ]),
      ),
    ).toMatchObject({
      code: 'USER_PLAN_NOT_ALLOWED',
      message: expect.stringMatching(/^users\[1\]\.userPlan: /),
      details: { offered: ['standard-mailbox@1', 'mobile-mailbox@1'] },
    });
    expect(add([{ alias: 'ann', userPlan: 'mobile-mailbox@2' }]).ok).toBe(false);
    expect(add([{ alias: 'ann', userPlan: 'plv_mobile-mailbox_1' }]).ok).toBe(true);
  });

  it('needs a subscription that is pending or active', () => {
    expect(refusal(add([{ alias: 'ann', userPlan: 'standard-mailbox' }], { subscription: undefined }))).toMatchObject({ code: 'NO_SUBSCRIPTION' });
    expect(refusal(add([{ alias: 'ann', userPlan: 'standard-mailbox' }], { inventory: { service: undefined } }))).toMatchObject({ code: 'NO_SUBSCRIPTION' });
    const suspended = subscription(plan('business-premium'), { status: 'suspended' });
    expect(refusal(add([{ alias: 'ann', userPlan: 'standard-mailbox' }], { subscription: suspended }))).toMatchObject({
      code: 'SUBSCRIPTION_STATE_CONFLICT',
      details: { subscriptionStatus: 'suspended' },
    });
    expect(add([{ alias: 'ann', userPlan: 'standard-mailbox' }], { subscription: subscription(plan('business-premium'), { status: 'pending' }) }).ok).toBe(
      true,
    );
  });

  it('refuses users when the plan has no Exchange', () => {
    const dnsOnly = { ...plan('business-basic'), services: ['dns' as const] };
    expect(refusal(add([{ alias: 'ann', userPlan: 'standard-mailbox' }], { subscription: subscription(dnsOnly) }))).toMatchObject({
      code: 'SERVICE_NOT_IN_PLAN',
    });
  });
});

describe('change_user_plan', () => {
  const change = (users: { alias: string; userPlan: string }[], over = {}) =>
    decideOrder(input<ChangeUserPlanOrder & { type: 'change_user_plan' }>({ type: 'change_user_plan', users }, over));
  const ann = customerUser('ann', { mailboxSizeMb: 2048, activesync: true, sip: true, im: true, presence: true, userPlan: 'mobile-mailbox@1' });
  const bob = customerUser('bob');

  it('reserves a SIP user for a user who gains communications and frees one for a user who loses it', () => {
    const d = decision(
      change(
        [
          { alias: 'bob', userPlan: 'mobile-mailbox' },
          { alias: 'ann', userPlan: 'standard-mailbox' },
        ],
        { inventory: { users: [ann, bob] } },
      ),
    );
    expect(d.reserve).toEqual([{ feature: 'communications.users', amount: 1 }]);
    expect(d.release).toEqual([{ feature: 'communications.users', amount: 1 }]);
    expect(d.inventory.changedUsers!.map((u) => [u.alias, u.settings.mailboxSizeMb, u.userPlanVersionId])).toEqual([
      ['bob', 2048, 'plv_mobile-mailbox_1'],
      ['ann', 1024, 'plv_standard-mailbox_1'],
    ]);
    expect(d.request).toMatchObject({
      call: 'Hosted User.ChangePlans',
      users: [
        { alias: 'bob', settings: { activesync: true, sip: true }, previous: { activesync: false, sip: false } },
        { alias: 'ann', settings: { activesync: false, sip: false }, previous: { activesync: true, sip: true } },
      ],
    });
    expect(d.summary).toEqual({
      users: [
        { alias: 'bob', from: 'standard-mailbox@1', to: 'mobile-mailbox@1' },
        { alias: 'ann', from: 'mobile-mailbox@1', to: 'standard-mailbox@1' },
      ],
    });
  });

  it("creates the policies of users gaining ActiveSync, and moves users who keep it onto their new plan's policy", () => {
    const relaxed = {
      ...userPlan('mobile-mailbox', { 'mobility.require_pin': false, 'mobility.devices_per_user': 2 }),
      name: 'relaxed',
      versionId: 'plv_relaxed_1',
    };
    const sub = subscription(plan('business-premium', {}, [relaxed, userPlan('mobile-mailbox'), userPlan('standard-mailbox')]));
    const onPolicy = customerUser('ann', {
      activesync: true,
      activesyncPolicy: { name: 'pin-3-devices', requirePin: true, maxDevicesPerUser: 3 },
      userPlan: 'mobile-mailbox@1',
    });
    const legacy = customerUser('lee', { activesync: true, userPlan: 'mobile-mailbox@1' });
    const d = decision(
      change(
        [
          { alias: 'ann', userPlan: 'relaxed' },
          { alias: 'bob', userPlan: 'relaxed' },
          { alias: 'lee', userPlan: 'mobile-mailbox' },
        ],
        { subscription: sub, inventory: { users: [onPolicy, bob, legacy] } },
      ),
    );
    if (d.request.call !== 'Hosted User.ChangePlans') throw new Error(d.request.call);
    // ann moves from pin-3 to no-pin-2, bob gains ActiveSync, lee leaves the organization policy of older subscriptions.
    expect(d.request.policies).toEqual([
      { name: 'no-pin-2-devices', requirePin: false, maxDevicesPerUser: 2 },
      { name: 'pin-3-devices', requirePin: true, maxDevicesPerUser: 3 },
    ]);
    expect(d.request.users.map((u) => [u.alias, u.settings.activesyncPolicy?.name, u.setPolicy])).toEqual([
      ['ann', 'no-pin-2-devices', true],
      ['bob', 'no-pin-2-devices', false],
      ['lee', 'pin-3-devices', true],
    ]);
    // The same policy again: nothing to create or move.
    const same = decision(change([{ alias: 'ann', userPlan: 'mobile-mailbox' }], { inventory: { users: [onPolicy] } }));
    expect(same.request).toMatchObject({ policies: [], users: [{ alias: 'ann', setPolicy: false }] });
  });

  it('moves nothing on the ledger when SIP stays as it was', () => {
    const d = decision(change([{ alias: 'ann', userPlan: 'mobile-mailbox' }], { inventory: { users: [ann] } }));
    expect([d.reserve, d.release]).toEqual([[], []]);
  });

  it('refuses users the customer does not have, or that an earlier order is still changing', () => {
    expect(refusal(change([{ alias: 'zed', userPlan: 'mobile-mailbox' }], { inventory: { users: [ann] } }))).toMatchObject({
      code: 'USER_NOT_FOUND',
      details: { aliases: ['zed'] },
    });
    const busy = customerUser('bob', {}, 'changing');
    expect(refusal(change([{ alias: 'bob', userPlan: 'mobile-mailbox' }], { inventory: { users: [busy] } }))).toMatchObject({
      code: 'USER_BUSY',
      details: { aliases: ['bob'] },
    });
    expect(
      refusal(
        change(
          [
            { alias: 'bob', userPlan: 'mobile-mailbox' },
            { alias: 'BOB', userPlan: 'standard-mailbox' },
          ],
          { inventory: { users: [bob] } },
        ),
      ),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('remove_users', () => {
  const remove = (aliases: string[], over = {}) => decideOrder(input<RemoveUsersOrder & { type: 'remove_users' }>({ type: 'remove_users', aliases }, over));
  const ann = customerUser('ann', { activesync: true, sip: true });

  it('schedules the usage of each user to be freed and takes the rows over', () => {
    const d = decision(remove(['ann', 'bob'], { inventory: { users: [ann, customerUser('bob')] } }));
    expect(d.release).toEqual([
      { feature: 'directory.users', amount: 2 },
      { feature: 'exchange.mailboxes', amount: 2 },
      { feature: 'communications.users', amount: 1 },
    ]);
    expect(d.reserve).toEqual([]);
    expect(d.inventory).toEqual({ removing: { users: ['ann', 'bob'] } });
    expect(d.request).toEqual({
      call: 'Hosted User.RemoveUsers',
      users: [
        { alias: 'ann', activesync: true, sip: true },
        { alias: 'bob', activesync: false, sip: false },
      ],
    });
  });

  it('refuses unknown, busy or repeated users', () => {
    expect(refusal(remove(['nobody'], { inventory: { users: [ann] } }))).toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(refusal(remove(['ann'], { inventory: { users: [customerUser('ann', {}, 'pending')] } }))).toMatchObject({ code: 'USER_BUSY' });
    expect(refusal(remove(['ann', 'ann'], { inventory: { users: [ann] } }))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
