import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { seedCatalog } from '../src/catalog/catalog-seed';
import { labCheckPassword } from '../src/provisioning/providers/lab';
import { type TestApp, startTestApp } from './helpers/app';
import { type EngineProcess, killAll, spawnEngine } from './helpers/engine-e2e';
import { type Actor, buildWorld, createCustomer, type World } from './helpers/identity';

/**
 * An end user's password, set through the API and taken by the directory provider (here the lab,
 * which keeps a hash; OpenLDAP in the platform tier): write-only, and nowhere else — not in the
 * order, the run, its journal, the XML request, the audit trail or the engines' logs.
 */
describe('customer user passwords', () => {
  let t: TestApp;
  let w: World;
  let lab: Pool;
  let engines: EngineProcess[] = [];
  let contoso: Actor;
  const password = 'Correct-Horse-7391';

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    await seedCatalog(t.app.get(DataSource));
    lab = new Pool({ connectionString: t.db.url, max: 2 });
    contoso = await createCustomer(t, w.hoster.admin.token, { parentId: w.hoster.orgId });
    engines = [spawnEngine(t.db.url)];
    await engines[0].engineId();
    const placed = await t.post(
      '/v1/orders',
      {
        type: 'subscribe',
        organizationId: contoso.orgId,
        plan: 'business-premium',
        domain: 'pw-contoso.example',
        users: [{ alias: 'ann', displayName: 'Ann Lee', userPlan: 'standard-mailbox' }],
      },
      { token: contoso.token },
    );
    expect(placed.status).toBe(202);
    expect((await t.get(`/v1/orders/${placed.body.id}?wait=60`, { token: contoso.token })).body.status).toBe('completed');
  });
  afterAll(async () => {
    await killAll(engines);
    await lab?.end();
    await t?.close();
  });

  const url = (org: string, alias: string) => `/v1/organizations/${org}/customer-users/${alias}/password`;

  it('sets a password the platform checks, keeping only a hash', async () => {
    const res = await t.request('PUT', url(contoso.orgId, 'ann'), { token: contoso.token, body: { password } });
    expect(res.status).toBe(204);
    expect(await labCheckPassword(lab, contoso.orgId, 'ann', password)).toBe(true);
    expect(await labCheckPassword(lab, contoso.orgId, 'ann', `${password}x`)).toBe(false);
    const stored = (await lab.query(`SELECT password_hash FROM lab.directory_users WHERE organization_id = $1 AND alias = 'ann'`, [contoso.orgId])).rows[0]
      .password_hash;
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain(password);
  });

  it('leaves the password nowhere: orders, runs, journal, requests, audit trail, engine logs', async () => {
    await t.request('PUT', url(contoso.orgId, 'ann'), { token: contoso.token, body: { password } });
    const haystacks = [
      `SELECT body::text AS t FROM orders`,
      `SELECT request_xml || coalesce(response_xml, '') || program::text || initial_state::text || state::text || coalesce(error::text, '') AS t FROM provisioning_runs`,
      `SELECT coalesce(input::text, '') || coalesce(output::text, '') || coalesce(rollback_data::text, '') || coalesce(error::text, '') AS t FROM provisioning_steps`,
      `SELECT details::text AS t FROM audit_events`,
    ];
    for (const q of haystacks) {
      const rows = (await t.pool.query(q).catch((e) => ({ rows: [{ t: `query failed: ${e.message}` }] }))).rows;
      expect({
        q,
        leaked: rows.filter((r: { t: string }) => r.t.includes(password)).length,
        failed: rows.filter((r: { t: string }) => r.t.startsWith('query failed')).map((r: { t: string }) => r.t),
      }).toEqual({ q, leaked: 0, failed: [] });
    }
    expect(engines[0].output.some((l) => l.includes(password))).toBe(false);
    const events = (await t.pool.query(`SELECT actor_user_id, organization_id, details FROM audit_events WHERE action = 'customer_user.password_set'`)).rows;
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0]).toMatchObject({ actor_user_id: contoso.userId, organization_id: contoso.orgId, details: { alias: 'ann' } });
  });

  it('refuses bad passwords without echoing them, unknown users, and other tenants', async () => {
    const short = await t.request('PUT', url(contoso.orgId, 'ann'), { token: contoso.token, body: { password: 'short-pw' } });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('VALIDATION_FAILED');
    expect(short.text).not.toContain('short-pw');
    expect((await t.request('PUT', url(contoso.orgId, 'ann'), { token: contoso.token, body: { password: 'tab\there-in-it' } })).status).toBe(400);
    expect((await t.request('PUT', url(contoso.orgId, 'nobody'), { token: contoso.token, body: { password } })).status).toBe(404);
    expect((await t.request('PUT', url(contoso.orgId, 'ann'), { token: w.c2.admin.token, body: { password } })).status).toBe(404);
    expect((await t.request('PUT', url(contoso.orgId, 'ann'), { token: w.hoster.auditor.token, body: { password } })).status).toBe(403);
  });

  it('suspend locks the user out, resume lets it in again', async () => {
    await t.request('PUT', url(contoso.orgId, 'ann'), { token: contoso.token, body: { password } });
    for (const [type, can] of [
      ['suspend', false],
      ['resume', true],
    ] as const) {
      const placed = await t.post('/v1/orders', { type, organizationId: contoso.orgId }, { token: w.hoster.admin.token });
      expect(placed.status).toBe(202);
      expect((await t.get(`/v1/orders/${placed.body.id}?wait=60`, { token: w.hoster.admin.token })).body.status).toBe('completed');
      expect(await labCheckPassword(lab, contoso.orgId, 'ann', password)).toBe(can);
    }
  });
});
