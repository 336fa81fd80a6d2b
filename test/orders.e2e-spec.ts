import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { seedCatalog } from '../src/catalog/catalog-seed';
import { IDEMPOTENCY_LOCK_SQL } from '../src/common/idempotency/idempotency.store';
import { expectValidXml } from './helpers/libxml2';
import { startTestApp, type TestApp } from './helpers/app';
import { killAll, spawnEngine, type EngineProcess } from './helpers/engine-e2e';
import { type Actor, buildWorld, type World } from './helpers/identity';

/**
 * Orders as a customer would place them, with only HTTP: subscribe, watch it complete, see the
 * platform state, hit the quota, fail cleanly, replay with an Idempotency-Key, cancel.
 * Two real engine processes run the requests.
 */

describe('orders: from a REST call to a completed provisioning request', () => {
  let t: TestApp;
  let w: World;
  let engines: EngineProcess[] = [];
  let direct: Actor; // a customer of the hoster itself, with its org_admin
  let premium: any; // the hoster's business-premium plan

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    await seedCatalog(t.app.get(DataSource));
    const hoster = w.hoster.admin.token;
    const plans = await t.get('/v1/plans?name=business-premium', { token: hoster });
    premium = plans.body.items[0];
    // The reseller R1 offers its customers a plan derived from business-premium.
    expect((await t.post(`/v1/plans/${premium.id}/availability`, { resellerIds: [w.r1.orgId] }, { token: hoster })).status).toBeLessThan(300);
    const derived = await t.post(
      '/v1/plans',
      { kind: 'organization', name: 'r1-premium', displayName: 'R1 Premium', basePlanId: premium.id },
      { token: w.r1.admin.token },
    );
    expect(derived.status).toBe(201);
    expect((await t.post(`/v1/plans/${derived.body.id}/publish`, {}, { token: w.r1.admin.token })).status).toBe(200);
    const created = await t.post(
      '/v1/organizations',
      { kind: 'customer', name: 'Contoso', parentId: w.hoster.orgId, admin: { username: 'contoso.admin', displayName: 'Contoso Admin' } },
      { token: hoster },
    );
    direct = { orgId: created.body.organization.id, userId: created.body.admin.id, token: created.body.admin.token.token };
    engines = [spawnEngine(t.db.url), spawnEngine(t.db.url)];
    await Promise.all(engines.map((e) => e.engineId()));
  });
  afterAll(async () => {
    await killAll(engines);
    await t.close();
  });

  const users3 = [
    { alias: 'ann', displayName: 'Ann Lee', userPlan: 'mobile-mailbox' },
    { alias: 'bob', displayName: 'Bob Ray', userPlan: 'standard-mailbox' },
    { alias: 'cy', displayName: 'Cy Young', userPlan: 'mobile-mailbox@1' },
  ];

  async function waitDone(id: string, token: string) {
    const res = await t.get(`/v1/orders/${id}?wait=60`, { token });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function labState(orgId: string) {
    const res = await t.get(`/v1/lab/state?organization=${orgId}`, { token: w.hoster.admin.token });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function quota(subscriptionId: string, token: string, feature: string) {
    const sub = await t.get(`/v1/subscriptions/${subscriptionId}`, { token });
    expect(sub.status).toBe(200);
    return sub.body.quotas.find((q: any) => q.feature === feature);
  }

  it('subscribes a customer to business-premium with 3 users and provisions everything', async () => {
    const placed = await t.post(
      '/v1/orders',
      { type: 'subscribe', organizationId: direct.orgId, plan: 'business-premium', domain: 'contoso.example', users: users3 },
      { token: direct.token },
    );
    expect({ status: placed.status, body: placed.status === 202 ? 'ok' : placed.body }).toEqual({ status: 202, body: 'ok' });
    expect(placed.headers.location).toBe(`/v1/orders/${placed.body.id}`);
    expect(['accepted', 'provisioning']).toContain(placed.body.status);

    const done = await waitDone(placed.body.id, direct.token);
    expect(done.status).toBe('completed');
    expect(done.progress.stepsDone).toBeGreaterThan(12);
    expect(done.errorContext).toBeNull();

    const lab = await labState(direct.orgId);
    expect(lab.ou.domain).toBe('contoso.example');
    expect(lab.exchangeOrganization).not.toBeNull();
    expect(lab.acceptedDomains).toEqual(['contoso.example']);
    const zone = lab.zones.find((z: any) => z.name === 'contoso.example');
    expect(zone.published).toBe(true);
    const types = zone.records.map((r: any) => `${r.name} ${r.type}`);
    expect(types).toEqual(expect.arrayContaining(['@ MX', 'autodiscover CNAME', '_sip._tls SRV']));
    // Each mailbox has its user plan's quota.
    const plans = await t.get('/v1/plans?kind=user', { token: w.hoster.admin.token });
    const sizeOf = (name: string) => plans.body.items.find((p: any) => p.name === name).currentVersion.features['exchange.mailbox_size_mb'];
    expect(lab.mailboxes.map((m: any) => [m.alias, m.quotaMb]).sort()).toEqual([
      ['ann', sizeOf('mobile-mailbox')],
      ['bob', sizeOf('standard-mailbox')],
      ['cy', sizeOf('mobile-mailbox')],
    ]);
    expect(lab.mailboxes.map((m: any) => m.primarySmtpAddress).sort()).toEqual(['ann@contoso.example', 'bob@contoso.example', 'cy@contoso.example']);
    expect(lab.mobilityPolicies).toHaveLength(1);
    expect(lab.mobilityUsers.map((u: any) => u.alias)).toContain('ann');
    expect(lab.mobilityUsers.map((u: any) => u.alias)).not.toContain('bob');
    expect(lab.sipDomains).toEqual(['contoso.example']);
    expect(lab.sipUsers.map((u: any) => u.sipUri).sort()).toEqual(['sip:ann@contoso.example', 'sip:cy@contoso.example']);
    expect(lab.siteCollections).toHaveLength(1);

    const mailboxes = await quota(done.subscriptionId, direct.token, 'exchange.mailboxes');
    expect(mailboxes).toMatchObject({ used: 3, reserved: 0 });
    const sub = await t.get(`/v1/subscriptions/${done.subscriptionId}`, { token: direct.token });
    expect(sub.body.status).toBe('active');

    // The stored request is the XML the order became, and it validates with libxml2.
    const xml = await t.get(`/v1/orders/${placed.body.id}/request`, { token: direct.token });
    expect(xml.status).toBe(200);
    expect(String(xml.headers['content-type'])).toContain('application/xml');
    expect(xml.text).toContain('<call namespace="Hosted Organization" procedure="Subscribe"');
    await expectValidXml('request', [{ file: `${placed.body.id}.xml`, xml: xml.text }]);
    const response = await t.get(`/v1/orders/${placed.body.id}/response`, { token: direct.token });
    expect(response.text).toContain('<response');
    expect(response.text).toContain('completed');

    const timeline = await t.get(`/v1/orders/${placed.body.id}/timeline`, { token: direct.token });
    expect(timeline.body.items.length).toBe(done.progress.stepsDone);
    expect(timeline.body.items[0]).toMatchObject({ phase: 'execute', namespace: 'Directory', procedure: 'CreateOrganization' });
    expect(timeline.body.items.every((s: any) => s.engineId && s.durationMs >= 0)).toBe(true);
  });

  it('lets a reseller order with a delegated token, and refuses its own token without changing anything', async () => {
    const c1 = w.c1;
    const before = (await t.pool.query('SELECT count(*)::int AS n FROM orders')).rows[0].n;
    const refused = await t.post(
      '/v1/orders',
      { type: 'subscribe', organizationId: c1.orgId, plan: 'r1-premium', domain: 'fabrikam.example', users: users3 },
      { token: w.r1.admin.token },
    );
    expect([403, 404]).toContain(refused.status);
    expect((await t.pool.query('SELECT count(*)::int AS n FROM orders')).rows[0].n).toBe(before);
    expect((await t.pool.query('SELECT count(*)::int AS n FROM subscriptions WHERE organization_id = $1', [c1.orgId])).rows[0].n).toBe(0);

    const placed = await t.post(
      '/v1/orders',
      { type: 'subscribe', organizationId: c1.orgId, plan: 'r1-premium', domain: 'fabrikam.example', users: users3 },
      { token: w.delegation.token },
    );
    expect(placed.status).toBe(202);
    expect(placed.body.placedBy).toMatchObject({ userId: w.r1.admin.userId, delegationId: w.delegation.id, onBehalfOf: c1.orgId });
    const done = await waitDone(placed.body.id, w.delegation.token);
    expect(done.status).toBe('completed');
    const lab = await labState(c1.orgId);
    expect(lab.mailboxes).toHaveLength(3);
    expect(lab.zones[0].published).toBe(true);
    const audit = (await t.pool.query(`SELECT * FROM audit_events WHERE action = 'order.placed' AND resource_id = $1`, [placed.body.id])).rows[0];
    expect(audit).toMatchObject({ actor_user_id: w.r1.admin.userId, on_behalf_of_org_id: c1.orgId, delegation_id: w.delegation.id });
  });

  it('refuses more mailboxes than the plan allows before any run exists', async () => {
    const sub = (await t.get(`/v1/organizations/${direct.orgId}/subscriptions`, { token: direct.token })).body.items[0];
    const mailboxes = sub.quotas.find((q: any) => q.feature === 'exchange.mailboxes');
    const runsBefore = (await t.pool.query('SELECT count(*)::int AS n FROM provisioning_runs')).rows[0].n;
    const many = Array.from({ length: mailboxes.limit - mailboxes.used + 1 }, (_, i) => ({
      alias: `bulk${i}`,
      displayName: `Bulk ${i}`,
      userPlan: 'standard-mailbox',
    }));
    const res = await t.post('/v1/orders', { type: 'add_users', organizationId: direct.orgId, users: many.slice(0, 100) }, { token: direct.token });
    if (many.length <= 100) {
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('QUOTA_EXCEEDED');
      expect(['exchange.mailboxes', 'directory.users']).toContain(res.body.feature);
    }
    expect((await t.pool.query('SELECT count(*)::int AS n FROM provisioning_runs')).rows[0].n).toBe(runsBefore);
    expect(await quota(sub.id, direct.token, 'exchange.mailboxes')).toMatchObject({ used: mailboxes.used, reserved: 0 });
  });

  it('releases the reservation of an order that fails, and rolls back what it did', async () => {
    const sub = (await t.get(`/v1/organizations/${direct.orgId}/subscriptions`, { token: direct.token })).body.items[0];
    const faults = await t.request('PUT', '/v1/lab/faults', {
      token: w.hoster.admin.token,
      body: { rules: [{ procedure: 'Mobility.EnableUser', effect: 'permanent', times: 1, organizationId: direct.orgId }] },
    });
    expect(faults.status).toBe(200);
    const placed = await t.post(
      '/v1/orders',
      { type: 'add_users', organizationId: direct.orgId, users: [{ alias: 'dee', displayName: 'Dee', userPlan: 'mobile-mailbox' }] },
      { token: direct.token },
    );
    expect(placed.status).toBe(202);
    expect((await quota(sub.id, direct.token, 'exchange.mailboxes')).reserved).toBe(1);
    const done = await waitDone(placed.body.id, direct.token);
    expect(done.status).toBe('failed');
    expect(done.errorContext).toMatchObject({ code: 'LAB_PERMANENT', procedure: 'EnableUser' });
    expect(done.rolledBack.map((s: any) => `${s.namespace}.${s.procedure}`)).toEqual(['Exchange.CreateMailbox', 'Directory.CreateUser']);
    expect(await quota(sub.id, direct.token, 'exchange.mailboxes')).toMatchObject({ used: 3, reserved: 0 });
    const lab = await labState(direct.orgId);
    expect(lab.users.map((u: any) => u.alias)).not.toContain('dee');
    await t.request('PUT', '/v1/lab/faults', { token: w.hoster.admin.token, body: {} });
  });

  it('honours Idempotency-Key: one order for two identical requests, 422 for another body', async () => {
    const body = { type: 'add_dns_records', organizationId: direct.orgId, records: [{ name: 'www', type: 'A', value: '203.0.113.10' }] };
    const headers = { 'idempotency-key': 'add-www-2026-11-25' };
    const first = await t.post('/v1/orders', body, { token: direct.token, headers });
    expect(first.status).toBe(202);
    const second = await t.post('/v1/orders', body, { token: direct.token, headers });
    expect(second.status).toBe(202);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.location).toBe(first.headers.location);
    expect(
      (await t.pool.query(`SELECT count(*)::int AS n FROM orders WHERE type = 'add_dns_records' AND organization_id = $1`, [direct.orgId])).rows[0].n,
    ).toBe(1);
    const other = await t.post('/v1/orders', { ...body, records: [{ name: 'ftp', type: 'A', value: '203.0.113.11' }] }, { token: direct.token, headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await waitDone(first.body.id, direct.token)).status).toBe('completed');
    const lab = await labState(direct.orgId);
    expect(lab.zones[0].records.some((r: any) => r.name === 'www' && r.type === 'A' && r.value === '203.0.113.10')).toBe(true);
  });

  it('places one order for ten simultaneous requests with one Idempotency-Key: the others replay it or answer 409', async () => {
    const body = { type: 'add_dns_records', organizationId: direct.orgId, records: [{ name: 'burst', type: 'TXT', value: 'v=burst' }] };
    const headers = { 'idempotency-key': 'burst-2026-11-25' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.post('/v1/orders', body, { token: direct.token, headers })));
    const placed = answers.filter((a) => a.status === 202);
    const busy = answers.filter((a) => a.status === 409);
    expect(placed.length + busy.length).toBe(10);
    expect(placed.length).toBeGreaterThanOrEqual(1);
    expect(new Set(placed.map((a) => a.body.id)).size).toBe(1);
    for (const a of busy) {
      expect(a.body.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
      expect(a.headers['retry-after']).toBe('1');
    }
    const orders = await t.pool.query(`SELECT id FROM orders WHERE organization_id = $1 AND body->'records'->0->>'name' = 'burst'`, [direct.orgId]);
    expect(orders.rows.map((r) => r.id)).toEqual([placed[0].body.id]);
    // Once the first answer is stored, every retry replays it.
    const later = await t.post('/v1/orders', body, { token: direct.token, headers });
    expect(later.status).toBe(202);
    expect(later.body.id).toBe(placed[0].body.id);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect((await waitDone(placed[0].body.id, direct.token)).status).toBe('completed');
  });

  it('does not hold a key for a request whose API process died: the retry is placed at once', async () => {
    const body = { type: 'add_dns_records', organizationId: direct.orgId, records: [{ name: 'crash', type: 'TXT', value: 'v=crash' }] };
    const key = 'crash-2026-11-25';
    // Another API process is placing this very request: its transaction holds the key…
    const other = new Client({ connectionString: t.db.url });
    other.on('error', () => undefined);
    await other.connect();
    await other.query('BEGIN');
    await other.query(`SELECT pg_advisory_xact_lock(${IDEMPOTENCY_LOCK_SQL})`, [`${direct.userId}:${direct.orgId}\n${key}`]);
    const during = await t.post('/v1/orders', body, { token: direct.token, headers: { 'idempotency-key': key } });
    expect(during.status).toBe(409);
    expect(during.body.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
    // …and that process is killed: its connection drops, its transaction and claim with it.
    (other as any).connection.stream.destroy();
    await new Promise((r) => other.once('end', r));
    const deadline = Date.now() + 5000;
    let retry = await t.post('/v1/orders', body, { token: direct.token, headers: { 'idempotency-key': key } });
    // PostgreSQL notices the dropped connection within moments, not the 60 s of a stale claim.
    while (retry.status === 409 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      retry = await t.post('/v1/orders', body, { token: direct.token, headers: { 'idempotency-key': key } });
    }
    expect(retry.status).toBe(202);
    expect(
      (await t.pool.query(`SELECT count(*)::int AS n FROM orders WHERE organization_id = $1 AND body->'records'->0->>'name' = 'crash'`, [direct.orgId])).rows[0]
        .n,
    ).toBe(1);
    expect((await waitDone(retry.body.id, direct.token)).status).toBe('completed');
  });

  it('cancels a subscription: the platform forgets the customer and usage goes to zero', async () => {
    const sub = (await t.get(`/v1/organizations/${direct.orgId}/subscriptions`, { token: direct.token })).body.items[0];
    const placed = await t.post('/v1/orders', { type: 'cancel', organizationId: direct.orgId }, { token: direct.token });
    expect(placed.status).toBe(202);
    const done = await waitDone(placed.body.id, direct.token);
    expect(done.status).toBe('completed');
    const lab = await labState(direct.orgId);
    expect(lab).toMatchObject({
      ou: null,
      users: [],
      exchangeOrganization: null,
      acceptedDomains: [],
      mailboxes: [],
      mobilityPolicies: [],
      zones: [],
      sipDomains: [],
      sipUsers: [],
      siteCollections: [],
    });
    const after = await t.get(`/v1/subscriptions/${sub.id}`, { token: direct.token });
    expect(after.body.status).toBe('cancelled');
    expect(after.body.quotas.every((q: any) => q.used === 0 && q.reserved === 0)).toBe(true);
  });
});
