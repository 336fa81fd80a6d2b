import { DataSource } from 'typeorm';
import { createSubscription } from '../src/catalog/subscriptions';
import { inTransaction } from '../src/database/sql';
import { startTestApp, type TestApp } from './helpers/app';
import { type Expect, HOSTER_KEYS, type Key, type MatrixRequest, RESELLER_KEYS, routesOf, runMatrix, tokensOf, withoutRow } from './helpers/authz-matrix';
import { buildWorld, type World } from './helpers/identity';
import { unique as fresh } from './helpers/unique';

/**
 * The authorization matrix of the catalog routes: every route × every role × own vs another
 * tenant, against one expectation table; reseller staff with their own tokens (RA, RC, RAU) next
 * to a reseller user acting through a delegated token in its customer (DLG). A catalog route
 * without a row fails the test.
 *
 * Targets, per kind of route:
 * - `plan`: hoster staff — own: a hoster plan, other: reseller R2's plan; reseller staff — own:
 *   R1's plan, other: R2's plan, third: the hoster plan offered to R1; customers (and DLG) — own:
 *   the plan their reseller R1 offers, other: R2's plan (offered to another reseller's customers).
 *   Routes that change a plan get a fresh plan of that owner each time.
 * - `org` (subscriptions): hoster staff C1 / C3; reseller staff C1 (own customer, no delegated
 *   token) / C3, third: R1 itself; customers C1 / C2.
 * - `none`: routes without a target.
 */

type Owner = 'H' | 'R1' | 'R2';
type TargetKind = 'none' | 'plan' | 'org' | 'subscription';

interface Scenario {
  route: string;
  target: TargetKind;
  build(ctx: Ctx, target: string, key: Key): Promise<MatrixRequest>;
  expect: Record<Key, Expect>;
}

interface Ctx {
  t: TestApp;
  w: World;
  /** The published hoster plan offered to R1 and R2. */
  hosterPlan: string;
  planOf: Record<Owner, string>;
  subscriptionOf: Record<string, string>;
  fresh(prefix: string): string;
  /** A new plan of that owner: a draft, or published. */
  freshPlan(owner: Owner, published: boolean): Promise<string>;
  etag(planId: string): Promise<string>;
}

const READERS: Record<Key, Expect> = { HA: 200, HC: 200, HAU: 403, RA: 200, RC: 200, RAU: 403, OA: 200, OC: 200, EU: 403, OAU: 403, DLG: 200 };
const WRITERS_ONLY = (own: number, hosterOther: number): Record<Key, Expect> => ({
  HA: [own, hosterOther],
  HC: 403,
  HAU: 403,
  RA: [own, 404, 404],
  RC: 403,
  RAU: 403,
  OA: 403,
  OC: 403,
  EU: 403,
  OAU: 403,
  DLG: 403,
});
const PLAN_READ: Record<Key, Expect> = {
  HA: [200, 200],
  HC: [200, 200],
  HAU: 403,
  RA: [200, 404, 200],
  RC: [200, 404, 200],
  RAU: 403,
  OA: [200, 404],
  OC: [200, 404],
  EU: 403,
  OAU: 403,
  DLG: [200, 404],
};
// Reseller staff read their customers' subscriptions with their own token (not customer data).
const SUBSCRIPTION_READ: Record<Key, Expect> = {
  HA: [200, 200],
  HC: [200, 200],
  HAU: 403,
  RA: [200, 404, 200],
  RC: [200, 404, 200],
  RAU: 403,
  OA: [200, 404],
  OC: [200, 404],
  EU: 403,
  OAU: 403,
  DLG: [200, 404],
};

