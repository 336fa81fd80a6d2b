import { appendAuditEvent } from '../src/audit/audit-writer';
import { pgTransaction } from '../src/database/sql';
import { startTestApp, type TestApp } from './helpers/app';
import { buildWorld, createUser, type World } from './helpers/identity';

/**
 * The auditor's query API: who sees what (scope by organization subtree), every filter, and the
 * keyset cursor staying exact while new events keep arriving.
 */
describe('GET /v1/audit/events', () => {
  let t: TestApp;
  let w: World;
  let pathOf: Record<string, string>;
  let delegatedUserId: string;
  let c1UserId: string;
  let c2UserId: string;
  const requestId = 'audit-e2e-request-0001';

  /** Every page of a listing, following nextCursor. */
  async function all(token: string, query: Record<string, string | number> = {}, limit = 200): Promise<any[]> {
    const items: any[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 1000; i++) {
      const res = await t.get('/v1/audit/events', { token, query: { ...query, limit, ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor ?? undefined;
      if (!cursor) return items;
    }
    throw new Error('too many pages');
  }

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const orgs = (await t.pool.query('SELECT id, path FROM organizations')).rows;
    pathOf = Object.fromEntries(orgs.map((o) => [o.id, o.path]));

    // The reseller acts inside C1 with its delegated admin token...
    const d = await t.post(
      `/v1/organizations/${w.c1.orgId}/users`,
      { username: 'delegated.made', displayName: 'Made by the reseller' },
      { token: w.delegation.token },
    );
    expect(d.status).toBe(201);
    delegatedUserId = d.body.id;
    // ...the customer admin acts in its own organization (with a request id to find it by)...
    const c = await t.post(
      `/v1/organizations/${w.c1.orgId}/users`,
      { username: 'customer.made', displayName: 'Made by the customer' },
      { token: w.c1.admin.token, headers: { 'x-request-id': requestId } },
    );
    expect(c.status).toBe(201);
    c1UserId = c.body.id;
    // ...and a hoster operator acts in C2 and on reseller R2.
    const h = await t.post(
      `/v1/organizations/${w.c2.orgId}/users`,
      { username: 'hoster.made', displayName: 'Made by the hoster' },
      { token: w.hoster.csr.token },
    );
    expect(h.status).toBe(201);
    c2UserId = h.body.id;
    expect((await t.request('PATCH', `/v1/organizations/${w.r2.orgId}`, { token: w.hoster.csr.token, body: { name: 'Renamed R2' } })).status).toBe(200);
    // An engine event that concerns no organization: only hoster-level auditors see it.
    await pgTransaction(t.pool, (sql) =>
      appendAuditEvent(sql, { system: 'engine:eng_test' }, { action: 'engine.started', resourceType: 'engine', resourceId: 'eng_test' }),
    );
    // A denied attempt, audited with outcome=denied in C1.
    expect(
      (await t.post(`/v1/organizations/${w.c1.orgId}/users`, { username: 'nope', displayName: 'Nope' }, { token: w.c1.csr.token })).status,
    ).toBeGreaterThanOrEqual(400);
  });
  afterAll(() => t.close());

  it('shows a customer auditor only its organization, including the reseller acting on its behalf', async () => {
    const items = await all(w.c1.auditor.token);
    expect(items.length).toBeGreaterThan(0);
    for (const e of items) expect(e.organizationPath.startsWith(pathOf[w.c1.orgId])).toBe(true);
    const byReseller = items.find((e) => e.action === 'user.created' && e.resourceId === delegatedUserId);
    expect(byReseller).toMatchObject({
      actorUserId: w.r1.admin.userId,
      actorOrgId: w.r1.orgId,
      onBehalfOfOrgId: w.c1.orgId,
      delegationId: w.delegation.id,
      organizationId: w.c1.orgId,
      outcome: 'success',
    });
    expect(items.find((e) => e.resourceId === c1UserId)).toMatchObject({ actorUserId: w.c1.admin.userId, onBehalfOfOrgId: null });
    expect(items.some((e) => e.resourceId === c2UserId)).toBe(false);
    // Newest first, and every event carries its chain links.
    const seqs = items.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(items[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(items[0].prevHash).toMatch(/^[0-9a-f]{64}$/);

    // Exactly the C1 rows of the table, nothing more, nothing less.
    const expected = (
      await t.pool.query(`SELECT seq FROM audit_events WHERE organization_path LIKE $1 || '%' AND seq IS NOT NULL ORDER BY seq DESC`, [pathOf[w.c1.orgId]])
    ).rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(expected);
  });

  it("shows a reseller auditor its customers' events and nothing of other resellers or the hoster", async () => {
    const items = await all(w.r1.auditor.token);
    const paths = new Set(items.map((e) => e.organizationPath));
    expect(paths).toEqual(new Set([pathOf[w.r1.orgId], pathOf[w.c1.orgId], pathOf[w.c2.orgId]]));
    expect(items.some((e) => e.resourceId === delegatedUserId)).toBe(true);
    expect(items.some((e) => e.resourceId === c2UserId && e.actorOrgId === w.hoster.orgId)).toBe(true);
    expect(items.some((e) => e.resourceId === w.r2.orgId)).toBe(false);
  });

  it('shows a hoster auditor every event of the installation', async () => {
    const items = await all(w.hoster.auditor.token);
    const count = Number((await t.pool.query('SELECT max(seq) AS n FROM audit_events')).rows[0].n);
    // Its own reads write nothing, so the listing is the whole table at the time.
    expect(items.map((e) => e.seq)).toEqual(Array.from({ length: count }, (_, i) => count - i));
    expect(items.find((e) => e.action === 'engine.started')).toMatchObject({ organizationPath: null, details: { system: 'engine:eng_test' } });
  });

  it('lets a delegated auditor token see the customer it was delegated on', async () => {
    const tok = await t.post(`/v1/delegations/${w.delegation.id}/tokens`, { roles: ['auditor'] }, { token: w.r1.admin.token });
    expect(tok.status).toBe(201);
    const items = await all(tok.body.token);
    expect(items.length).toBeGreaterThan(0);
    for (const e of items) expect(e.organizationPath.startsWith(pathOf[w.c1.orgId])).toBe(true);
  });

  it('refuses roles without audit.read', async () => {
    for (const token of [w.c1.admin.token, w.r1.admin.token, w.hoster.csr.token, w.delegation.token]) {
      const res = await t.get('/v1/audit/events', { token });
      // The delegated token carries the auditor role next to org_admin: it may read C1's trail.
      if (token === w.delegation.token) expect(res.status).toBe(200);
      else {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    }
    expect((await t.get('/v1/audit/events')).status).toBe(401);
  });

  it('filters by action (exact and prefix), actor, onBehalfOf, delegation, resource, outcome, request id and time', async () => {
    const hoster = w.hoster.auditor.token;
    const exact = await all(hoster, { action: 'user.created' });
    expect(exact.length).toBeGreaterThan(3);
    expect(exact.every((e) => e.action === 'user.created')).toBe(true);

    const prefix = await all(hoster, { action: 'user.' });
    expect(prefix.every((e) => e.action.startsWith('user.'))).toBe(true);
    expect(prefix.length).toBeGreaterThanOrEqual(exact.length);
    expect(await all(hoster, { action: 'user.*' })).toEqual(prefix);
    const orgPrefix = await all(hoster, { action: 'organization*' });
    expect(orgPrefix.length).toBeGreaterThan(0);
    expect(orgPrefix.every((e) => e.action.startsWith('organization'))).toBe(true);
    // A LIKE wildcard in the filter is taken literally.
    expect(await all(hoster, { action: 'user_created' })).toEqual([]);

    const byActor = await all(hoster, { actorUser: w.hoster.csr.userId });
    expect(byActor.map((e) => e.resourceId)).toEqual(expect.arrayContaining([c2UserId, w.r2.orgId]));
    expect(byActor.every((e) => e.actorUserId === w.hoster.csr.userId)).toBe(true);

    const byActorOrg = await all(w.c1.auditor.token, { actorOrganization: w.r1.orgId });
    expect(byActorOrg.length).toBeGreaterThan(0);
    expect(byActorOrg.every((e) => e.actorOrgId === w.r1.orgId)).toBe(true);

    const behalf = await all(w.c1.auditor.token, { onBehalfOf: w.c1.orgId });
    expect(behalf.map((e) => e.resourceId)).toContain(delegatedUserId);
    expect(behalf.every((e) => e.onBehalfOfOrgId === w.c1.orgId)).toBe(true);
    expect((await all(hoster, { delegation: w.delegation.id })).map((e) => e.resourceId)).toContain(delegatedUserId);

    const resource = await all(hoster, { resourceType: 'user', resourceId: c1UserId });
    expect(resource.map((e) => e.action)).toEqual(['user.created']);
    expect((await all(hoster, { resourceId: c1UserId })).length).toBe(1);

    const denied = await all(w.c1.auditor.token, { outcome: 'denied' });
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((e) => e.outcome === 'denied' && e.action === 'auth.denied')).toBe(true);

    const byRequest = await all(hoster, { requestId });
    expect(byRequest.map((e) => e.resourceId)).toContain(c1UserId);
    expect(byRequest.every((e) => e.requestId === requestId)).toBe(true);

    const mid = (await t.pool.query(`SELECT occurred_at FROM audit_events WHERE resource_id = $1`, [c1UserId])).rows[0].occurred_at as Date;
    const after = await all(hoster, { from: mid.toISOString() });
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((e) => e.occurredAt >= mid.toISOString())).toBe(true);
    const before = await all(hoster, { to: mid.toISOString() });
    expect(before.every((e) => e.occurredAt < mid.toISOString())).toBe(true);
    expect(after.length + before.length).toBe((await all(hoster)).length);
    const window = await all(hoster, { from: mid.toISOString(), to: new Date(mid.getTime() + 1).toISOString() });
    expect(window.map((e) => e.resourceId)).toContain(c1UserId);
    // The same windows oldest first, and a window with no event at all.
    expect(await all(hoster, { from: mid.toISOString(), order: 'asc' })).toEqual([...after].reverse());
    expect(await all(hoster, { to: mid.toISOString(), order: 'asc' })).toEqual([...before].reverse());
    expect(await all(hoster, { from: '2001-01-01T00:00:00Z', to: '2001-01-02T00:00:00Z' })).toEqual([]);
  });

  it('filters an organization subtree, within the caller scope only', async () => {
    const r1 = await all(w.hoster.auditor.token, { organization: w.r1.orgId });
    expect(new Set(r1.map((e) => e.organizationId))).toEqual(new Set([w.r1.orgId, w.c1.orgId, w.c2.orgId]));
    const c1 = await all(w.r1.auditor.token, { organization: w.c1.orgId });
    expect(c1.length).toBeGreaterThan(0);
    expect(c1.every((e) => e.organizationId === w.c1.orgId)).toBe(true);
    // Another tenant's organization does not exist for this auditor.
    const other = await t.get('/v1/audit/events', { token: w.r1.auditor.token, query: { organization: w.c3.orgId } });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    const up = await t.get('/v1/audit/events', { token: w.c1.auditor.token, query: { organization: w.r1.orgId } });
    expect(up.status).toBe(404);
  });

  it('pages with a keyset cursor that neither skips nor repeats while events are being written', async () => {
    for (const order of ['desc', 'asc'] as const) {
      const seen: number[] = [];
      let cursor: string | undefined;
      const first = await t.get('/v1/audit/events', { token: w.hoster.auditor.token, query: { limit: 3, order } });
      expect(first.status).toBe(200);
      seen.push(...first.body.items.map((e: any) => e.seq));
      cursor = first.body.nextCursor;
      const startMax = Number((await t.pool.query('SELECT max(seq) AS n FROM audit_events')).rows[0].n);
      let written = 0;
      while (cursor) {
        // New events land between every two pages.
        const made = await createUser(t, w.c1.admin.token, w.c1.orgId, ['end_user']);
        expect(made.userId).toBeTruthy();
        written++;
        const page = await t.get('/v1/audit/events', { token: w.hoster.auditor.token, query: { limit: 3, order, cursor } });
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((e: any) => e.seq));
        cursor = page.body.nextCursor ?? undefined;
        if (written > 200) throw new Error('runaway pagination');
      }
      expect(new Set(seen).size).toBe(seen.length);
      if (order === 'desc') {
        // Newest first: exactly the events that existed when paging started.
        expect(seen).toEqual(Array.from({ length: startMax }, (_, i) => startMax - i));
      } else {
        // Oldest first: a gapless run from 1, reaching at least where paging started.
        expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
        expect(seen.length).toBeGreaterThanOrEqual(startMax);
      }
    }
  });

  it('answers bad queries with 400 problems', async () => {
    const token = w.hoster.auditor.token;
    const cases: Record<string, string>[] = [
      { unknown: 'x' },
      { from: 'yesterday' },
      { outcome: 'maybe' },
      { order: 'sideways' },
      { limit: '0' },
      { limit: '1000' },
      { action: "user.created' OR 1=1 --" },
      { actorUser: 'not-an-id' },
      { cursor: 'bm90IGEgY3Vyc29y' },
      { cursor: Buffer.from('["x"]').toString('base64url') },
    ];
    for (const query of cases) {
      const res = await t.get('/v1/audit/events', { token, query });
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const reversed = await t.get('/v1/audit/events', { token, query: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } });
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('AUDIT_INVALID_RANGE');
  });
});
