import { Pool } from 'pg';
import { newId } from '../src/common/ids';
import { createLabProvider } from '../src/provisioning/providers/lab';
import type { Provider } from '../src/provisioning/providers/provider';
import { startTestApp, type TestApp } from './helpers/app';
import { type Actor, bootstrapHoster, createCustomer, createReseller, createUser } from './helpers/identity';

/** GET /v1/lab/state and GET/PUT /v1/lab/faults through the real API. */
describe('lab HTTP API', () => {
  let t: TestApp;
  let admin: Actor;
  let csr: Actor;
  let reseller: Actor;
  let customer: Actor;
  let pool: Pool;
  let lab: Provider;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bootstrapHoster(t);
    csr = await createUser(t, admin.token, admin.orgId, ['hoster_csr']);
    reseller = await createReseller(t, admin.token);
    customer = await createCustomer(t, reseller.token);
    pool = new Pool({ connectionString: t.db.url, max: 4 });
    lab = createLabProvider(pool);
  });
  afterAll(async () => {
    await pool.end();
    await t.close();
  });

  async function exec(id: string, raw: Record<string, unknown>) {
    const p = lab.procedures.find((x) => `${x.namespace}.${x.name}` === id)!;
    return p.execute(p.parseInput(raw), { runId: 'run_http', stepSeq: 1, attempt: 1, engineId: 'eng_http', organizationId: null });
  }

  function expectProblem(res: { status: number; headers: any; body: any }, status: number, code: string) {
    expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
  }

  it("shows a customer's platform state to hoster staff", async () => {
    const organization = { id: customer.orgId, name: 'Contoso', domain: 'contoso-http.example' };
    await exec('Directory.CreateOrganization', { organization });
    await exec('Exchange.EnableOrganization', { organization });
    await exec('Exchange.AddAcceptedDomain', { organization });
    await exec('Directory.CreateUser', { organization, user: { alias: 'ann', displayName: 'Ann Lee' } });
    await exec('Exchange.CreateMailbox', { organization, user: { alias: 'ann', displayName: 'Ann Lee', mailboxSizeMb: '1024' } });
    await exec('DNS.CreateZone', { organization, zone: { name: 'contoso-http.example' } });
    await exec('DNS.AddRecord', { zone: { name: 'contoso-http.example' }, record: { name: '@', type: 'MX', value: 'mail.contoso-http.example' } });

    for (const who of [admin, csr]) {
      const res = await t.get(`/v1/lab/state?organization=${customer.orgId}`, { token: who.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        organizationId: customer.orgId,
        ou: { name: 'Contoso', domain: 'contoso-http.example', ouPath: `OU=${customer.orgId},OU=Hosting,DC=lab,DC=provisio` },
        users: [{ alias: 'ann', userPrincipalName: 'ann@contoso-http.example', displayName: 'Ann Lee', disabled: false }],
        exchangeOrganization: { name: 'Contoso', globalAddressList: 'Contoso GAL' },
        acceptedDomains: ['contoso-http.example'],
        mailboxes: [{ alias: 'ann', primarySmtpAddress: 'ann@contoso-http.example', quotaMb: 1024 }],
        zones: [
          {
            name: 'contoso-http.example',
            published: false,
            serial: 2,
            records: [{ name: '@', type: 'MX', value: 'mail.contoso-http.example', ttl: 3600, priority: 10 }],
          },
        ],
        sipDomains: [],
        siteCollections: [],
      });
    }
  });

  it('hides the lab from customers and resellers, and unknown organizations behind 404', async () => {
    expectProblem(await t.get(`/v1/lab/state?organization=${customer.orgId}`, { token: customer.token }), 403, 'FORBIDDEN');
    expectProblem(await t.get(`/v1/lab/state?organization=${customer.orgId}`, { token: reseller.token }), 403, 'FORBIDDEN');
    expectProblem(await t.get(`/v1/lab/state?organization=${customer.orgId}`), 401, 'UNAUTHENTICATED');
    expectProblem(await t.get(`/v1/lab/state?organization=${newId('org')}`, { token: admin.token }), 404, 'NOT_FOUND');
    expectProblem(await t.get('/v1/lab/state', { token: admin.token }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.get(`/v1/lab/state?organization=${encodeURIComponent("x' OR 1=1 --")}`, { token: admin.token }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.get('/v1/lab/faults', { token: csr.token }), 403, 'FORBIDDEN');
    expectProblem(await t.request('PUT', '/v1/lab/faults', { token: csr.token, body: {} }), 403, 'FORBIDDEN');
  });

  it('replaces the fault configuration, audits it, and the lab obeys it on the next call', async () => {
    const empty = await t.get('/v1/lab/faults', { token: admin.token });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ latencyMs: 0, jitterMs: 0, transientErrorRate: 0, permanentErrorRate: 0, rules: [] });

    const body = {
      latencyMs: 5,
      transientErrorRate: 0,
      permanentErrorRate: 0.01,
      rules: [{ procedure: 'DNS.CreateZone', effect: 'permanent', times: 2, organizationId: customer.orgId }],
    };
    const put = await t.request('PUT', '/v1/lab/faults', { token: admin.token, body });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      latencyMs: 5,
      jitterMs: 0,
      permanentErrorRate: 0.01,
      rules: [{ procedure: 'DNS.CreateZone', effect: 'permanent', phase: 'execute', times: 2, remaining: 2, organizationId: customer.orgId }],
    });
    await expect(exec('DNS.CreateZone', { organization: { id: customer.orgId }, zone: { name: 'faulty.example' } })).rejects.toMatchObject({
      code: 'LAB_PERMANENT',
    });
    expect((await t.get('/v1/lab/faults', { token: admin.token })).body.rules[0].remaining).toBe(1);

    const audit = await t.pool.query(`SELECT actor_user_id, organization_id, details FROM audit_events WHERE action = 'lab.faults_changed' ORDER BY id`);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      actor_user_id: admin.userId,
      organization_id: admin.orgId,
      details: {
        before: { latencyMs: 0, rules: [] },
        after: { latencyMs: 5, permanentErrorRate: 0.01, rules: [{ procedure: 'DNS.CreateZone', times: 2, remaining: 2, organizationId: customer.orgId }] },
      },
    });

    const reset = await t.request('PUT', '/v1/lab/faults', { token: admin.token, body: {} });
    expect(reset.body).toMatchObject({ latencyMs: 0, permanentErrorRate: 0, rules: [] });
  });

  it.each([
    [{ transientErrorRate: 1.5 }, 'transientErrorRate'],
    [{ permanentErrorRate: -0.1 }, 'permanentErrorRate'],
    [{ latencyMs: 60_001 }, 'latencyMs'],
    [{ latencyMs: '100' }, 'latencyMs'],
    [{ rules: [{ procedure: 'DNS.Explode', effect: 'transient', times: 1 }] }, 'rules[0].procedure'],
    [{ rules: [{ procedure: 'DNS.CreateZone', effect: 'explode', times: 1 }] }, 'rules[0].effect'],
    [{ rules: [{ procedure: 'DNS.CreateZone', effect: 'transient', times: 0 }] }, 'rules[0].times'],
    [{ rules: [{ procedure: 'DNS.CreateZone', effect: 'transient', times: 1, extra: true }] }, 'rules[0].extra'],
    [{ chaos: true }, 'chaos'],
  ])('rejects an invalid fault configuration %j and changes nothing', async (body, path) => {
    const before = (await t.get('/v1/lab/faults', { token: admin.token })).body;
    const res = await t.request('PUT', '/v1/lab/faults', { token: admin.token, body });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors.map((e: any) => e.path)).toContain(path);
    expect((await t.get('/v1/lab/faults', { token: admin.token })).body).toEqual(before);
  });

  it('answers 404 on every lab route when the lab is disabled', async () => {
    const off = await startTestApp({ db: t.db, env: { LAB_ENABLED: 'false' } });
    try {
      expectProblem(await off.get(`/v1/lab/state?organization=${customer.orgId}`, { token: admin.token }), 404, 'ROUTE_NOT_FOUND');
      expectProblem(await off.get('/v1/lab/faults', { token: admin.token }), 404, 'ROUTE_NOT_FOUND');
      expectProblem(await off.request('PUT', '/v1/lab/faults', { token: admin.token, body: {} }), 404, 'ROUTE_NOT_FOUND');
      const doc = (await off.get('/docs-json')).body;
      expect(Object.keys(doc.paths).filter((p) => p.startsWith('/v1/lab'))).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