const SCENARIOS: Scenario[] = [
  { route: 'GET /v1/services', target: 'none', build: async () => ({ method: 'GET', url: '/v1/services' }), expect: READERS },
  { route: 'GET /v1/plans', target: 'none', build: async () => ({ method: 'GET', url: '/v1/plans' }), expect: READERS },
  {
    route: 'POST /v1/plans',
    target: 'none',
    build: async (c, _x, key) => ({
      method: 'POST',
      url: '/v1/plans',
      body: RESELLER_KEYS.includes(key)
        ? { kind: 'organization', name: c.fresh('m-'), displayName: 'Matrix derived', basePlanId: c.hosterPlan }
        : { kind: 'organization', name: c.fresh('m-'), displayName: 'Matrix', services: ['dns'] },
    }),
    expect: { HA: 201, HC: 403, HAU: 403, RA: 201, RC: 403, RAU: 403, OA: 403, OC: 403, EU: 403, OAU: 403, DLG: 403 },
  },
  { route: 'GET /v1/plans/{id}', target: 'plan', build: async (_c, x) => ({ method: 'GET', url: `/v1/plans/${x}` }), expect: PLAN_READ },
  { route: 'GET /v1/plans/{id}/versions', target: 'plan', build: async (_c, x) => ({ method: 'GET', url: `/v1/plans/${x}/versions` }), expect: PLAN_READ },
  {
    route: 'PATCH /v1/plans/{id}',
    target: 'plan',
    build: async (c, x) => {
      const id = await c.freshPlan(x as Owner, true);
      return { method: 'PATCH', url: `/v1/plans/${id}`, body: { displayName: 'Renamed' }, headers: { 'if-match': await c.etag(id) } };
    },
    expect: WRITERS_ONLY(200, 200),
  },
  {
    route: 'POST /v1/plans/{id}/publish',
    target: 'plan',
    build: async (c, x) => ({ method: 'POST', url: `/v1/plans/${await c.freshPlan(x as Owner, false)}/publish`, body: {} }),
    expect: WRITERS_ONLY(200, 200),
  },
  {
    route: 'POST /v1/plans/{id}/retire',
    target: 'plan',
    build: async (c, x) => ({ method: 'POST', url: `/v1/plans/${await c.freshPlan(x as Owner, true)}/retire`, body: {} }),
    expect: WRITERS_ONLY(200, 200),
  },
  {
    route: 'POST /v1/plans/{id}/availability',
    target: 'plan',
    build: async (c, x) => ({ method: 'POST', url: `/v1/plans/${await c.freshPlan(x as Owner, true)}/availability`, body: { resellerIds: [c.w.r1.orgId] } }),
    // Hoster staff offer the hoster's plans only (a reseller's plan is not offerable); a reseller
    // admin holds plans.offer but offers to its customers by publishing, not with this route.
    expect: { HA: [200, 422], HC: 403, HAU: 403, RA: 403, RC: 403, RAU: 403, OA: 403, OC: 403, EU: 403, OAU: 403, DLG: 403 },
  },
  {
    route: 'GET /v1/organizations/{id}/subscriptions',
    target: 'org',
    build: async (_c, x) => ({ method: 'GET', url: `/v1/organizations/${x}/subscriptions` }),
    expect: SUBSCRIPTION_READ,
  },
  {
    route: 'GET /v1/subscriptions/{id}',
    target: 'subscription',
    build: async (c, x) => ({ method: 'GET', url: `/v1/subscriptions/${c.subscriptionOf[x]}` }),
    expect: { ...SUBSCRIPTION_READ, RA: [200, 404], RC: [200, 404] },
  },
];

