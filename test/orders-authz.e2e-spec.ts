import { DataSource } from 'typeorm';
import { seedCatalog } from '../src/catalog/catalog-seed';
import { startTestApp, type TestApp } from './helpers/app';
import { type Expect, type Key, routesOf, runMatrix, tokensOf, withoutRow } from './helpers/authz-matrix';
import { buildWorld, type World } from './helpers/identity';
import { unique as fresh } from './helpers/unique';

/**
 * Authorization matrix of the order routes: every route × role × own vs another customer, and a
 * reseller's own token next to its delegated token. No engine runs here: orders stay queued,
 * which is all access control needs.
 */
interface Scenario {
  route: string;
  build(target: string): Promise<{ method: string; url: string; body?: unknown }>;
  expect: Record<Key, Expect>;
}

describe('orders authorization matrix', () => {
  let t: TestApp;
  let w: World;
  let tokens: Record<Key, string>;
  let orderOf: (org: string) => Promise<string>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    await seedCatalog(t.app.get(DataSource));
    const hoster = w.hoster.admin.token;
    const premium = (await t.get('/v1/plans?name=business-premium', { token: hoster })).body.items[0];
    await t.post(`/v1/plans/${premium.id}/availability`, { resellerIds: [w.r1.orgId, w.r2.orgId] }, { token: hoster });
    for (const r of [w.r1, w.r2]) {
      const d = await t.post('/v1/plans', { kind: 'organization', name: 'resold', displayName: 'Resold', basePlanId: premium.id }, { token: r.admin.token });
      await t.post(`/v1/plans/${d.body.id}/publish`, {}, { token: r.admin.token });
    }
    // Every customer gets a (queued) subscription so other orders can be placed against it.
    for (const [c, domain] of [
      [w.c1, 'c1.example'],
      [w.c2, 'c2.example'],
      [w.c3, 'c3.example'],
    ] as const) {
      const res = await t.post('/v1/orders', { type: 'subscribe', organizationId: c.orgId, plan: 'resold', domain }, { token: c.admin.token });
      if (res.status !== 202) throw new Error(`setup subscribe: ${res.text}`);
    }
    tokens = tokensOf(w);
    orderOf = async (org: string) => {
      const res = await t.post(
        '/v1/orders',
        { type: 'add_dns_records', organizationId: org, records: [{ name: fresh('h'), type: 'A', value: '198.51.100.7' }] },
        { token: hoster },
      );
      if (res.status !== 202) throw new Error(`setup order: ${res.text}`);
      return res.body.id;
    };
  });
  afterAll(() => t.close());

  const readers: Record<Key, Expect> = {
    HA: 200,
    HC: 200,
    HAU: 200,
    RA: 403,
    RC: 403,
    RAU: [200, 404],
    OA: [200, 404],
    OC: [200, 404],
    EU: 403,
    OAU: [200, 404],
    DLG: [200, 404],
  };
  const writers = (ok: number): Record<Key, Expect> => ({
    HA: ok,
    HC: ok,
    HAU: 403,
    RA: 403,
    RC: 403,
    RAU: 403,
    OA: [ok, 404],
    OC: 403,
    EU: 403,
    OAU: 403,
    DLG: [ok, 404],
  });

  const SCENARIOS: Scenario[] = [
    {
      route: 'POST /v1/orders',
      build: async (x) => ({
        method: 'POST',
        url: '/v1/orders',
        body: { type: 'add_dns_records', organizationId: x, records: [{ name: fresh('m'), type: 'A', value: '203.0.113.9' }] },
      }),
      expect: writers(202),
    },
    {
      route: 'GET /v1/orders',
      build: async () => ({ method: 'GET', url: '/v1/orders' }),
      expect: { HA: 200, HC: 200, HAU: 200, RA: 403, RC: 403, RAU: 200, OA: 200, OC: 200, EU: 403, OAU: 200, DLG: 200 },
    },
    { route: 'GET /v1/orders/{id}', build: async (x) => ({ method: 'GET', url: `/v1/orders/${await orderOf(x)}` }), expect: readers },
    { route: 'GET /v1/orders/{id}/request', build: async (x) => ({ method: 'GET', url: `/v1/orders/${await orderOf(x)}/request` }), expect: readers },
    {
      route: 'GET /v1/orders/{id}/response',
      build: async (x) => ({ method: 'GET', url: `/v1/orders/${await orderOf(x)}/response` }),
      // Queued orders have no response yet: readers in scope learn that (409), others get 404/403.
      expect: { HA: 409, HC: 409, HAU: 409, RA: 403, RC: 403, RAU: [409, 404], OA: [409, 404], OC: [409, 404], EU: 403, OAU: [409, 404], DLG: [409, 404] },
    },
    { route: 'GET /v1/orders/{id}/timeline', build: async (x) => ({ method: 'GET', url: `/v1/orders/${await orderOf(x)}/timeline` }), expect: readers },
    {
      route: 'POST /v1/orders/{id}/cancel',
      build: async (x) => ({ method: 'POST', url: `/v1/orders/${await orderOf(x)}/cancel`, body: {} }),
      expect: writers(200),
    },
  ];

  function targets(key: Key): [string, string] {
    if (key === 'HA' || key === 'HC' || key === 'HAU') return [w.c1.orgId, w.c3.orgId];
    if (key === 'RA' || key === 'RC' || key === 'RAU') return [w.c1.orgId, w.c3.orgId];
    return [w.c1.orgId, w.c2.orgId];
  }

  it('has a row for every order route', () => {
    const routes = routesOf(t.app, ['OrdersController']);
    expect(routes.length).toBe(7);
    expect(withoutRow(routes, SCENARIOS)).toEqual([]);
  });

  it('answers every route × role × customer as the table says', async () => {
    const { mismatches } = await runMatrix(t, tokens, SCENARIOS, { targets: (_s, key) => targets(key), request: (s, target) => s.build(target) });
    expect(mismatches).toEqual([]);
  });

  it('lists only the orders in scope', async () => {
    const orgsSeen = async (key: Key) => {
      const res = await t.get('/v1/orders?limit=200', { token: tokens[key] });
      return new Set(res.body.items.map((o: any) => o.organizationId));
    };
    expect(await orgsSeen('OA')).toEqual(new Set([w.c1.orgId]));
    expect(await orgsSeen('DLG')).toEqual(new Set([w.c1.orgId]));
    expect(await orgsSeen('RAU')).toEqual(new Set([w.c1.orgId, w.c2.orgId]));
    expect(await orgsSeen('HAU')).toEqual(new Set([w.c1.orgId, w.c2.orgId, w.c3.orgId]));
  });
});
