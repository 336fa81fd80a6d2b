import { DataSource } from 'typeorm';
import { seedCatalog } from '../src/catalog/catalog-seed';
import { ORDER_TYPES } from '../src/orders/dto/order-requests';
import { expectValidXml } from './helpers/libxml2';
import { startTestApp, type TestApp } from './helpers/app';
import { killAll, spawnEngine, type EngineProcess } from './helpers/engine-e2e';
import { type Actor, bootstrapHoster } from './helpers/identity';

/**
 * Every order type, in the order a customer's life goes, each checked on the platform (lab)
 * state and the subscription's quota; every request the orders rendered validates with xmllint.
 */

describe('orders: the life of a subscription, one order type after another', () => {
  let t: TestApp;
  let hoster: Actor;
  let customer: Actor;
  let engines: EngineProcess[] = [];
  let subscriptionId: string;
  const orderIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    hoster = await bootstrapHoster(t);
    await seedCatalog(t.app.get(DataSource));
    const c = await t.post(
      '/v1/organizations',
      { kind: 'customer', name: 'Litware', admin: { username: 'litware.admin', displayName: 'Litware Admin' } },
      { token: hoster.token },
    );
    customer = { orgId: c.body.organization.id, userId: c.body.admin.id, token: c.body.admin.token.token };
    engines = [spawnEngine(t.db.url), spawnEngine(t.db.url)];
    await Promise.all(engines.map((e) => e.engineId()));
  });
  afterAll(async () => {
    await killAll(engines);
    await t.close();
  });

  async function order(body: Record<string, unknown>, expected = 'completed') {
    const placed = await t.post('/v1/orders', { organizationId: customer.orgId, ...body }, { token: customer.token });
    if (placed.status !== 202) throw new Error(`${body.type}: ${placed.status} ${placed.text}`);
    orderIds.push(placed.body.id);
    const done = await t.get(`/v1/orders/${placed.body.id}?wait=60`, { token: customer.token });
    expect({ type: body.type, status: done.body.status, error: done.body.errorContext }).toEqual({ type: body.type, status: expected, error: null });
    return done.body;
  }
  const lab = async () => (await t.get(`/v1/lab/state?organization=${customer.orgId}`, { token: hoster.token })).body;
  const used = async (feature: string) => {
    const sub = await t.get(`/v1/subscriptions/${subscriptionId}`, { token: customer.token });
    const q = sub.body.quotas.find((x: any) => x.feature === feature);
    expect(q.reserved).toBe(0);
    return q.used;
  };
  const aliases = (list: { alias: string }[]) => list.map((x) => x.alias).sort();

  it('subscribe', async () => {
    const o = await order({
      type: 'subscribe',
      plan: 'business-premium',
      domain: 'litware.example',
      users: [
        { alias: 'ann', displayName: 'Ann', userPlan: 'mobile-mailbox' },
        { alias: 'bob', displayName: 'Bob', userPlan: 'standard-mailbox' },
      ],
    });
    subscriptionId = o.subscriptionId;
    const s = await lab();
    expect(aliases(s.mailboxes)).toEqual(['ann', 'bob']);
    expect(await used('exchange.mailboxes')).toBe(2);
    expect(await used('communications.users')).toBe(1);
  });

  it('add_users', async () => {
    await order({ type: 'add_users', users: [{ alias: 'cy', displayName: 'Cy', userPlan: 'standard-mailbox' }] });
    expect(aliases((await lab()).mailboxes)).toEqual(['ann', 'bob', 'cy']);
    expect(await used('exchange.mailboxes')).toBe(3);
  });

  it('change_user_plan', async () => {
    await order({
      type: 'change_user_plan',
      users: [
        { alias: 'bob', userPlan: 'mobile-mailbox' },
        { alias: 'ann', userPlan: 'standard-mailbox' },
      ],
    });
    const s = await lab();
    expect(s.mailboxes.find((m: any) => m.alias === 'bob').quotaMb).toBe(2048);
    expect(s.mailboxes.find((m: any) => m.alias === 'ann').quotaMb).toBe(1024);
    expect(aliases(s.mobilityUsers)).toEqual(['bob']);
    expect(aliases(s.sipUsers)).toEqual(['bob']);
    expect(await used('communications.users')).toBe(1);
  });

  it('remove_users', async () => {
    await order({ type: 'remove_users', aliases: ['cy'] });
    const s = await lab();
    expect(aliases(s.mailboxes)).toEqual(['ann', 'bob']);
    expect(aliases(s.users)).toEqual(['ann', 'bob']);
    expect(await used('exchange.mailboxes')).toBe(2);
  });

  it('add_dns_records and remove_dns_records', async () => {
    const before = await used('dns.records');
    await order({
      type: 'add_dns_records',
      records: [
        { name: 'www', type: 'A', value: '203.0.113.10' },
        { name: '_dmarc', type: 'TXT', value: 'v=DMARC1; p=reject' },
        { name: 'files', type: 'CNAME', value: 'cdn.litware.example' },
      ],
    });
    let zone = (await lab()).zones[0];
    expect(zone.records.filter((r: any) => ['www', '_dmarc', 'files'].includes(r.name))).toHaveLength(3);
    expect(await used('dns.records')).toBe(before + 3);
    await order({ type: 'remove_dns_records', records: [{ name: 'www', type: 'A', value: '203.0.113.10' }] });
    zone = (await lab()).zones[0];
    expect(zone.records.some((r: any) => r.name === 'www')).toBe(false);
    expect(await used('dns.records')).toBe(before + 2);
  });

  it('change_plan, create_site, delete_site', async () => {
    await order({ type: 'change_plan', plan: 'enterprise' });
    const sub = await t.get(`/v1/subscriptions/${subscriptionId}`, { token: customer.token });
    expect(sub.body.plan.name).toBe('enterprise');
    await order({ type: 'create_site', url: 'https://litware.sites.provisio.example/sites/projects', title: 'Projects', quotaMb: 20480 });
    let s = await lab();
    expect(s.siteCollections.map((x: any) => x.url)).toContain('https://litware.sites.provisio.example/sites/projects');
    expect(await used('sharepoint.site_collections')).toBe(2);
    await order({ type: 'delete_site', url: 'https://litware.sites.provisio.example/sites/projects' });
    s = await lab();
    expect(s.siteCollections).toHaveLength(1);
    expect(await used('sharepoint.site_collections')).toBe(1);
  });

  it('suspend and resume', async () => {
    await order({ type: 'suspend' });
    expect((await lab()).users.every((u: any) => u.disabled)).toBe(true);
    expect((await t.get(`/v1/subscriptions/${subscriptionId}`, { token: customer.token })).body.status).toBe('suspended');
    const refused = await t.post(
      '/v1/orders',
      { type: 'add_users', organizationId: customer.orgId, users: [{ alias: 'dan', displayName: 'Dan', userPlan: 'standard-mailbox' }] },
      { token: customer.token },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SUBSCRIPTION_STATE_CONFLICT');
    await order({ type: 'resume' });
    expect((await lab()).users.every((u: any) => !u.disabled)).toBe(true);
    expect((await t.get(`/v1/subscriptions/${subscriptionId}`, { token: customer.token })).body.status).toBe('active');
  });

  it('wipe_device', async () => {
    const synced = await t.post(
      '/v1/lab/devices',
      { organizationId: customer.orgId, alias: 'bob', deviceId: 'bob-phone', model: 'Lab Phone' },
      { token: hoster.token },
    );
    expect(synced.status).toBe(200);
    await order({ type: 'wipe_device', alias: 'bob', deviceId: 'bob-phone' });
    expect((await lab()).mobilityDevices).toEqual([expect.objectContaining({ alias: 'bob', id: 'bob-phone', wipeStatus: 'pending' })]);
  });

  it('cancel', async () => {
    await order({ type: 'cancel' });
    const s = await lab();
    expect([s.ou, s.users.length, s.mailboxes.length, s.zones.length, s.siteCollections.length, s.sipDomains.length]).toEqual([null, 0, 0, 0, 0, 0]);
    expect([s.mobilityPolicies, s.mobilityUsers, s.mobilityDevices]).toEqual([[], [], []]);
    const sub = await t.get(`/v1/subscriptions/${subscriptionId}`, { token: customer.token });
    expect(sub.body.status).toBe('cancelled');
    expect(sub.body.quotas.every((q: any) => q.used === 0 && q.reserved === 0)).toBe(true);
    // The customer can subscribe again, with the same domain.
    await order({ type: 'subscribe', plan: 'business-basic', domain: 'litware.example' });
  });

  it('rendered requests that all validate with libxml2', async () => {
    const types = new Set((await t.pool.query(`SELECT type FROM orders WHERE id = ANY($1::text[])`, [orderIds])).rows.map((r) => r.type));
    expect([...types].sort()).toEqual([...ORDER_TYPES].sort());
    const docs = [];
    for (const id of orderIds) {
      const xml = await t.get(`/v1/orders/${id}/request`, { token: customer.token });
      docs.push({ file: `${id}.xml`, xml: xml.text });
    }
    await expectValidXml('request', docs);
  });
});