describe('catalog authorization matrix', () => {
  let t: TestApp;
  let w: World;
  let ctx: Ctx;
  let tokens: Record<Key, string>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    tokens = tokensOf(w);
    const ownerToken: Record<Owner, string> = { H: w.hoster.admin.token, R1: w.r1.admin.token, R2: w.r2.admin.token };
    const ok = <R extends { status: number; text: string }>(res: R, status: number, what: string): R => {
      if (res.status !== status) throw new Error(`setup: ${what}: ${res.status} ${res.text}`);
      return res;
    };

    const hosterPlan = ok(
      await t.post(
        '/v1/plans',
        {
          kind: 'organization',
          name: 'matrix-base',
          displayName: 'Matrix base',
          services: ['directory', 'exchange', 'dns'],
          features: { 'exchange.mailboxes': 10 },
        },
        { token: w.hoster.admin.token },
      ),
      201,
      'hoster plan',
    ).body.id;
    ok(await t.post(`/v1/plans/${hosterPlan}/publish`, {}, { token: w.hoster.admin.token }), 200, 'publish hoster plan');
    ok(await t.post(`/v1/plans/${hosterPlan}/availability`, { resellerIds: [w.r1.orgId, w.r2.orgId] }, { token: w.hoster.admin.token }), 200, 'offer');

    const freshPlan = async (owner: Owner, published: boolean): Promise<string> => {
      const body =
        owner === 'H'
          ? { kind: 'organization', name: fresh('p-'), displayName: 'Fresh', services: ['directory', 'exchange'] }
          : { kind: 'organization', name: fresh('p-'), displayName: 'Fresh', basePlanId: hosterPlan };
      const id = ok(await t.post('/v1/plans', body, { token: ownerToken[owner] }), 201, `fresh plan of ${owner}`).body.id;
      if (published) ok(await t.post(`/v1/plans/${id}/publish`, {}, { token: ownerToken[owner] }), 200, 'publish fresh plan');
      return id;
    };
    const r1Plan = await freshPlan('R1', true);
    const r2Plan = await freshPlan('R2', true);

    const ds = t.app.get(DataSource);
    const versionOf = async (planId: string) => (await t.pool.query(`SELECT current_version_id FROM plans WHERE id = $1`, [planId])).rows[0].current_version_id;
    const subscriptionOf: Record<string, string> = {};
    for (const [org, plan] of [
      [w.c1.orgId, r1Plan],
      [w.c2.orgId, r1Plan],
      [w.c3.orgId, r2Plan],
    ]) {
      const version = await versionOf(plan);
      subscriptionOf[org] = (
        await inTransaction(ds, (sql) => createSubscription(sql, { organizationId: org, planVersionId: version, actor: { system: 'test' } }))
      ).id;
    }

    ctx = {
      t,
      w,
      hosterPlan,
      planOf: { H: hosterPlan, R1: r1Plan, R2: r2Plan },
      subscriptionOf,
      fresh,
      freshPlan,
      etag: async (id) => (await t.get(`/v1/plans/${id}`, { token: w.hoster.admin.token })).headers.etag as string,
    };
  });
  afterAll(() => t.close());

  /** own, other and (reseller staff) third target of a key, as owners, organization ids or subscription keys. */
  function targets(kind: TargetKind, key: Key): string[] {
    const hoster = HOSTER_KEYS.includes(key);
    const reseller = RESELLER_KEYS.includes(key);
    switch (kind) {
      case 'none':
        return [''];
      case 'plan':
        return hoster ? ['H', 'R2'] : reseller ? ['R1', 'R2', 'H'] : ['R1', 'R2'];
      case 'org':
        return hoster ? [w.c1.orgId, w.c3.orgId] : reseller ? [w.c1.orgId, w.c3.orgId, w.r1.orgId] : [w.c1.orgId, w.c2.orgId];
      case 'subscription':
        return hoster || reseller ? [w.c1.orgId, w.c3.orgId] : [w.c1.orgId, w.c2.orgId];
    }
  }

  it('has a row for every catalog route', () => {
    const catalog = routesOf(t.app, ['ServicesController', 'PlansController', 'SubscriptionsController']);
    expect(catalog.length).toBeGreaterThanOrEqual(11);
    expect(withoutRow(catalog, SCENARIOS)).toEqual([]);
  });

  it('answers every route × role × tenant as the table says', async () => {
    const { mismatches, cases } = await runMatrix(t, tokens, SCENARIOS, {
      targets: (s, key) => targets(s.target, key),
      // Plan routes that change a plan get the owner (they make a fresh plan of it); the others that owner's plan.
      request: (s, target, key) =>
        s.build(ctx, s.target === 'plan' && !['PATCH', 'POST'].includes(s.route.split(' ')[0]) ? ctx.planOf[target as Owner] : target, key),
    });
    expect(mismatches).toEqual([]);
    expect(cases).toBeGreaterThan(200);
  });

  it('shows each kind of principal exactly the plans meant for it', async () => {
    const names = async (key: Key) => ((await t.get('/v1/plans?limit=200', { token: tokens[key] })).body.items as any[]).map((p) => p.ownerOrganizationId);
    // Customers of R1 (and R1 acting through a delegated token) see R1's published offers only.
    for (const key of ['OA', 'OC', 'DLG'] as Key[]) expect(new Set(await names(key))).toEqual(new Set([w.r1.orgId]));
    // R1 staff: its own plans and the hoster's plans offered to it, never R2's.
    const r1 = new Set(await names('RA'));
    expect(r1.has(w.r2.orgId)).toBe(false);
    expect(r1).toEqual(new Set([w.r1.orgId, w.hoster.orgId]));
    expect(new Set(await names('HC'))).toEqual(new Set([w.hoster.orgId, w.r1.orgId, w.r2.orgId]));
  });

  it('never shows drafts to those who cannot edit the plan', async () => {
    const draft = await ctx.freshPlan('R1', false);
    expect((await t.get(`/v1/plans/${draft}`, { token: tokens.OA })).status).toBe(404);
    expect((await t.get(`/v1/plans/${draft}`, { token: tokens.RC })).body.draftVersion).toBeNull();
    expect((await t.get(`/v1/plans/${draft}`, { token: tokens.RA })).body.draftVersion.number).toBe(1);
    expect((await t.get(`/v1/plans/${draft}/versions`, { token: tokens.RC })).body.items).toEqual([]);
  });
});
