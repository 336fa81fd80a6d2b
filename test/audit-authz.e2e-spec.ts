import { Injectable, Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { seedCatalog } from '../src/catalog/catalog-seed';
import { MUTATING_PERMISSIONS, type Permission, ROLE_PERMISSIONS } from '../src/access/permissions';
import { startTestApp, type TestApp } from './helpers/app';
import { buildWorld, type World } from './helpers/identity';
import { listRoutes } from './helpers/routes';

/**
 * The auditor can read and nothing else: for every route registered in the app — collected from
 * Fastify itself as they are added, so routes from plugins and Swagger count too — an auditor
 * token (hoster, reseller, customer, and a reseller's delegated auditor-only token) gets no 2xx on
 * any mutating method and changes nothing; and what auditors are for (the trail, orders with
 * their timeline, runs and steps) they can read, in scope only.
 */

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every route Fastify registers, recorded through its onRoute hook from the app's first module on. */
@Injectable()
class RouteRecorder {
  static routes: { method: string; url: string }[] = [];
  constructor(host: HttpAdapterHost) {
    host.httpAdapter.getInstance().addHook('onRoute', (opts: { method: string | string[]; url: string }) => {
      for (const method of [opts.method].flat()) RouteRecorder.routes.push({ method: method.toUpperCase(), url: opts.url });
    });
  }
}
@Module({ providers: [RouteRecorder] })
class RouteRecorderModule {}

describe('auditors are read-only', () => {
  let t: TestApp;
  let w: World;
  let auditors: Record<string, string>;
  let c1Order: string;
  let c3Order: string;
  let c1Run: string;
  let c3Run: string;
  let planId: string;

  beforeAll(async () => {
    t = await startTestApp({ imports: [RouteRecorderModule] });
    w = await buildWorld(t);
    await seedCatalog(t.app.get(DataSource));
    const hoster = w.hoster.admin.token;
    const premium = (await t.get('/v1/plans?name=business-premium', { token: hoster })).body.items[0];
    planId = premium.id;
    await t.post(`/v1/plans/${premium.id}/availability`, { resellerIds: [w.r1.orgId, w.r2.orgId] }, { token: hoster });
    for (const r of [w.r1, w.r2]) {
      const d = await t.post('/v1/plans', { kind: 'organization', name: 'resold', displayName: 'Resold', basePlanId: premium.id }, { token: r.admin.token });
      await t.post(`/v1/plans/${d.body.id}/publish`, {}, { token: r.admin.token });
    }
    // No engine runs here: the orders stay queued with their runs, which is all reads need.
    const subscribe = async (c: { orgId: string; admin: { token: string } }, domain: string) => {
      const res = await t.post('/v1/orders', { type: 'subscribe', organizationId: c.orgId, plan: 'resold', domain }, { token: c.admin.token });
      if (res.status !== 202) throw new Error(`setup subscribe: ${res.text}`);
      const run = (await t.pool.query('SELECT run_id FROM orders WHERE id = $1', [res.body.id])).rows[0].run_id as string;
      return { order: res.body.id as string, run };
    };
    ({ order: c1Order, run: c1Run } = await subscribe(w.c1, 'c1-audit.example'));
    ({ order: c3Order, run: c3Run } = await subscribe(w.c3, 'c3-audit.example'));
    const onlyAuditor = await t.post(`/v1/delegations/${w.delegation.id}/tokens`, { roles: ['auditor'] }, { token: w.r1.admin.token });
    expect(onlyAuditor.status).toBe(201);
    auditors = { hoster: w.hoster.auditor.token, reseller: w.r1.auditor.token, customer: w.c1.auditor.token, delegated: onlyAuditor.body.token };
  });
  afterAll(() => t.close());

  it('grants the auditor role no mutating permission', () => {
    const held = ROLE_PERMISSIONS.auditor.filter((p) => MUTATING_PERMISSIONS.has(p));
    expect(held).toEqual([]);
    expect([...ROLE_PERMISSIONS.auditor].sort()).toEqual(['audit.read', 'me.read', 'orders.read', 'organizations.read', 'runs.read', 'tokens.read']);
  });

  it('lets an auditor past the route guard of one mutating route only: its own profile, which the service refuses', () => {
    const routes = listRoutes(t.app).filter((r) => MUTATING.has(r.method));
    expect(routes.length).toBeGreaterThan(20);
    const auditorMay = new Set<string>([...ROLE_PERMISSIONS.auditor, 'authenticated', 'public']);
    const reachable = routes.filter((r) => auditorMay.has(r.permission as Permission)).map((r) => `${r.method} ${r.path}: ${r.permission}`);
    // PATCH /v1/users/{id} is 'authenticated' (your own profile, or users below you): the service
    // requires profile.write for yourself, which auditors lack; the live test below proves it.
    expect(reachable).toEqual(['PATCH /v1/users/{id}: authenticated']);
  });

  it('gets no 2xx on any mutating route registered in the app, and changes nothing', async () => {
    const routes = RouteRecorder.routes.filter((r) => MUTATING.has(r.method));
    expect(routes.length).toBeGreaterThan(20);
    // The recorder saw what Nest declares (and possibly more, e.g. plugin routes).
    const fastifyKeys = new Set(routes.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`));
    for (const r of listRoutes(t.app).filter((x) => MUTATING.has(x.method))) expect(fastifyKeys).toContain(`${r.method} ${r.path}`);

    // Real ids in the auditors' scope, so a missing check would succeed rather than 404.
    let self = '';
    const selfOf: Record<string, string> = {
      hoster: w.hoster.auditor.userId,
      reseller: w.r1.auditor.userId,
      customer: w.c1.auditor.userId,
      delegated: w.r1.admin.userId,
    };
    const ownToken = (await t.get('/v1/tokens', { token: auditors.customer })).body;
    const ownTokenId = (Array.isArray(ownToken) ? ownToken : ownToken.items)[0].id as string;
    const idFor = (url: string, name: string): string => {
      if (name !== 'id') return 'x';
      if (url.startsWith('/v1/organizations/')) return w.c1.orgId;
      if (url.startsWith('/v1/users/')) return self;
      if (url.startsWith('/v1/delegations/')) return w.delegation.id;
      if (url.startsWith('/v1/tokens/')) return ownTokenId;
      if (url.startsWith('/v1/orders/')) return c1Order;
      if (url.startsWith('/v1/provisioning/runs/')) return c1Run;
      if (url.startsWith('/v1/plans/')) return planId;
      return 'zzz_01jdx3m5v8k2q9w7e4r6t1y0ab';
    };
    const before = Number((await t.pool.query(`SELECT count(*) FROM audit_events WHERE action <> 'auth.denied'`)).rows[0].count);
    const allowed: string[] = [];
    for (const route of routes) {
      for (const [who, token] of Object.entries(auditors)) {
        self = selfOf[who];
        const url = route.url.replace(/:(\w+)/g, (_, name: string) => idFor(route.url, name));
        let res = await t.request(route.method, url, { token, body: route.method === 'DELETE' ? undefined : {} });
        if (res.status === 415) res = await t.request(route.method, url, { token, raw: '<request/>', contentType: 'application/xml' });
        if (res.status >= 200 && res.status < 300) allowed.push(`${who}: ${route.method} ${route.url} → ${res.status}`);
        // The guard refuses before anything else (403). Own profile: the service refuses (403), and
        // a delegated token's user is the reseller's, outside the customer it acts in (404).
        const expected = route.method === 'PATCH' && route.url === '/v1/users/:id' && who === 'delegated' ? 404 : 403;
        expect({ who, route: `${route.method} ${route.url}`, status: res.status }).toEqual({ who, route: `${route.method} ${route.url}`, status: expected });
      }
    }
    expect(allowed).toEqual([]);
    const after = Number((await t.pool.query(`SELECT count(*) FROM audit_events WHERE action <> 'auth.denied'`)).rows[0].count);
    expect(after).toBe(before);
  });

  it('reads the trail, orders with their timeline, runs and steps — in scope only', async () => {
    // [hoster, reseller R1, customer C1, delegated on C1]; C3 belongs to the other reseller.
    const rows: [string, number[]][] = [
      ['/v1/audit/events', [200, 200, 200, 200]],
      ['/v1/audit/events/export', [200, 200, 200, 200]],
      ['/v1/audit/checkpoints', [200, 200, 200, 200]],
      ['/v1/audit/verify', [200, 403, 403, 403]],
      ['/v1/orders', [200, 200, 200, 200]],
      [`/v1/orders/${c1Order}`, [200, 200, 200, 200]],
      [`/v1/orders/${c1Order}/timeline`, [200, 200, 200, 200]],
      [`/v1/orders/${c1Order}/request`, [200, 200, 200, 200]],
      [`/v1/orders/${c3Order}`, [200, 404, 404, 404]],
      [`/v1/orders/${c3Order}/timeline`, [200, 404, 404, 404]],
      ['/v1/provisioning/runs', [200, 200, 200, 200]],
      [`/v1/provisioning/runs/${c1Run}`, [200, 200, 200, 200]],
      [`/v1/provisioning/runs/${c1Run}/steps`, [200, 200, 200, 200]],
      [`/v1/provisioning/runs/${c3Run}`, [200, 404, 404, 404]],
      [`/v1/provisioning/runs/${c3Run}/steps`, [200, 404, 404, 404]],
    ];
    const got: string[] = [];
    const want: string[] = [];
    for (const [url, statuses] of rows) {
      const tokens = Object.values(auditors);
      for (let i = 0; i < tokens.length; i++) {
        const res = await t.get(url, { token: tokens[i] });
        got.push(`${Object.keys(auditors)[i]} GET ${url} → ${res.status}`);
        want.push(`${Object.keys(auditors)[i]} GET ${url} → ${statuses[i]}`);
      }
    }
    expect(got).toEqual(want);

    // Lists show only what is in scope.
    const orders = (await t.get('/v1/orders', { token: auditors.customer })).body.items.map((o: any) => o.id);
    expect(orders).toContain(c1Order);
    expect(orders).not.toContain(c3Order);
    const runs = (await t.get('/v1/provisioning/runs', { token: auditors.reseller })).body.items.map((r: any) => r.id);
    expect(runs).toContain(c1Run);
    expect(runs).not.toContain(c3Run);
  });

  it('is not refused any read route its permissions cover', async () => {
    const mine = new Set<string>(ROLE_PERMISSIONS.auditor);
    const reads = RouteRecorder.routes.filter((r) => r.method === 'GET' && !r.url.includes(':') && r.url.startsWith('/v1/'));
    const meta = new Map(listRoutes(t.app).map((r) => [`${r.method} ${r.path}`, r.permission]));
    const refused: string[] = [];
    for (const r of reads) {
      const permission = meta.get(`GET ${r.url}`);
      if (!permission || !mine.has(permission)) continue;
      const res = await t.get(r.url, { token: auditors.hoster });
      if (res.status === 403) refused.push(`GET ${r.url}`);
    }
    expect(refused).toEqual([]);
  });
});
