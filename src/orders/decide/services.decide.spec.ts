import type { AddDnsRecordsOrder, CreateSiteOrder, DeleteSiteOrder, LifecycleOrder, RemoveDnsRecordsOrder } from '../dto/order-requests';
import { customerUser, input, plan, subscription } from './decision.fixtures';
import { decideOrder } from './index';
import type { CustomerRecord, CustomerSite } from './inventory';

function decision(d: ReturnType<typeof decideOrder>) {
  if (!d.ok) throw new Error(`refused: ${d.refusal.code} ${d.refusal.message}`);
  return d.decision;
}
function refusal(d: ReturnType<typeof decideOrder>) {
  if (d.ok) throw new Error('not refused');
  return d.refusal;
}

const record = (name: string, type: string, value: string, over: Partial<CustomerRecord> = {}): CustomerRecord => ({
  id: `cdr_${name}_${type}`,
  zone: 'contoso.example',
  name,
  type,
  value,
  ttl: 3600,
  priority: null,
  system: false,
  state: 'active',
  ...over,
});

describe('add_dns_records and remove_dns_records', () => {
  const add = (records: { name: string; type: string; value: string; ttl?: number }[], over = {}) =>
    decideOrder(input<AddDnsRecordsOrder & { type: 'add_dns_records' }>({ type: 'add_dns_records', records: records as AddDnsRecordsOrder['records'] }, over));
  const remove = (records: { name: string; type: string; value: string }[], over = {}) =>
    decideOrder(
      input<RemoveDnsRecordsOrder & { type: 'remove_dns_records' }>({ type: 'remove_dns_records', records: records as RemoveDnsRecordsOrder['records'] }, over),
    );

  it('adds records in one spelling (names inside the zone, lower case) and reserves one each', () => {
    const d = decision(
      add([
        { name: 'WWW', type: 'A', value: '203.0.113.10' },
        { name: 'mail.contoso.example.', type: 'MX', value: 'mx.contoso.example' },
      ]),
    );
    expect(d.request).toEqual({
      call: 'Hosted DNS.AddRecords',
      zone: {
        name: 'contoso.example',
        records: [
          { name: 'www', type: 'A', value: '203.0.113.10', ttl: 3600, priority: null },
          { name: 'mail', type: 'MX', value: 'mx.contoso.example', ttl: 3600, priority: 10 },
        ],
      },
    });
    expect(d.reserve).toEqual([{ feature: 'dns.records', amount: 2 }]);
    expect(d.inventory.records!.every((r) => !r.system && r.zone === 'contoso.example')).toBe(true);
  });

  it('refuses a record twice in the order, one the zone has, bad syntax, and a plan without DNS', () => {
    expect(
      refusal(
        add([
          { name: 'www', type: 'A', value: '203.0.113.10' },
          { name: 'WWW', type: 'A', value: '203.0.113.10' },
        ]),
      ),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { errors: [{ path: 'records[1]' }] },
    });
    expect(refusal(add([{ name: 'www', type: 'A', value: '203.0.113.10' }], { inventory: { records: [record('www', 'A', '203.0.113.10')] } }))).toMatchObject({
      code: 'RECORD_EXISTS',
    });
    expect(refusal(add([{ name: 'www', type: 'A', value: '999.1.1.1' }]))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { errors: [{ path: 'records[0].value' }] },
    });
    const noDns = { ...plan('business-premium'), services: plan('business-premium').services.filter((s) => s !== 'dns') };
    expect(refusal(add([{ name: 'www', type: 'A', value: '203.0.113.10' }], { subscription: subscription(noDns) }))).toMatchObject({
      code: 'SERVICE_NOT_IN_PLAN',
    });
  });

  it("removes records the customer added, frees one each; never the platform's own records", () => {
    const www = record('www', 'A', '203.0.113.10');
    const d = decision(remove([{ name: 'WWW', type: 'A', value: '203.0.113.10' }], { inventory: { records: [www] } }));
    expect(d.inventory).toEqual({ removing: { records: [www.id] } });
    expect(d.release).toEqual([{ feature: 'dns.records', amount: 1 }]);
    const mx = record('@', 'MX', 'mx1.mail.provisio.example', { system: true });
    expect(refusal(remove([{ name: '@', type: 'MX', value: mx.value }], { inventory: { records: [mx] } }))).toMatchObject({ code: 'RECORD_NOT_FOUND' });
    expect(refusal(remove([{ name: 'ftp', type: 'A', value: '203.0.113.11' }], { inventory: { records: [www] } }))).toMatchObject({ code: 'RECORD_NOT_FOUND' });
    expect(refusal(remove([{ name: 'www', type: 'A', value: '203.0.113.10' }], { inventory: { records: [{ ...www, state: 'pending' }] } }))).toMatchObject({
      code: 'CONFLICT',
    });
    expect(refusal(remove([www, { ...www, name: 'WWW' }], { inventory: { records: [www] } }))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('create_site and delete_site', () => {
  const create = (url: string, quotaMb: number, over = {}) =>
    decideOrder(input<CreateSiteOrder & { type: 'create_site' }>({ type: 'create_site', url, title: ' Projects ', quotaMb }, over));
  const remove = (url: string, sites: CustomerSite[]) =>
    decideOrder(input<DeleteSiteOrder & { type: 'delete_site' }>({ type: 'delete_site', url }, { inventory: { sites } }));

  it("creates a site collection within the plan's storage limit (not one MB above) and reserves it", () => {
    const d = decision(create('https://Contoso.example/sites/Projects/', 10240));
    expect(d.request).toEqual({ call: 'Hosted Sites.CreateSite', site: { url: 'https://contoso.example/sites/projects', title: 'Projects', quotaMb: 10240 } });
    expect(d.reserve).toEqual([{ feature: 'sharepoint.site_collections', amount: 1 }]);
    expect(refusal(create('https://contoso.example/sites/projects', 10241))).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { feature: 'sharepoint.storage_mb', limit: 10240 },
    });
  });

  it('refuses a URL in use, a bad URL, and a plan without SharePoint', () => {
    expect(refusal(create('https://contoso.example/sites/projects', 100, { inventory: { siteUrlTaken: true } }))).toMatchObject({ code: 'SITE_EXISTS' });
    expect(refusal(create('https://contoso.example/sites/../admin', 100))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(refusal(create('https://contoso.example/sites/p', 100, { subscription: subscription(plan('business-basic')) }))).toMatchObject({
      code: 'SERVICE_NOT_IN_PLAN',
    });
  });

  it('deletes an active site collection the customer has, and frees it', () => {
    const site: CustomerSite = { id: 'csi_1', url: 'https://contoso.example/sites/projects', title: 'Projects', quotaMb: 100, state: 'active' };
    const d = decision(remove('https://CONTOSO.example/sites/projects', [site]));
    expect(d.inventory).toEqual({ removing: { sites: ['csi_1'] } });
    expect(d.release).toEqual([{ feature: 'sharepoint.site_collections', amount: 1 }]);
    expect(refusal(remove('https://contoso.example/sites/other', [site]))).toMatchObject({ code: 'SITE_NOT_FOUND' });
    expect(refusal(remove(site.url, [{ ...site, state: 'removing' }]))).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('suspend, resume and cancel', () => {
  const lifecycle = (type: 'suspend' | 'resume' | 'cancel', over = {}) => decideOrder(input<LifecycleOrder & { type: typeof type }>({ type }, over));
  const users = [customerUser('ann', { activesync: true, sip: true }), customerUser('bob')];

  it('suspends an active subscription by disabling every user, and resumes a suspended one', () => {
    expect(decision(lifecycle('suspend', { inventory: { users } })).request).toEqual({
      call: 'Hosted Organization.Suspend',
      users: [
        { alias: 'ann', disabled: true },
        { alias: 'bob', disabled: true },
      ],
    });
    expect(refusal(lifecycle('resume'))).toMatchObject({ code: 'SUBSCRIPTION_STATE_CONFLICT' });
    const suspended = subscription(plan('business-premium'), { status: 'suspended' });
    expect(refusal(lifecycle('suspend', { subscription: suspended }))).toMatchObject({ code: 'SUBSCRIPTION_STATE_CONFLICT' });
    expect(decision(lifecycle('resume', { subscription: suspended, inventory: { users } })).request).toMatchObject({
      users: [{ disabled: false }, { disabled: false }],
    });
  });

  it('cancels: everything is removed and everything used is freed when it completes', () => {
    const sub = subscription(plan('business-premium'), { status: 'suspended', used: { 'exchange.mailboxes': 2, 'directory.users': 2, 'dns.records': 5 } });
    const d = decision(lifecycle('cancel', { subscription: sub, inventory: { users } }));
    expect(d.release).toEqual([
      { feature: 'directory.users', amount: 2 },
      { feature: 'exchange.mailboxes', amount: 2 },
      { feature: 'dns.records', amount: 5 },
    ]);
    expect(d.inventory).toEqual({ removing: { everything: true } });
    expect(d.request).toMatchObject({
      call: 'Hosted Organization.Cancel',
      policies: ['default'],
      users: [{ alias: 'ann', activesync: true, sip: true }, { alias: 'bob' }],
    });
  });

  it('deletes every ActiveSync policy the users were given, and the organization policy of older subscriptions when the plan has mobility', () => {
    const d = decision(lifecycle('cancel', { inventory: { users, policies: ['pin-3-devices', 'no-pin-2-devices'] } }));
    expect(d.request).toMatchObject({ policies: ['default', 'no-pin-2-devices', 'pin-3-devices'] });
    const basic = subscription(plan('business-basic'));
    expect(decision(lifecycle('cancel', { subscription: basic, inventory: { users: [], policies: ['pin-3-devices'] } })).request).toMatchObject({
      policies: ['pin-3-devices'],
    });
  });

  it('waits for earlier orders before cancelling', () => {
    expect(refusal(lifecycle('cancel', { inventory: { busy: true } }))).toMatchObject({ code: 'CONFLICT' });
    expect(refusal(lifecycle('cancel', { subscription: undefined }))).toMatchObject({ code: 'NO_SUBSCRIPTION' });
  });
});
