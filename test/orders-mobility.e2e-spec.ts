import { DataSource } from 'typeorm';
import { seedCatalog } from '../src/catalog/catalog-seed';
import { startTestApp, type TestApp } from './helpers/app';
import { killAll, spawnEngine, type EngineProcess } from './helpers/engine-e2e';
import { buildWorld, type World } from './helpers/identity';

/**
 * ActiveSync as a customer sees it (issue 13): device policies come from the user plans (one per
 * distinct setting set, on subscribe, add_users and change_user_plan), and a customer admin or a
 * delegated reseller lists a user's devices and wipes one. Only HTTP, on the lab platform, with a
 * real engine; the lab's state is read back through GET /v1/lab/state.
 */
describe('orders: ActiveSync policies from user plans, device list and wipe', () => {
  let t: TestApp;
  let w: World;
  let engines: EngineProcess[] = [];
  let dlg: string; // R1's delegated org_admin token in C1
  let hoster: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    hoster = w.hoster.admin.token;
    dlg = w.delegation.token;
    await seedCatalog(t.app.get(DataSource));
    const ok = <R extends { status: number; text: string }>(res: R, what: string): R => {
      if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text}`);
      return res;
    };
    // A user plan whose ActiveSync needs no PIN on at most 2 devices.
    const relaxed = ok(
      await t.post(
        '/v1/plans',
        {
          kind: 'user',
          name: 'relaxed-mobile',
          displayName: 'Relaxed mobile',
          services: ['directory', 'exchange', 'mobility'],
          features: { 'exchange.mailbox_size_mb': 1024, 'mobility.activesync': true, 'mobility.require_pin': false, 'mobility.devices_per_user': 2 },
        },
        { token: hoster },
      ),
      'user plan',
    ).body;
    ok(await t.post(`/v1/plans/${relaxed.id}/publish`, {}, { token: hoster }), 'publish user plan');
    const mobileMailbox = (await t.get('/v1/plans?name=mobile-mailbox', { token: hoster })).body.items[0];
    const org = ok(
      await t.post(
        '/v1/plans',
        {
          kind: 'organization',
          name: 'mobile-office',
          displayName: 'Mobile office',
          services: ['directory', 'exchange', 'mobility', 'dns', 'communications'],
          features: {
            'exchange.mailboxes': 20,
            'exchange.mailbox_size_mb': 2048,
            'mobility.activesync': true,
            'mobility.devices_per_user': 3,
            'dns.zones': 1,
            'dns.records': 50,
            'communications.users': 20,
            'communications.im': true,
            'communications.presence': true,
          },
          userPlanIds: [relaxed.id, mobileMailbox.id],
        },
        { token: hoster },
      ),
      'organization plan',
    ).body;
    ok(await t.post(`/v1/plans/${org.id}/publish`, {}, { token: hoster }), 'publish organization plan');
    // R1 resells it to its customer C1.
    ok(await t.post(`/v1/plans/${org.id}/availability`, { resellerIds: [w.r1.orgId] }, { token: hoster }), 'offer to R1');
    const derived = ok(
      await t.post('/v1/plans', { kind: 'organization', name: 'r1-mobile', displayName: 'R1 Mobile', basePlanId: org.id }, { token: w.r1.admin.token }),
      'derive',
    ).body;
    ok(await t.post(`/v1/plans/${derived.id}/publish`, {}, { token: w.r1.admin.token }), 'publish derived');
    engines = [spawnEngine(t.db.url)];
    await Promise.all(engines.map((e) => e.engineId()));
  });
  afterAll(async () => {
    await killAll(engines);
    await t.close();
  });

  async function placeAndWait(body: Record<string, unknown>, token: string) {
    const placed = await t.post('/v1/orders', { organizationId: w.c1.orgId, ...body }, { token });
    expect({ status: placed.status, body: placed.status === 202 ? 'ok' : placed.body }).toEqual({ status: 202, body: 'ok' });
    const done = await t.get(`/v1/orders/${placed.body.id}?wait=60`, { token });
    expect(done.status).toBe(200);
    return done.body;
  }

  async function lab() {
    const res = await t.get(`/v1/lab/state?organization=${w.c1.orgId}`, { token: hoster });
    expect(res.status).toBe(200);
    return res.body;
  }

  function expectProblem(res: { status: number; headers: Record<string, unknown>; body: { code?: string } }, status: number, code: string) {
    expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
  }

  const NO_PIN_2 = { name: 'no-pin-2-devices', requirePin: false, maxDevicesPerUser: 2 };
  const PIN_3 = { name: 'pin-3-devices', requirePin: true, maxDevicesPerUser: 3 };

  it('subscribes with one policy per distinct setting set of the user plans, each user on its own', async () => {
    const users = [
      { alias: 'ann', displayName: 'Ann Lee', userPlan: 'relaxed-mobile' },
      { alias: 'bob', displayName: 'Bob Ray', userPlan: 'mobile-mailbox' },
      { alias: 'dee', displayName: 'Dee Park', userPlan: 'relaxed-mobile' },
    ];
    const done = await placeAndWait({ type: 'subscribe', plan: 'r1-mobile', domain: 'c1-mobile.example', users }, dlg);
    expect(done.status).toBe('completed');
    const s = await lab();
    expect(s.mobilityPolicies).toEqual([NO_PIN_2, PIN_3]);
    expect(s.mobilityUsers).toEqual([
      { alias: 'ann', policy: 'no-pin-2-devices' },
      { alias: 'bob', policy: 'pin-3-devices' },
      { alias: 'dee', policy: 'no-pin-2-devices' },
    ]);
    // C1 is R1's customer: the directory is told so (an LDAP directory nests its OU under R1's).
    const request = await t.get(`/v1/orders/${done.id}/request`, { token: dlg });
    expect(request.text).toContain(`resellerId="${w.r1.orgId}"`);
  });

  it("adds users on their user plan's policy, creating none twice", async () => {
    const done = await placeAndWait({ type: 'add_users', users: [{ alias: 'cy', displayName: 'Cy Young', userPlan: 'relaxed-mobile' }] }, w.c1.admin.token);
    expect(done.status).toBe('completed');
    const s = await lab();
    expect(s.mobilityPolicies).toEqual([NO_PIN_2, PIN_3]);
    expect(s.mobilityUsers).toContainEqual({ alias: 'cy', policy: 'no-pin-2-devices' });
  });

  it("moves a user who changes plan onto the new plan's policy, keeping the phone that synced", async () => {
    expect((await t.post('/v1/lab/devices', { organizationId: w.c1.orgId, alias: 'bob', deviceId: 'bob-phone' }, { token: hoster })).status).toBe(200);
    const done = await placeAndWait({ type: 'change_user_plan', users: [{ alias: 'bob', userPlan: 'relaxed-mobile' }] }, dlg);
    expect(done.status).toBe('completed');
    const s = await lab();
    expect(s.mobilityUsers).toContainEqual({ alias: 'bob', policy: 'no-pin-2-devices' });
    expect(s.mobilityDevices.map((d: { alias: string; id: string }) => `${d.alias}/${d.id}`)).toContain('bob/bob-phone');
  });

  it("lists a synced device to the customer's admin and the delegated reseller, and to nobody else", async () => {
    const synced = await t.post('/v1/lab/devices', { organizationId: w.c1.orgId, alias: 'ann', deviceId: 'pixel-8', model: 'Pixel 8' }, { token: hoster });
    expect(synced.status).toBe(200);
    expect(synced.body).toMatchObject({ alias: 'ann', id: 'pixel-8', model: 'Pixel 8', wipeStatus: 'none' });
    const url = `/v1/organizations/${w.c1.orgId}/customer-users/ann/devices`;
    for (const token of [w.c1.admin.token, dlg]) {
      const res = await t.get(url, { token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        organizationId: w.c1.orgId,
        alias: 'ann',
        items: [{ id: 'pixel-8', model: 'Pixel 8', wipeStatus: 'none', wipeRequestedAt: null }],
      });
    }
    // R1's own token (no delegation) and another customer's admin see nothing.
    expectProblem(await t.get(url, { token: w.r1.admin.token }), 403, 'FORBIDDEN');
    expectProblem(await t.get(url, { token: w.c2.admin.token }), 404, 'NOT_FOUND');
    expectProblem(await t.get(`/v1/organizations/${w.c1.orgId}/customer-users/nobody/devices`, { token: dlg }), 404, 'NOT_FOUND');
    // The lab only syncs phones with mailboxes enabled for mobility.
    expectProblem(
      await t.post('/v1/lab/devices', { organizationId: w.c1.orgId, alias: 'nobody', deviceId: 'x1' }, { token: hoster }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await t.post('/v1/lab/devices', { organizationId: w.c1.orgId, alias: 'ann', deviceId: 'x1' }, { token: w.c1.admin.token }), 403, 'FORBIDDEN');
  });

  it('wipes a device with a wipe_device order, audited; the lab shows the wipe pending', async () => {
    const done = await placeAndWait({ type: 'wipe_device', alias: 'ann', deviceId: 'pixel-8' }, dlg);
    expect(done.status).toBe('completed');
    expect(done.summary).toEqual({ alias: 'ann', deviceId: 'pixel-8' });
    const device = (await lab()).mobilityDevices.find((d: { id: string }) => d.id === 'pixel-8');
    expect(device).toMatchObject({ alias: 'ann', wipeStatus: 'pending', wipeRequestedAt: expect.any(String) });
    const listed = await t.get(`/v1/organizations/${w.c1.orgId}/customer-users/ann/devices`, { token: w.c1.admin.token });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: 'pixel-8', wipeStatus: 'pending' })]);
    const events = await t.get('/v1/audit/events', { token: hoster, query: { action: 'order.placed', resourceId: done.id } });
    expect(events.status).toBe(200);
    expect(events.body.items.map((e: { details: { type: string } }) => e.details.type)).toEqual(['wipe_device']);
  });

  it('refuses a wipe for a user without ActiveSync or unknown, and fails one of a device the platform does not know', async () => {
    expectProblem(
      await t.post('/v1/orders', { type: 'wipe_device', organizationId: w.c1.orgId, alias: 'zed', deviceId: 'p1' }, { token: dlg }),
      422,
      'USER_NOT_FOUND',
    );
    expectProblem(
      await t.post('/v1/orders', { type: 'wipe_device', organizationId: w.c1.orgId, alias: 'ann', deviceId: '../x' }, { token: dlg }),
      400,
      'VALIDATION_FAILED',
    );
    const missing = await placeAndWait({ type: 'wipe_device', alias: 'ann', deviceId: 'never-synced' }, dlg);
    expect(missing.status).toBe('failed');
    expect(missing.errorContext).toMatchObject({ code: 'LAB_NOT_FOUND', procedure: 'WipeDevice' });
  });
});
