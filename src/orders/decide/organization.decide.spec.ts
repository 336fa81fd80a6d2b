import type { ChangePlanOrder, SubscribeOrder } from '../dto/order-requests';
import { customerUser, input, plan, subscription, userPlan } from './decision.fixtures';
import { decideOrder } from './index';
import { EMPTY_INVENTORY } from './inventory';

function decision(d: ReturnType<typeof decideOrder>) {
  if (!d.ok) throw new Error(`refused: ${d.refusal.code} ${d.refusal.message}`);
  return d.decision;
}
function refusal(d: ReturnType<typeof decideOrder>) {
  if (d.ok) throw new Error('not refused');
  return d.refusal;
}

describe('subscribe', () => {
  const subscribe = (planName: string, users: { alias: string; userPlan: string }[] = [], over = {}) =>
    decideOrder(
      input<SubscribeOrder & { type: 'subscribe' }>(
        { type: 'subscribe', plan: planName, domain: 'contoso.example', users: users.map((u) => ({ displayName: `${u.alias} name`, ...u })) },
        { subscription: undefined, plan: plan(planName), inventory: { ...EMPTY_INVENTORY }, ...over },
      ),
    );

  it('provisions everything business-premium has: zone with the platform records, ActiveSync policies, site, users', () => {
    const d = decision(
      subscribe('business-premium', [
        { alias: 'ann', userPlan: 'mobile-mailbox' },
        { alias: 'bob', userPlan: 'standard-mailbox' },
      ]),
    );
    expect(d.subscription).toMatchObject({ kind: 'create', plan: { planName: 'business-premium' } });
    const r = d.request;
    if (r.call !== 'Hosted Organization.Subscribe') throw new Error(r.call);
    expect(r.features).toEqual({ exchange: true, mobility: true, communications: true, sharepoint: true, federation: false, conferencing: false });
    expect(r.zone.records.map((x) => `${x.name} ${x.type} ${x.value}`)).toEqual([
      '@ MX mx1.mail.provisio.example',
      'autodiscover CNAME autodiscover.mail.provisio.example',
      '@ TXT v=spf1 include:spf.mail.provisio.example -all',
      '_sip._tls SRV 1 443 sip.provisio.example',
      'sip CNAME sip.provisio.example',
    ]);
    expect(r.sites).toEqual([{ url: 'https://contoso.sites.provisio.example/sites/contoso-example', title: 'Contoso', quotaMb: 10240 }]);
    // One policy, from mobile-mailbox's settings; standard-mailbox has no ActiveSync.
    expect(r.policies).toEqual([{ name: 'pin-3-devices', requirePin: true, maxDevicesPerUser: 3 }]);
    expect(r.users.map((u) => [u.alias, u.settings.activesyncPolicy?.name ?? null])).toEqual([
      ['ann', 'pin-3-devices'],
      ['bob', null],
    ]);
    expect(d.reserve).toEqual([
      { feature: 'dns.zones', amount: 1 },
      { feature: 'dns.records', amount: 5 },
      { feature: 'sharepoint.site_collections', amount: 1 },
      { feature: 'directory.users', amount: 2 },
      { feature: 'exchange.mailboxes', amount: 2 },
      { feature: 'communications.users', amount: 1 },
    ]);
    expect(d.inventory.service).toEqual({ domain: 'contoso.example', policyName: 'default' });
    expect(d.inventory.records!.every((x) => x.system && x.zone === 'contoso.example')).toBe(true);
    expect(d.summary).toEqual({ plan: 'business-premium@1', domain: 'contoso.example', users: ['ann', 'bob'], records: 5, sites: [r.sites[0].url] });
  });

  it('points the zone at the configured platform', () => {
    const platform = {
      mx: 'mx.hoster.example',
      autodiscover: 'ad.hoster.example',
      sip: 'sip.hoster.example',
      spfInclude: 'spf.hoster.example',
      sitesDomain: 'sites.hoster.example',
    };
    const r = decision(subscribe('enterprise', [], { platform })).request;
    if (r.call !== 'Hosted Organization.Subscribe') throw new Error(r.call);
    expect(r.zone.records.map((x) => x.value)).toEqual([
      'mx.hoster.example',
      'ad.hoster.example',
      'v=spf1 include:spf.hoster.example -all',
      '1 443 sip.hoster.example',
      'sip.hoster.example',
      '1 5061 sip.hoster.example',
    ]);
    expect(r.sites[0].url).toBe('https://contoso.sites.hoster.example/sites/contoso-example');
  });

  it('provisions only what a smaller plan has: no policy, SIP records or site; nothing reserved at zero', () => {
    const d = decision(subscribe('business-basic'));
    const r = d.request;
    if (r.call !== 'Hosted Organization.Subscribe') throw new Error(r.call);
    expect(r.policies).toEqual([]);
    expect(r.sites).toEqual([]);
    expect(r.zone.records).toHaveLength(3);
    expect(d.reserve).toEqual([
      { feature: 'dns.zones', amount: 1 },
      { feature: 'dns.records', amount: 3 },
    ]);
    const noSites = decision(subscribe('business-premium', [], { plan: plan('business-premium', { 'sharepoint.site_collections': 0 }) }));
    expect(noSites.reserve.find((i) => i.feature === 'sharepoint.site_collections')).toBeUndefined();
  });

  it('refuses a domain in use, a second subscription, and users the plan does not offer', () => {
    expect(refusal(subscribe('business-premium', [], { inventory: { ...EMPTY_INVENTORY, domainTaken: true } }))).toMatchObject({ code: 'DOMAIN_TAKEN' });
    const open = subscription(plan('business-basic'));
    expect(refusal(subscribe('business-premium', [], { subscription: open }))).toMatchObject({
      code: 'SUBSCRIPTION_EXISTS',
      details: { subscriptionId: open.id },
    });
    expect(refusal(subscribe('business-basic', [{ alias: 'ann', userPlan: 'mobile-mailbox' }]))).toMatchObject({ code: 'USER_PLAN_NOT_ALLOWED' });
    expect(
      refusal(
        subscribe('business-basic', [
          { alias: 'ann', userPlan: 'standard-mailbox' },
          { alias: 'ann', userPlan: 'standard-mailbox' },
        ]),
      ),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('subscribe: ActiveSync policies from the user plans', () => {
  const subscribeWith = (userPlans: ReturnType<typeof userPlan>[], users: { alias: string; userPlan: string }[]) =>
    decideOrder(
      input<SubscribeOrder & { type: 'subscribe' }>(
        { type: 'subscribe', plan: 'business-premium', domain: 'contoso.example', users: users.map((u) => ({ displayName: u.alias, ...u })) },
        { subscription: undefined, plan: plan('business-premium', {}, userPlans), inventory: { ...EMPTY_INVENTORY } },
      ),
    );

  it("creates one policy per distinct setting set, with exactly the user plan's PIN and device count", () => {
    const relaxed = {
      ...userPlan('mobile-mailbox', { 'mobility.require_pin': false, 'mobility.devices_per_user': 2 }),
      name: 'relaxed',
      versionId: 'plv_relaxed_1',
    };
    const same = {
      ...userPlan('mobile-mailbox', { 'mobility.require_pin': false, 'mobility.devices_per_user': 2 }),
      name: 'relaxed-too',
      versionId: 'plv_relaxed-too_1',
    };
    const d = decision(
      subscribeWith(
        [relaxed, same, userPlan('mobile-mailbox')],
        [
          { alias: 'ann', userPlan: 'relaxed' },
          { alias: 'bob', userPlan: 'relaxed-too' },
          { alias: 'cy', userPlan: 'mobile-mailbox' },
        ],
      ),
    );
    const r = d.request;
    if (r.call !== 'Hosted Organization.Subscribe') throw new Error(r.call);
    expect(r.policies).toEqual([
      { name: 'no-pin-2-devices', requirePin: false, maxDevicesPerUser: 2 },
      { name: 'pin-3-devices', requirePin: true, maxDevicesPerUser: 3 },
    ]);
    expect(d.inventory.users!.map((u) => [u.alias, u.settings.activesyncPolicy])).toEqual([
      ['ann', { name: 'no-pin-2-devices', requirePin: false, maxDevicesPerUser: 2 }],
      ['bob', { name: 'no-pin-2-devices', requirePin: false, maxDevicesPerUser: 2 }],
      ['cy', { name: 'pin-3-devices', requirePin: true, maxDevicesPerUser: 3 }],
    ]);
  });

  it('gives no policy to users without ActiveSync, nor inside an organization plan without it', () => {
    const d = decision(subscribeWith([userPlan('standard-mailbox')], [{ alias: 'ann', userPlan: 'standard-mailbox' }]));
    if (d.request.call !== 'Hosted Organization.Subscribe') throw new Error(d.request.call);
    expect(d.request.policies).toEqual([]);
    const noMobility = decideOrder(
      input<SubscribeOrder & { type: 'subscribe' }>(
        { type: 'subscribe', plan: 'business-premium', domain: 'contoso.example', users: [{ alias: 'ann', displayName: 'Ann', userPlan: 'mobile-mailbox' }] },
        {
          subscription: undefined,
          plan: plan('business-premium', { 'mobility.activesync': false }, [userPlan('mobile-mailbox')]),
          inventory: { ...EMPTY_INVENTORY },
        },
      ),
    );
    const r = decision(noMobility).request;
    if (r.call !== 'Hosted Organization.Subscribe') throw new Error(r.call);
    expect([r.policies, r.users[0].settings.activesync, r.users[0].settings.activesyncPolicy]).toEqual([[], false, null]);
  });
});

describe('change_plan', () => {
  const premium = plan('business-premium');
  const change = (to: string, over = {}, inventory = {}) =>
    decideOrder(
      input<ChangePlanOrder & { type: 'change_plan' }>(
        { type: 'change_plan', plan: to },
        { subscription: subscription(plan('business-basic')), plan: plan(to), ...over, inventory: { users: [customerUser('ann')], ...inventory } },
      ),
    );

  it("moves to a bigger plan: the new features, the previous ones, the site it adds, every user's mailbox", () => {
    const d = decision(change('business-premium'));
    expect(d.subscription).toMatchObject({ kind: 'change_plan', plan: { planName: 'business-premium' }, from: { planName: 'business-basic' } });
    expect(d.request).toMatchObject({
      call: 'Hosted Organization.ChangePlan',
      features: { mobility: true, sharepoint: true },
      previousFeatures: { mobility: false, sharepoint: false },
      sites: [{ url: 'https://contoso.sites.provisio.example/sites/contoso-example' }],
      users: [{ alias: 'ann', mailboxSizeMb: 1024 }],
    });
    expect(d.reserve).toEqual([{ feature: 'sharepoint.site_collections', amount: 1 }]);
    expect(d.summary).toMatchObject({ from: 'business-basic@1', to: 'business-premium@1', previousVersionId: 'plv_business-basic_1' });
  });

  it('adds no site when the customer has one already', () => {
    const site = { id: 'csi_1', url: 'https://x.example/sites/a', title: 'A', quotaMb: 100, state: 'active' as const };
    expect(decision(change('business-premium', {}, { sites: [site] })).reserve).toEqual([]);
  });

  it('refuses what does not fit: the same version, services in use, mailboxes too large, users being changed', () => {
    expect(refusal(change('business-basic'))).toMatchObject({ code: 'CONFLICT' });
    const fromPremium = { subscription: subscription(premium) };
    expect(refusal(change('business-basic', fromPremium, { users: [customerUser('ann', { sip: true })] }))).toMatchObject({
      code: 'PLAN_CHANGE_DOES_NOT_FIT',
      details: { services: ['communications', 'sharepoint'] },
    });
    const small = plan('business-basic', { 'exchange.mailbox_size_mb': 1023 });
    expect(
      refusal(change('business-basic', { plan: small, subscription: subscription(plan('enterprise', { 'sharepoint.site_collections': 0 })) })),
    ).toMatchObject({
      code: 'PLAN_CHANGE_DOES_NOT_FIT',
    });
    expect(refusal(change('business-premium', {}, { users: [customerUser('ann', {}, 'changing')] }))).toMatchObject({ code: 'USER_BUSY' });
  });

  it('needs an active subscription', () => {
    expect(refusal(change('business-premium', { subscription: subscription(plan('business-basic'), { status: 'suspended' }) }))).toMatchObject({
      code: 'SUBSCRIPTION_STATE_CONFLICT',
    });
    expect(refusal(change('business-premium', { subscription: undefined }))).toMatchObject({ code: 'NO_SUBSCRIPTION' });
  });
});
