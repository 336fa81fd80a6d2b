import { startTestApp, type TestApp } from './helpers/app';
import { onboardXml, submitXml, uniqueDomain } from './helpers/engine-e2e';
import { type Expect, type Key, type MatrixRequest, routesOf, runMatrix, tokensOf, withoutRow } from './helpers/authz-matrix';
import { buildWorld, type World } from './helpers/identity';

/**
 * Authorization matrix of the provisioning run routes and the engines list: every route × role ×
 * own vs another customer (own = C1 under R1, other = C3 under R2, or C2 for customer roles),
 * a reseller's own token next to a delegated one. No engine runs: runs are set to the status an
 * action needs directly, which is all access control needs.
 */
interface Scenario {
  route: string;
  build(target: string): Promise<MatrixRequest>;
  expect: Record<Key, Expect>;
}

describe('provisioning runs authorization matrix', () => {
  let t: TestApp;
  let w: World;
  let tokens: Record<Key, string>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    tokens = tokensOf(w);
  });
  afterAll(() => t.close());

  /** A run of `org` in `status` (a fresh one per request: actions change it). */
  async function runOf(org: string, status = 'queued'): Promise<string> {
    const run = await submitXml(t.pool, onboardXml(org, uniqueDomain('authz')), { organizationId: org });
    if (status !== 'queued') await t.pool.query(`UPDATE provisioning_runs SET status = $2 WHERE id = $1`, [run.id, status]);
    return run.id;
  }

  // runs.read: hoster staff and auditors (in their subtree, delegated auditors in their customer).
  const readers: Record<Key, Expect> = {
    HA: 200,
    HC: 200,
    HAU: 200,
    RA: 403,
    RC: 403,
    RAU: [200, 404],
    OA: 403,
    OC: 403,
    EU: 403,
    OAU: [200, 404],
    DLG: [200, 404],
  };
  // runs.operate: hoster staff only (hoster CSRs on customers, not on the hoster itself).
  const operators: Record<Key, Expect> = { HA: 200, HC: 200, HAU: 403, RA: 403, RC: 403, RAU: 403, OA: 403, OC: 403, EU: 403, OAU: 403, DLG: 403 };
  const onlyHosterAdmin = (ok: number): Record<Key, Expect> => ({
    HA: ok,
    HC: 403,
    HAU: 403,
    RA: 403,
    RC: 403,
    RAU: 403,
    OA: 403,
    OC: 403,
    EU: 403,
    OAU: 403,
    DLG: 403,
  });

  const SCENARIOS: Scenario[] = [
    {
      route: 'POST /v1/provisioning/requests',
      build: async (x) => ({
        method: 'POST',
        url: `/v1/provisioning/requests?organization=${x}`,
        raw: onboardXml(x, uniqueDomain('sub')),
        contentType: 'application/xml',
      }),
      expect: onlyHosterAdmin(202),
    },
    {
      route: 'GET /v1/provisioning/runs',
      build: async () => ({ method: 'GET', url: '/v1/provisioning/runs' }),
      expect: { HA: 200, HC: 200, HAU: 200, RA: 403, RC: 403, RAU: 200, OA: 403, OC: 403, EU: 403, OAU: 200, DLG: 200 },
    },
    { route: 'GET /v1/provisioning/runs/{id}', build: async (x) => ({ method: 'GET', url: `/v1/provisioning/runs/${await runOf(x)}` }), expect: readers },
    {
      route: 'GET /v1/provisioning/runs/{id}/steps',
      build: async (x) => ({ method: 'GET', url: `/v1/provisioning/runs/${await runOf(x)}/steps` }),
      expect: readers,
    },
    {
      route: 'POST /v1/provisioning/runs/{id}/retry',
      build: async (x) => ({ method: 'POST', url: `/v1/provisioning/runs/${await runOf(x, 'parked')}/retry` }),
      expect: operators,
    },
    {
      route: 'POST /v1/provisioning/runs/{id}/rollback',
      build: async (x) => ({ method: 'POST', url: `/v1/provisioning/runs/${await runOf(x, 'failed')}/rollback` }),
      expect: operators,
    },
    {
      route: 'POST /v1/provisioning/runs/{id}/resolve',
      build: async (x) => ({ method: 'POST', url: `/v1/provisioning/runs/${await runOf(x, 'needs_attention')}/resolve`, body: { reason: 'handled by hand' } }),
      expect: operators,
    },
    { route: 'GET /v1/engines', build: async () => ({ method: 'GET', url: '/v1/engines' }), expect: { ...onlyHosterAdmin(200), HC: 200 } },
  ];

  function targets(key: Key): [string, string] {
    if (key === 'OA' || key === 'OC' || key === 'EU' || key === 'OAU' || key === 'DLG') return [w.c1.orgId, w.c2.orgId];
    return [w.c1.orgId, w.c3.orgId];
  }

  it('has a row for every run and engine route', () => {
    const routes = routesOf(t.app, ['RunsController', 'EnginesController']);
    expect(routes.length).toBe(8);
    expect(withoutRow(routes, SCENARIOS)).toEqual([]);
  });

  it('answers every route × role × customer as the table says', async () => {
    const { mismatches } = await runMatrix(t, tokens, SCENARIOS, { targets: (_s, key) => targets(key), request: (s, target) => s.build(target) });
    expect(mismatches).toEqual([]);
  });

  it('lists only the runs in scope', async () => {
    const orgsSeen = async (key: Key) => {
      const res = await t.get('/v1/provisioning/runs?limit=200', { token: tokens[key] });
      return new Set(res.body.items.map((r: any) => r.organizationId));
    };
    expect(await orgsSeen('OAU')).toEqual(new Set([w.c1.orgId]));
    expect(await orgsSeen('DLG')).toEqual(new Set([w.c1.orgId]));
    expect(await orgsSeen('RAU')).toEqual(new Set([w.c1.orgId, w.c2.orgId]));
    expect(await orgsSeen('HAU')).toEqual(new Set([w.c1.orgId, w.c2.orgId, w.c3.orgId]));
  });

  it('audits an out-of-scope read as denied and answers it like a missing run', async () => {
    const id = await runOf(w.c3.orgId);
    const res = await t.get(`/v1/provisioning/runs/${id}`, { token: w.c1.auditor.token });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('RUN_NOT_FOUND');
    const denied = (await t.pool.query(`SELECT details FROM audit_events WHERE action = 'auth.denied' AND resource_id = $1`, [id])).rows;
    expect(denied).toHaveLength(1);
    const missing = await t.get(`/v1/provisioning/runs/run_00000000000000000000000000`, { token: w.c1.auditor.token });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('RUN_NOT_FOUND');
  });
});
