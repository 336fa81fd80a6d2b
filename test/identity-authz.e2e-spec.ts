import { PrincipalCache } from '../src/identity/principal-cache';
import { startTestApp, type TestApp } from './helpers/app';
import { everyone as all, type Expect, type Key, type MatrixRequest, RESELLER_KEYS, routesOf, runMatrix, tokensOf, withoutRow } from './helpers/authz-matrix';
import { buildWorld, type World } from './helpers/identity';
import { unique } from './helpers/unique';

/**
 * The authorization matrix of the identity routes: every route × every role × own vs another
 * tenant (and, for reseller roles, their own customer without a delegated token, next to the
 * delegated token itself), against one expectation table. A new identity route without a row
 * fails this test.
 */

interface Scenario {
  route: string;
  /** Targets are customers for every role (delegation routes). */
  customerTargets?: boolean;
  build(ctx: Ctx, target: string, key: Key): Promise<MatrixRequest>;
  /** For reseller roles: [own, other, ownCustomer]. */
  expect: Record<Key, Expect>;
}

interface Ctx {
  t: TestApp;
  w: World;
  fresh(prefix: string): string;
  freshUser(orgId: string, roles?: string[]): Promise<string>;
  resellerOf(orgId: string): string;
  resellerAdminOf(customerId: string): string;
}

