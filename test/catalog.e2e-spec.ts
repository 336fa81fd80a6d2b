import { DataSource } from 'typeorm';
import { createSubscription } from '../src/catalog/subscriptions';
import { inTransaction } from '../src/database/sql';
import { startTestApp, type TestApp } from './helpers/app';
import { buildWorld, type World } from './helpers/identity';

/**
 * The catalog as a new user meets it, over HTTP only (subscriptions are created through the
 * exported createSubscription, as the orders module will): the hoster publishes a plan and offers
 * it to a reseller; the reseller derives a cheaper offer (more than the base is refused); a
 * customer of that reseller sees exactly what is meant for it; editing a published plan opens a
 * new version while existing subscriptions keep theirs.
 */
describe('catalog walkthrough: hoster plan, reseller offer, customer view, versions', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (url: string) => t.get(url, { token }),
    post: (url: string, body: unknown = {}, headers?: Record<string, string>) => t.post(url, body, { token, headers }),
    patch: (url: string, body: unknown, headers?: Record<string, string>) => t.request('PATCH', url, { token, body, headers }),
  });
  const subscribe = (organizationId: string, planVersionId: string, actorUserId: string) =>
    inTransaction(t.app.get(DataSource), (sql) => createSubscription(sql, { organizationId, planVersionId, actor: { userId: actorUserId } }));

  it('works end to end', async () => {
    const hoster = as(w.hoster.admin.token);
    const reseller = as(w.r1.admin.token);
    const customer = as(w.c1.admin.token);

    // The product's schema: services with dependencies and typed features.
    const services = await customer.get('/v1/services');
    expect(services.status).toBe(200);
    expect(services.body.items.map((s: any) => s.key)).toEqual(['directory', 'exchange', 'mobility', 'dns', 'communications', 'sharepoint']);
    const exchange = services.body.items.find((s: any) => s.key === 'exchange');
    expect(exchange.requires).toEqual(['directory']);
    expect(services.body.items.find((s: any) => s.key === 'mobility').requires).toEqual(['exchange']);
    expect(services.body.items.find((s: any) => s.key === 'dns').requires).toEqual([]);
    expect(exchange.features.find((f: any) => f.key === 'exchange.mailboxes')).toMatchObject({
      type: 'count',
      unit: 'mailboxes',
      min: 0,
      unlimitedAllowed: true,
      ledgered: true,
    });
    expect(exchange.features.find((f: any) => f.key === 'exchange.mailbox_size_mb')).toMatchObject({ type: 'limit', unit: 'MB', unlimitedAllowed: false });

    // The hoster defines a user plan and publishes it.
    const userPlan = await hoster.post('/v1/plans', {
      kind: 'user',
      name: 'basic-mailbox',
      displayName: 'Basic mailbox',
      services: ['directory', 'exchange'],
      features: { 'exchange.mailbox_size_mb': 1024 },
    });
    expect(userPlan.status).toBe(201);
    expect(userPlan.body.status).toBe('draft');
    expect((await hoster.post(`/v1/plans/${userPlan.body.id}/publish`)).status).toBe(200);

    // Invalid organization plans are refused with a code that says why.
    const base = { kind: 'organization', displayName: 'Hosted Exchange' };
    const unknown = await hoster.post('/v1/plans', { ...base, name: 'bad-one', services: ['directory', 'exchange'], features: { 'exchange.teleporters': 3 } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('PLAN_UNKNOWN_FEATURE');
    expect(unknown.body.errors).toEqual([{ path: 'features.exchange.teleporters', message: 'unknown feature "exchange.teleporters"' }]);
    const dependency = await hoster.post('/v1/plans', { ...base, name: 'bad-two', services: ['exchange'] });
    expect(dependency.status).toBe(422);
    expect(dependency.body.code).toBe('PLAN_SERVICE_DEPENDENCY_MISSING');
    const range = await hoster.post('/v1/plans', { ...base, name: 'bad-three', services: ['directory', 'exchange'], features: { 'exchange.mailboxes': -1 } });
    expect(range.status).toBe(422);
    expect(range.body.code).toBe('PLAN_FEATURE_OUT_OF_RANGE');
    const draftUserPlan = await hoster.post('/v1/plans', { kind: 'user', name: 'unpublished-user', displayName: 'Draft', services: ['directory', 'exchange'] });
    const notPublished = await hoster.post('/v1/plans', {
      ...base,
      name: 'bad-four',
      services: ['directory', 'exchange'],
      userPlanIds: [draftUserPlan.body.id],
    });
    expect(notPublished.status).toBe(422);
    expect(notPublished.body.code).toBe('PLAN_USER_PLAN_UNAVAILABLE');

    // The hoster's organization plan, published.
    const created = await hoster.post('/v1/plans', {
      ...base,
      name: 'hosted-exchange',
      services: ['directory', 'exchange', 'dns'],
      features: { 'exchange.mailboxes': 10, 'exchange.mailbox_size_mb': 2048, 'dns.zones': 1, 'dns.records': 50 },
      userPlanIds: [userPlan.body.id],
    });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/v1/plans/${created.body.id}`);
    expect(created.body.draftVersion.features).toMatchObject({ 'exchange.mailboxes': 10, 'exchange.owa': true, 'directory.users': null, 'dns.records': 50 });
    const hosterPlanId: string = created.body.id;
    const published = await hoster.post(`/v1/plans/${hosterPlanId}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(published.body.currentVersion.number).toBe(1);
    expect(published.body.currentVersion.userPlans).toEqual([{ planId: userPlan.body.id, name: 'basic-mailbox', versionId: expect.any(String), version: 1 }]);
    expect(published.body.draftVersion).toBeNull();

    // Not offered yet: the reseller cannot see it, let alone derive from it.
    expect((await reseller.get(`/v1/plans/${hosterPlanId}`)).status).toBe(404);
    const tooEarly = await reseller.post('/v1/plans', { kind: 'organization', name: 'too-early', displayName: 'Too early', basePlanId: hosterPlanId });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.code).toBe('PLAN_BASE_UNAVAILABLE');

    // The hoster makes it available to reseller R1 (not R2).
    const offered = await hoster.post(`/v1/plans/${hosterPlanId}/availability`, { resellerIds: [w.r1.orgId] });
    expect(offered.status).toBe(200);
    expect(offered.body.availableTo).toEqual([w.r1.orgId]);
    expect((await reseller.get(`/v1/plans/${hosterPlanId}`)).status).toBe(200);
    expect((await as(w.r2.admin.token).get(`/v1/plans/${hosterPlanId}`)).status).toBe(404);
    const resellerList = await reseller.get('/v1/plans');
    expect(resellerList.body.items.map((p: any) => p.name).sort()).toEqual(['basic-mailbox', 'hosted-exchange']);
    expect(resellerList.body.items.every((p: any) => p.availableTo === undefined && p.draftVersion === null)).toBe(true);

    // The reseller derives an offer; more mailboxes than the base is refused at publish.
    const derived = await reseller.post('/v1/plans', {
      kind: 'organization',
      name: 'exchange-starter',
      displayName: 'Exchange Starter',
      basePlanId: hosterPlanId,
      features: { 'exchange.mailboxes': 20 },
    });
    expect(derived.status).toBe(201);
    expect(derived.body.basePlanId).toBe(hosterPlanId);
    expect(derived.body.draftVersion.services).toEqual(['directory', 'exchange', 'dns']);
    expect(derived.body.draftVersion.userPlans.map((u: any) => u.name)).toEqual(['basic-mailbox']);
    const derivedId: string = derived.body.id;
    const tooMuch = await reseller.post(`/v1/plans/${derivedId}/publish`);
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('PLAN_EXCEEDS_BASE');
    expect(tooMuch.body.features).toEqual(['exchange.mailboxes']);
    expect(tooMuch.body.errors).toEqual([{ path: 'features.exchange.mailboxes', message: '20 exceeds 10' }]);

    // Editing needs the ETag.
    const noIfMatch = await reseller.patch(`/v1/plans/${derivedId}`, { features: { 'exchange.mailboxes': 5 } });
    expect(noIfMatch.status).toBe(428);
    expect(noIfMatch.body.code).toBe('PRECONDITION_REQUIRED');
    const stale = await reseller.patch(`/v1/plans/${derivedId}`, { features: { 'exchange.mailboxes': 5 } }, { 'if-match': '"999"' });
    expect(stale.status).toBe(412);
    const current = await reseller.get(`/v1/plans/${derivedId}`);
    const cheaper = await reseller.patch(
      `/v1/plans/${derivedId}`,
      { features: { 'exchange.mailboxes': 5 }, displayName: 'Exchange Starter (5)' },
      { 'if-match': current.headers.etag as string },
    );
    expect(cheaper.status).toBe(200);
    expect(cheaper.headers.etag).not.toBe(current.headers.etag);
    expect(cheaper.body.draftVersion.number).toBe(1);
    expect(cheaper.body.draftVersion.features['exchange.mailboxes']).toBe(5);
    const derivedPublished = await reseller.post(`/v1/plans/${derivedId}/publish`);
    expect(derivedPublished.status).toBe(200);
    expect(derivedPublished.body.currentVersion.baseVersionId).toBe(published.body.currentVersion.id);
    // A reseller cannot touch the hoster's plan (not its own): 404, like any plan out of reach.
    expect((await reseller.patch(`/v1/plans/${hosterPlanId}`, { displayName: 'Mine now' }, { 'if-match': '"1"' })).status).toBe(404);

    // The reseller's customer sees exactly its reseller's offer and the user plan it includes.
    const customerList = await customer.get('/v1/plans');
    expect(customerList.status).toBe(200);
    expect(customerList.body.items.map((p: any) => p.name).sort()).toEqual(['basic-mailbox', 'exchange-starter']);
    const offerSeen = customerList.body.items.find((p: any) => p.name === 'exchange-starter');
    expect(offerSeen.basePlanId).toBeNull();
    expect(offerSeen.currentVersion.features['exchange.mailboxes']).toBe(5);
    expect((await customer.get(`/v1/plans/${hosterPlanId}`)).status).toBe(404);
    // A customer of another reseller sees none of it; the hoster's direct customers see the hoster's plans.
    expect((await as(w.c3.admin.token).get('/v1/plans')).body.items).toEqual([]);
    expect((await as(w.c3.admin.token).get(`/v1/plans/${derivedId}`)).status).toBe(404);

    // Subscribing: only to what the customer's reseller offers.
    const wrong = subscribe(w.c1.orgId, published.body.currentVersion.id, w.c1.admin.userId);
    await expect(wrong).rejects.toMatchObject({ code: 'PLAN_NOT_AVAILABLE' });
    const sub = await subscribe(w.c1.orgId, derivedPublished.body.currentVersion.id, w.c1.admin.userId);
    expect(sub.status).toBe('pending');
    await expect(subscribe(w.c1.orgId, derivedPublished.body.currentVersion.id, w.c1.admin.userId)).rejects.toMatchObject({ code: 'SUBSCRIPTION_EXISTS' });
    const subView = await customer.get(`/v1/subscriptions/${sub.id}`);
    expect(subView.status).toBe(200);
    expect(subView.body.plan).toMatchObject({ id: derivedId, name: 'exchange-starter', version: 1 });
    expect(subView.body.quotas.find((q: any) => q.feature === 'exchange.mailboxes')).toEqual({
      feature: 'exchange.mailboxes',
      type: 'count',
      unit: 'mailboxes',
      limit: 5,
      used: 0,
      reserved: 0,
      freeing: 0,
      available: 5,
    });
    expect(subView.body.quotas.find((q: any) => q.feature === 'sharepoint.site_collections')).toMatchObject({ limit: 0, available: 0 });
    expect(subView.body.userPlans).toEqual([
      expect.objectContaining({ name: 'basic-mailbox', version: 1, settings: { mailbox: { sizeMb: 1024, owa: true }, activeSync: null, sip: null } }),
    ]);
    const listed = await customer.get(`/v1/organizations/${w.c1.orgId}/subscriptions`);
    expect(listed.body.items.map((s: any) => s.id)).toEqual([sub.id]);

    // Editing the published offer opens version 2; the subscription keeps version 1.
    const before = await reseller.get(`/v1/plans/${derivedId}`);
    const edit = await reseller.patch(`/v1/plans/${derivedId}`, { features: { 'exchange.mailboxes': 3 } }, { 'if-match': before.headers.etag as string });
    expect(edit.status).toBe(200);
    expect(edit.body.currentVersion.number).toBe(1);
    expect(edit.body.draftVersion.number).toBe(2);
    expect(edit.body.currentVersion.features['exchange.mailboxes']).toBe(5);
    // Customers never see drafts.
    expect((await customer.get(`/v1/plans/${derivedId}`)).body.draftVersion).toBeNull();
    expect((await customer.get(`/v1/plans/${derivedId}/versions`)).body.items.map((v: any) => v.number)).toEqual([1]);
    const v2 = await reseller.post(`/v1/plans/${derivedId}/publish`);
    expect(v2.body.currentVersion.number).toBe(2);
    const versions = await customer.get(`/v1/plans/${derivedId}/versions`);
    expect(versions.body.items.map((v: any) => [v.number, v.status, v.features['exchange.mailboxes']])).toEqual([
      [1, 'published', 5],
      [2, 'published', 3],
    ]);
    const still = await customer.get(`/v1/subscriptions/${sub.id}`);
    expect(still.body.plan.version).toBe(1);
    expect(still.body.quotas.find((q: any) => q.feature === 'exchange.mailboxes').limit).toBe(5);
    // New subscriptions get the current version only.
    await expect(subscribe(w.c2.orgId, derivedPublished.body.currentVersion.id, w.c2.admin.userId)).rejects.toMatchObject({ code: 'PLAN_VERSION_SUPERSEDED' });

    // Retiring stops new subscriptions and takes the offer off the customers' list.
    expect((await reseller.post(`/v1/plans/${derivedId}/retire`)).body.status).toBe('retired');
    // (the user plan it offered goes with it: nothing else offers it)
    expect((await customer.get('/v1/plans')).body.items.map((p: any) => p.name)).toEqual([]);
    await expect(subscribe(w.c2.orgId, v2.body.currentVersion.id, w.c2.admin.userId)).rejects.toMatchObject({ code: 'PLAN_RETIRED' });
    expect((await customer.get(`/v1/subscriptions/${sub.id}`)).body.plan.version).toBe(1);

    // Every change is in the audit trail, with its actor.
    const events = (
      await t.pool.query(`SELECT action, actor_user_id, resource_id FROM audit_events WHERE action LIKE 'plan.%' OR action LIKE 'subscription.%' ORDER BY id`)
    ).rows;
    const of = (action: string, id: string) => events.filter((e) => e.action === action && e.resource_id === id);
    expect(of('plan.created', hosterPlanId)[0].actor_user_id).toBe(w.hoster.admin.userId);
    expect(of('plan.published', hosterPlanId)).toHaveLength(1);
    expect(of('plan.made_available', hosterPlanId)).toHaveLength(1);
    expect(of('plan.created', derivedId)[0].actor_user_id).toBe(w.r1.admin.userId);
    expect(of('plan.updated', derivedId)).toHaveLength(2);
    expect(of('plan.published', derivedId)).toHaveLength(2);
    expect(of('plan.retired', derivedId)).toHaveLength(1);
    expect(of('subscription.created', sub.id)[0].actor_user_id).toBe(w.c1.admin.userId);
    // Looking at or touching another tenant's plan is on record, though it answered 404.
    const denied = (await t.pool.query(`SELECT actor_user_id, details FROM audit_events WHERE action = 'auth.denied' AND resource_id = $1`, [hosterPlanId]))
      .rows;
    expect(denied.map((d) => [d.actor_user_id, d.details.permission])).toEqual(
      expect.arrayContaining([
        [w.r1.admin.userId, 'catalog.read'],
        [w.r1.admin.userId, 'plans.write'],
        [w.c1.admin.userId, 'catalog.read'],
      ]),
    );
    // Refused attempts changed nothing.
    expect((await t.pool.query(`SELECT count(*)::int AS n FROM plans WHERE name LIKE 'bad-%' OR name = 'too-early'`)).rows[0].n).toBe(0);
  });

  it('documents the catalog routes with their permission and examples', async () => {
    const doc = await t.get('/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/v1/plans'].post['x-permission']).toBe('plans.write');
    expect(doc.body.paths['/v1/plans/{id}/availability'].post['x-permission']).toBe('plans.offer');
    expect(doc.body.paths['/v1/subscriptions/{id}'].get['x-permission']).toBe('subscriptions.read');
    expect(doc.body.paths['/v1/plans/{id}/publish'].post.responses['422'].description).toContain('PLAN_EXCEEDS_BASE');
    expect(doc.body.components.schemas.CreatePlanRequest.properties.name.example).toBe('business-basic');
    const examples = doc.body.paths['/v1/plans'].post.requestBody.content['application/json'].examples;
    expect(Object.keys(examples)).toEqual(['standard-mailbox', 'mobile-mailbox', 'executive', 'business-basic', 'business-premium', 'enterprise']);
    expect(examples['business-basic'].value).toMatchObject({
      kind: 'organization',
      services: ['directory', 'exchange', 'dns'],
      features: { 'exchange.mailboxes': 10 },
    });
  });

  it("shows the hoster's direct customers the hoster's published, active plans only", async () => {
    const hoster = as(w.hoster.admin.token);
    const direct = await t.post(
      '/v1/organizations',
      { kind: 'customer', name: 'Direct Co', parentId: w.hoster.orgId, admin: { username: 'direct.admin', displayName: 'Direct' } },
      { token: w.hoster.admin.token },
    );
    expect(direct.status).toBe(201);
    const customer = as(direct.body.admin.token.token);
    const make = async (name: string) => (await hoster.post('/v1/plans', { kind: 'organization', name, displayName: name, services: ['dns'] })).body.id;
    const published = await make('direct-dns');
    await hoster.post(`/v1/plans/${published}/publish`);
    const draft = await make('direct-draft');
    const retired = await make('direct-retired');
    await hoster.post(`/v1/plans/${retired}/publish`);
    await hoster.post(`/v1/plans/${retired}/retire`);
    const names = (await customer.get('/v1/plans?limit=200')).body.items.map((p: any) => p.name);
    expect(names).toContain('direct-dns');
    expect(names).not.toContain('direct-draft');
    expect(names).not.toContain('direct-retired');
    // Reseller offers are not the hoster's direct customers' business.
    expect(names).not.toContain('exchange-starter');
    expect((await customer.get(`/v1/plans/${draft}`)).status).toBe(404);
    const version = (await customer.get(`/v1/plans/${published}`)).body.currentVersion.id;
    const sub = await subscribe(direct.body.organization.id, version, direct.body.admin.id);
    expect(sub.planName).toBe('direct-dns');
    expect(sub.quotas.find((q) => q.feature === 'dns.zones')).toMatchObject({ limit: 1, available: 1 });
  });
});