const SCENARIOS: Scenario[] = [
  { route: 'GET /v1/me', build: async () => ({ method: 'GET', url: '/v1/me' }), expect: all(200) },
  { route: 'GET /v1/tokens', build: async () => ({ method: 'GET', url: '/v1/tokens' }), expect: all(200) },
  {
    route: 'POST /v1/tokens',
    build: async () => ({ method: 'POST', url: '/v1/tokens', body: { name: 'matrix' } }),
    expect: { HA: 201, HC: 201, HAU: 403, RA: 201, RC: 201, RAU: 403, OA: 201, OC: 201, EU: 201, OAU: 403, DLG: 403 },
  },
  {
    route: 'DELETE /v1/tokens/{id}',
    build: async (c, x) => {
      const user = await c.freshUser(x);
      const tok = await c.t.post(`/v1/users/${user}/tokens`, {}, { token: c.w.hoster.admin.token });
      return { method: 'DELETE', url: `/v1/tokens/${tok.body.id}` };
    },
    expect: {
      HA: [200, 200],
      HC: [200, 200],
      HAU: 403,
      RA: [200, 404, 404],
      RC: [404, 404, 404],
      RAU: 403,
      OA: [200, 404],
      OC: [200, 404],
      EU: [404, 404],
      OAU: 403,
      DLG: [404, 404],
    },
  },
  {
    route: 'GET /v1/organizations',
    build: async () => ({ method: 'GET', url: '/v1/organizations' }),
    expect: { ...all(200), EU: 403 },
  },
  {
    route: 'POST /v1/organizations',
    build: async (c, x) => ({ method: 'POST', url: '/v1/organizations', body: { kind: 'customer', name: c.fresh('Org '), parentId: c.resellerOf(x) } }),
    expect: { HA: [201, 201], HC: [201, 201], HAU: 403, RA: [201, 404, 201], RC: 403, RAU: 403, OA: [404, 404], OC: 403, EU: 403, OAU: 403, DLG: 403 },
  },
  {
    route: 'GET /v1/organizations/{id}',
    build: async (_c, x) => ({ method: 'GET', url: `/v1/organizations/${x}` }),
    expect: {
      HA: 200,
      HC: 200,
      HAU: 200,
      RA: [200, 404, 200],
      RC: [200, 404, 200],
      RAU: [200, 404, 200],
      OA: [200, 404],
      OC: [200, 404],
      EU: 403,
      OAU: [200, 404],
      DLG: [200, 404],
    },
  },
  {
    route: 'PATCH /v1/organizations/{id}',
    build: async (c, x) => ({ method: 'PATCH', url: `/v1/organizations/${x}`, body: { name: c.fresh('Renamed ') } }),
    expect: { HA: 200, HC: 200, HAU: 403, RA: [200, 404, 200], RC: 403, RAU: 403, OA: [200, 404], OC: 403, EU: 403, OAU: 403, DLG: [200, 404] },
  },
  {
    route: 'POST /v1/organizations/{id}/suspend',
    build: async (_c, x) => ({ method: 'POST', url: `/v1/organizations/${x}/suspend`, body: { reason: 'matrix' } }),
    // A reseller admin cannot suspend its own organization (409) but can suspend its customers.
    expect: { HA: 200, HC: 200, HAU: 403, RA: [409, 404, 200], RC: 403, RAU: 403, OA: 403, OC: 403, EU: 403, OAU: 403, DLG: 403 },
  },
  {
    route: 'POST /v1/organizations/{id}/resume',
    build: async (c, x) => {
      await c.t.post(`/v1/organizations/${x}/suspend`, { reason: 'matrix setup' }, { token: c.w.hoster.admin.token });
      return { method: 'POST', url: `/v1/organizations/${x}/resume`, body: {} };
    },
    // While its own organization is suspended a token gets 403 ORGANIZATION_SUSPENDED; a reseller
    // cannot lift the hoster's suspension of its customer (its own suspensions: identity-hardening).
    expect: { HA: 200, HC: 200, HAU: 403, RA: [403, 404, 403], RC: 403, RAU: 403, OA: 403, OC: 403, EU: 403, OAU: 403, DLG: 403 },
  },
  {
    route: 'GET /v1/organizations/{id}/users',
    build: async (_c, x) => ({ method: 'GET', url: `/v1/organizations/${x}/users` }),
    expect: {
      HA: 200,
      HC: 200,
      HAU: 403,
      RA: [200, 404, 404],
      RC: [200, 404, 404],
      RAU: 403,
      OA: [200, 404],
      OC: [200, 404],
      EU: 403,
      OAU: 403,
      DLG: [200, 404],
    },
  },
  {
    route: 'POST /v1/organizations/{id}/users',
    build: async (c, x) => ({
      method: 'POST',
      url: `/v1/organizations/${x}/users`,
      body: { username: c.fresh('m'), displayName: 'Matrix', roles: ['end_user'] },
    }),
    // org_csr may reset users but not create them (it cannot grant any role).
    expect: { HA: 201, HC: 201, HAU: 403, RA: [201, 404, 404], RC: 403, RAU: 403, OA: [201, 404], OC: [403, 404], EU: 403, OAU: 403, DLG: [201, 404] },
  },
  {
    route: 'GET /v1/users/{id}',
    build: async (c, x) => ({ method: 'GET', url: `/v1/users/${await c.freshUser(x)}` }),
    expect: {
      HA: 200,
      HC: 200,
      HAU: 404,
      RA: [200, 404, 404],
      RC: [200, 404, 404],
      RAU: 404,
      OA: [200, 404],
      OC: [200, 404],
      EU: 404,
      OAU: 404,
      DLG: [200, 404],
    },
  },
  {
    route: 'PATCH /v1/users/{id}',
    build: async (c, x) => ({ method: 'PATCH', url: `/v1/users/${await c.freshUser(x)}`, body: { displayName: 'Changed' } }),
    expect: { HA: 200, HC: 200, HAU: 404, RA: [200, 404, 404], RC: 404, RAU: 404, OA: [200, 404], OC: [200, 404], EU: 404, OAU: 404, DLG: [200, 404] },
  },
  {
    route: 'DELETE /v1/users/{id}',
    build: async (c, x) => ({ method: 'DELETE', url: `/v1/users/${await c.freshUser(x)}` }),
    expect: { HA: 204, HC: 204, HAU: 403, RA: [204, 404, 404], RC: 403, RAU: 403, OA: [204, 404], OC: 403, EU: 403, OAU: 403, DLG: [204, 404] },
  },
  {
    route: 'POST /v1/users/{id}/roles',
    build: async (c, x) => ({ method: 'POST', url: `/v1/users/${await c.freshUser(x)}/roles`, body: { role: 'auditor' } }),
    expect: { HA: 200, HC: 200, HAU: 403, RA: [200, 404, 404], RC: 403, RAU: 403, OA: [200, 404], OC: 403, EU: 403, OAU: 403, DLG: [200, 404] },
  },
  {
    route: 'DELETE /v1/users/{id}/roles',
    build: async (c, x) => ({ method: 'DELETE', url: `/v1/users/${await c.freshUser(x, ['end_user', 'auditor'])}/roles?role=auditor` }),
    expect: { HA: 200, HC: 200, HAU: 403, RA: [200, 404, 404], RC: 403, RAU: 403, OA: [200, 404], OC: 403, EU: 403, OAU: 403, DLG: [200, 404] },
  },
  {
    route: 'POST /v1/users/{id}/tokens',
    build: async (c, x) => ({ method: 'POST', url: `/v1/users/${await c.freshUser(x)}/tokens`, body: {} }),
    expect: { HA: 201, HC: 201, HAU: 403, RA: [201, 404, 404], RC: 403, RAU: 403, OA: [201, 404], OC: 403, EU: 403, OAU: 403, DLG: [201, 404] },
  },
  {
    route: 'GET /v1/delegations',
    build: async () => ({ method: 'GET', url: '/v1/delegations' }),
    expect: { HA: 200, HC: 200, HAU: 403, RA: 200, RC: 200, RAU: 403, OA: 200, OC: 403, EU: 403, OAU: 403, DLG: 200 },
  },
  {
    route: 'POST /v1/delegations',
    build: async (_c, x) => ({ method: 'POST', url: '/v1/delegations', body: { customerId: x, roles: ['org_csr'], duration: '1d' } }),
    // Only a reseller admin with its own token; on its own reseller org the target is not a customer.
    expect: { HA: 403, HC: 403, HAU: 403, RA: [422, 404, 201], RC: 403, RAU: 403, OA: 403, OC: 403, EU: 403, OAU: 403, DLG: 403 },
  },
  {
    route: 'POST /v1/delegations/{id}/approve',
    customerTargets: true,
    build: async (c, x) => {
      const d = await c.t.post('/v1/delegations', { customerId: x, roles: ['org_csr'], duration: '1d' }, { token: c.resellerAdminOf(x) });
      return { method: 'POST', url: `/v1/delegations/${d.body.id}/approve`, body: {} };
    },
    // A delegated token never approves delegations, even one holding org_admin.
    expect: { HA: 200, HC: 403, HAU: 403, RA: 403, RC: 403, RAU: 403, OA: [200, 404], OC: 403, EU: 403, OAU: 403, DLG: 404 },
  },
  {
    route: 'POST /v1/delegations/{id}/revoke',
    customerTargets: true,
    build: async (c, x) => ({ method: 'POST', url: `/v1/delegations/${await activeDelegation(c, x)}/revoke`, body: { reason: 'matrix' } }),
    expect: { HA: 200, HC: 404, HAU: 403, RA: [200, 404], RC: 404, RAU: 403, OA: [200, 404], OC: 403, EU: 403, OAU: 403, DLG: 404 },
  },
  {
    route: 'POST /v1/delegations/{id}/tokens',
    customerTargets: true,
    build: async (c, x) => ({ method: 'POST', url: `/v1/delegations/${await activeDelegation(c, x)}/tokens`, body: {} }),
    expect: { HA: 404, HC: 403, HAU: 403, RA: [201, 404], RC: [201, 404], RAU: 403, OA: 403, OC: 403, EU: 403, OAU: 403, DLG: 403 },
  },
];

async function activeDelegation(c: Ctx, customerId: string): Promise<string> {
  const d = await c.t.post('/v1/delegations', { customerId, roles: ['org_admin', 'org_csr'], duration: '1d' }, { token: c.resellerAdminOf(customerId) });
  const ok = await c.t.post(`/v1/delegations/${d.body.id}/approve`, {}, { token: c.w.hoster.admin.token });
  if (ok.status !== 200) throw new Error(`setup: approve failed ${ok.text}`);
  return d.body.id;
}

describe('identity authorization matrix', () => {
  let t: TestApp;
  let w: World;
  let ctx: Ctx;
  let tokens: Record<Key, string>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    tokens = tokensOf(w);
    const parents: Record<string, string> = { [w.c1.orgId]: w.r1.orgId, [w.c2.orgId]: w.r1.orgId, [w.c3.orgId]: w.r2.orgId };
    ctx = {
      t,
      w,
      fresh: unique,
      freshUser: async (orgId, roles = ['end_user']) => {
        const r = await t.post(`/v1/organizations/${orgId}/users`, { username: ctx.fresh('fu'), displayName: 'Fresh', roles }, { token: w.hoster.admin.token });
        if (r.status !== 201) throw new Error(`setup: fresh user failed ${r.text}`);
        return r.body.id;
      },
      resellerOf: (orgId) => parents[orgId] ?? orgId,
      resellerAdminOf: (customerId) => (parents[customerId] === w.r2.orgId ? w.r2.admin.token : w.r1.admin.token),
    };
  });
  afterAll(() => t.close());

  /** own, other and, for reseller roles outside customer targets, their own customer. */
  function targets(s: Scenario, key: Key): string[] {
    if (RESELLER_KEYS.includes(key)) return s.customerTargets ? [w.c1.orgId, w.c3.orgId] : [w.r1.orgId, w.r2.orgId, w.c1.orgId];
    if (key === 'HA' || key === 'HC' || key === 'HAU') return [w.c1.orgId, w.c3.orgId];
    return [w.c1.orgId, w.c2.orgId];
  }

  it('has a row for every identity route', () => {
    const identity = routesOf(t.app, ['MeController', 'TokensController', 'OrganizationsController', 'UsersController', 'DelegationsController']);
    expect(identity.length).toBeGreaterThan(20);
    expect(withoutRow(identity, SCENARIOS)).toEqual([]);
  });

  it('answers every route × role × tenant as the table says', async () => {
    const { mismatches, cases } = await runMatrix(t, tokens, SCENARIOS, {
      targets,
      request: (s, target, key) => s.build(ctx, target, key),
      // Restore anything a suspend left behind.
      after: async (s, target) => {
        if (s.route.includes('/suspend') || s.route.includes('/resume'))
          await t.post(`/v1/organizations/${target}/resume`, {}, { token: w.hoster.admin.token });
      },
    });
    expect(mismatches).toEqual([]);
    expect(cases).toBeGreaterThan(500);
  });

  describe('tokens that may no longer be used', () => {
    it('refuses a missing, malformed or unknown token with 401 and WWW-Authenticate', async () => {
      for (const auth of [undefined, 'Basic abc', 'Bearer nonsense', `Bearer pvs_${'A'.repeat(43)}`]) {
        const res = await t.request('GET', '/v1/me', { headers: auth ? { authorization: auth } : {} });
        expect(res.status).toBe(401);
        expect(res.headers['www-authenticate']).toContain('Bearer');
        expect(['UNAUTHENTICATED', 'TOKEN_INVALID']).toContain(res.body.code);
      }
    });

    it('refuses a revoked token on the very next request', async () => {
      const created = await t.post('/v1/tokens', { name: 'short-lived' }, { token: w.c1.admin.token });
      expect((await t.get('/v1/me', { token: created.body.token })).status).toBe(200);
      expect((await t.request('DELETE', `/v1/tokens/${created.body.id}`, { token: w.c1.admin.token })).status).toBe(200);
      const res = await t.get('/v1/me', { token: created.body.token });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_REVOKED');
    });

    it('refuses an expired token', async () => {
      const created = await t.post('/v1/tokens', {}, { token: w.c1.admin.token });
      await t.pool.query(`UPDATE tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.body.id]);
      // Out-of-band SQL: the trigger's notification reaches the cache asynchronously; don't race it.
      t.app.get(PrincipalCache).clear();
      const res = await t.get('/v1/me', { token: created.body.token });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_EXPIRED');
    });

    it('answers 403 ORGANIZATION_SUSPENDED for tokens of a suspended organization and of those below it', async () => {
      expect((await t.post(`/v1/organizations/${w.r2.orgId}/suspend`, { reason: 'unpaid' }, { token: w.hoster.admin.token })).status).toBe(200);
      for (const token of [w.r2.admin.token, w.c3.admin.token]) {
        const res = await t.get('/v1/me', { token });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('ORGANIZATION_SUSPENDED');
      }
      expect((await t.post(`/v1/organizations/${w.r2.orgId}/resume`, {}, { token: w.hoster.admin.token })).status).toBe(200);
      expect((await t.get('/v1/me', { token: w.c3.admin.token })).status).toBe(200);
    });

    it('refuses a delegated token once its delegation has ended', async () => {
      const d = await t.post('/v1/delegations', { customerId: w.c2.orgId, roles: ['org_csr'], duration: '1h' }, { token: w.r1.admin.token });
      await t.post(`/v1/delegations/${d.body.id}/approve`, {}, { token: w.c2.admin.token });
      const tok = await t.post(`/v1/delegations/${d.body.id}/tokens`, {}, { token: w.r1.admin.token });
      expect((await t.get('/v1/me', { token: tok.body.token })).status).toBe(200);
      await t.pool.query(`UPDATE delegations SET ends_at = now() - interval '1 second' WHERE id = $1`, [d.body.id]);
      // Out-of-band SQL: the trigger's notification reaches the cache asynchronously; don't race it.
      t.app.get(PrincipalCache).clear();
      const res = await t.get('/v1/me', { token: tok.body.token });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_EXPIRED');
      const list = await t.get(`/v1/delegations?customerId=${w.c2.orgId}`, { token: w.c2.admin.token });
      expect(list.body.items.find((x: any) => x.id === d.body.id).status).toBe('expired');
    });

    it('lets an unapproved delegation request expire', async () => {
      const d = await t.post('/v1/delegations', { customerId: w.c2.orgId, roles: ['org_csr'], duration: '1d' }, { token: w.r1.admin.token });
      await t.pool.query(`UPDATE delegations SET request_expires_at = now() - interval '1 second' WHERE id = $1`, [d.body.id]);
      const res = await t.post(`/v1/delegations/${d.body.id}/approve`, {}, { token: w.c2.admin.token });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('DELEGATION_NOT_PENDING');
    });

    it('refuses the tokens of a disabled user', async () => {
      const u = await t.post(`/v1/organizations/${w.c2.orgId}/users`, { username: ctx.fresh('dis'), displayName: 'To disable' }, { token: w.c2.admin.token });
      const tok = await t.post(`/v1/users/${u.body.id}/tokens`, {}, { token: w.c2.admin.token });
      expect((await t.request('PATCH', `/v1/users/${u.body.id}`, { token: w.c2.admin.token, body: { disabled: true } })).status).toBe(200);
      const res = await t.get('/v1/me', { token: tok.body.token });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('USER_DISABLED');
    });
  });

  it('never lets a principal grant a role at or above its own', async () => {
    const u = await t.post(`/v1/organizations/${w.c1.orgId}/users`, { username: ctx.fresh('g'), displayName: 'G' }, { token: w.c1.admin.token });
    const res = await t.post(`/v1/users/${u.body.id}/roles`, { role: 'org_admin' }, { token: w.c1.admin.token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ROLE_NOT_GRANTABLE');
    const wrongKind = await t.post(`/v1/users/${u.body.id}/roles`, { role: 'reseller_csr' }, { token: w.hoster.admin.token });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.code).toBe('ROLE_NOT_ALLOWED_HERE');
    const narrow = await t.post('/v1/tokens', { roles: ['hoster_admin'] }, { token: w.c1.admin.token });
    expect(narrow.status).toBe(422);
    expect(narrow.body.code).toBe('TOKEN_ROLES_EXCEED_OWNER');
  });
});
