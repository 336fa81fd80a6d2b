import { sqlOfPg } from '../src/database/sql';
import { labInventory } from '../src/provisioning/providers/lab';
import { runDocuments, runProgress, runTimeline } from '../src/provisioning/runs/run-progress';
import { replaceLabFaults, resetLabFaults } from '../src/provisioning/providers/lab/lab-faults';
import { startTestApp, type TestApp } from './helpers/app';
import { onboardXml, startInProcessEngine, uniqueDomain } from './helpers/engine-e2e';
import { waitFor } from './helpers/wait';
import { buildWorld, type World } from './helpers/identity';

/**
 * The operator API of runs end to end: raw XML requests, the run timeline, scoping, and the
 * operator actions (retry, rollback, resolve), against a real engine and the lab platform.
 */
describe('provisioning runs API', () => {
  let t: TestApp;
  let w: World;
  let engine: Awaited<ReturnType<typeof startInProcessEngine>>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    engine = await startInProcessEngine(t.db.url, { ttlMs: 1000 });
  });

  afterAll(async () => {
    await engine?.stop();
    await t?.close();
  });

  afterEach(async () => {
    await resetLabFaults(sqlOfPg(t.pool));
  });

  const xmlPost = (xml: string, token: string, query: Record<string, string> = {}) =>
    t.request('POST', '/v1/provisioning/requests', { raw: xml, contentType: 'application/xml', token, query });

  async function waitRun(id: string, statuses: string[], token = w.hoster.admin.token) {
    return waitFor(
      async () => {
        const r = await t.get(`/v1/provisioning/runs/${id}`, { token });
        return statuses.includes(r.body.status) ? r.body : undefined;
      },
      `run ${id} to reach ${statuses.join('|')}`,
      30_000,
      50,
    );
  }

  async function runCount() {
    return Number((await t.pool.query(`SELECT count(*) FROM provisioning_runs`)).rows[0].count);
  }

  const inventory = (orgId: string) => labInventory(sqlOfPg(t.pool), orgId);

  it('runs a trusted onboarding request to completion and the lab holds exactly what it asked', async () => {
    const org = w.c1.orgId;
    const res = await xmlPost(onboardXml(org, uniqueDomain()), w.hoster.admin.token, { organization: org });
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/v1/provisioning/runs/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'queued', kind: 'trusted', organizationId: org, onFailure: 'rollback' });
    const run = await waitRun(res.body.id, ['completed', 'failed', 'needs_attention']);
    expect(run.status).toBe('completed');
    expect(run.responseXml).toMatch(/^<response xmlns="urn:provisio:request:1" status="completed"><data>/);
    expect(run.responseXml).toContain('ouPath');
    // 10 calls: ActiveSync and SIP are skipped by their `when` (the users have neither).
    expect(run.steps).toHaveLength(10);
    expect(run.steps.every((s: any) => s.phase === 'execute' && s.status === 'completed' && s.engineId === engine.engine.id)).toBe(true);
    expect(await inventory(org)).toMatchObject({
      ous: 1,
      exchangeOrganizations: 1,
      acceptedDomains: 1,
      users: 3,
      mailboxes: 3,
      siteCollections: 1,
      sipUsers: 0,
      mobilityUsers: 0,
    });
    const events = (await t.pool.query(`SELECT action, organization_id FROM audit_events WHERE resource_id = $1 ORDER BY id`, [run.id])).rows;
    expect(events.map((e) => e.action)).toEqual(['run.submitted', 'run.started', 'run.completed']);
    expect(events.every((e) => e.organization_id === org)).toBe(true);

    // What other modules (orders) read instead of the runs tables.
    const sql = sqlOfPg(t.pool);
    const progress = (await runProgress(sql, [run.id, 'run_00000000000000000000000000'])).get(run.id);
    // stepsTotal counts every call of the program, the 6 its `when`s skipped too.
    expect(progress).toEqual({ runId: run.id, status: 'completed', error: null, stepsDone: 10, stepsTotal: 16, currentStep: null, rolledBack: [] });
    expect(await runTimeline(sql, run.id)).toEqual(run.steps);
    expect(await runDocuments(sql, run.id)).toEqual({ status: 'completed', requestXml: expect.stringContaining('<request'), responseXml: run.responseXml });
  });

  it('compensates in reverse order when SharePoint.CreateSiteCollection fails permanently, leaving the organization empty', async () => {
    const org = w.c2.orgId;
    await replaceLabFaults(sqlOfPg(t.pool), {
      latencyMs: 0,
      jitterMs: 0,
      transientErrorRate: 0,
      permanentErrorRate: 0,
      rules: [{ procedure: 'SharePoint.CreateSiteCollection', effect: 'permanent', times: 1, organizationId: org }],
    });
    const res = await xmlPost(onboardXml(org, uniqueDomain()), w.hoster.admin.token, { organization: org });
    expect(res.status).toBe(202);
    const run = await waitRun(res.body.id, ['completed', 'failed', 'needs_attention']);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({
      code: 'LAB_PERMANENT',
      retryable: false,
      phase: 'execute',
      namespace: 'SharePoint',
      procedure: 'CreateSiteCollection',
      path: '5/SharePoint.CreateSiteCollection',
    });
    expect(run.responseXml).toContain(
      '<errorContext code="LAB_PERMANENT" retryable="false"><errorSource namespace="SharePoint" procedure="CreateSiteCollection" step="5/SharePoint.CreateSiteCollection"/>',
    );
    expect(Object.values(await inventory(org)).every((n) => n === 0)).toBe(true);

    const timeline = (await t.get(`/v1/provisioning/runs/${run.id}/steps`, { token: w.hoster.admin.token })).body.items;
    const executed = timeline.filter((s: any) => s.phase === 'execute' && s.status === 'completed' && s.kind === 'write');
    const rollbacks = timeline.filter((s: any) => s.phase === 'rollback');
    expect(executed).toHaveLength(9);
    // Every completed write is undone exactly once, newest first.
    expect(rollbacks.map((s: any) => s.compensatesSeq)).toEqual(executed.map((s: any) => s.seq).reverse());
    expect(rollbacks.every((s: any) => s.status === 'completed')).toBe(true);
    expect(rollbacks[0].path).toBe('4/u[cy]/Hosted User.Create/2/Exchange.CreateMailbox');
    expect(rollbacks.at(-1).path).toBe('1/Directory.CreateOrganization');
    for (const s of timeline)
      expect(s).toEqual(
        expect.objectContaining({
          engineId: expect.stringMatching(/^eng_/),
          attempt: expect.any(Number),
          startedAt: expect.any(String),
          finishedAt: expect.any(String),
          durationMs: expect.any(Number),
        }),
      );
    const actions = (await t.pool.query(`SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY id`, [run.id])).rows.map((r) => r.action);
    expect(actions).toEqual(['run.submitted', 'run.started', 'run.compensated', 'run.failed']);

    const progress = (await runProgress(sqlOfPg(t.pool), [run.id])).get(run.id)!;
    expect(progress).toMatchObject({ status: 'failed', error: { code: 'LAB_PERMANENT' }, stepsDone: 9, currentStep: null });
    expect(progress.rolledBack).toEqual(rollbacks.map((s: any) => ({ path: s.path, namespace: s.namespace, procedure: s.procedure, status: 'completed' })));
  });

  it('parks on failure when asked; an operator retries it from the failed step', async () => {
    const org = w.c1.orgId;
    const domain = uniqueDomain('park');
    await replaceLabFaults(sqlOfPg(t.pool), {
      latencyMs: 0,
      jitterMs: 0,
      transientErrorRate: 0,
      permanentErrorRate: 0,
      rules: [{ procedure: 'SharePoint.CreateSiteCollection', effect: 'permanent', times: 1 }],
    });
    const res = await xmlPost(onboardXml(org, domain, { onFailure: 'park' }), w.hoster.admin.token, { organization: org });
    const parked = await waitRun(res.body.id, ['parked', 'completed', 'failed']);
    expect(parked.status).toBe('parked');
    expect(parked.currentStep).toMatchObject({ path: '5/SharePoint.CreateSiteCollection', namespace: 'SharePoint', procedure: 'CreateSiteCollection' });
    expect(parked.parkedReason).toContain('LAB_PERMANENT');

    // Not an operator: read-only roles and customers cannot act; other tenants get 404.
    expect((await t.post(`/v1/provisioning/runs/${parked.id}/retry`, undefined, { token: w.hoster.auditor.token })).status).toBe(403);
    expect((await t.post(`/v1/provisioning/runs/${parked.id}/retry`, undefined, { token: w.c1.admin.token })).status).toBe(403);

    const retried = await t.post(`/v1/provisioning/runs/${parked.id}/retry`, undefined, { token: w.hoster.admin.token });
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('queued');
    const done = await waitRun(parked.id, ['completed', 'failed', 'parked']);
    expect(done.status).toBe('completed');
    // The retry re-ran only the failed step: 9 writes before, then the site twice (failed, completed).
    const site = done.steps.filter((s: any) => s.procedure === 'CreateSiteCollection');
    expect(site.map((s: any) => s.status)).toEqual(['failed', 'completed']);
    expect(done.steps.filter((s: any) => s.procedure === 'CreateOrganization')).toHaveLength(1);
    const actions = (await t.pool.query(`SELECT action, actor_user_id FROM audit_events WHERE resource_id = $1 ORDER BY id`, [parked.id])).rows;
    expect(actions.map((a) => a.action)).toEqual(['run.submitted', 'run.started', 'run.parked', 'run.retried', 'run.started', 'run.completed']);
    expect(actions.find((a) => a.action === 'run.retried')!.actor_user_id).toBe(w.hoster.admin.userId);

    // A completed run cannot be retried, rolled back or resolved.
    for (const action of ['retry', 'rollback']) {
      const r = await t.post(`/v1/provisioning/runs/${parked.id}/${action}`, undefined, { token: w.hoster.admin.token });
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('RUN_STATE_CONFLICT');
    }
    const resolveDone = await t.post(`/v1/provisioning/runs/${parked.id}/resolve`, { reason: 'nothing to do' }, { token: w.hoster.admin.token });
    expect(resolveDone.status).toBe(409);
  });

  it('rolls a parked run back on request, and resolves another with a mandatory reason', async () => {
    const org = w.c2.orgId;
    const rule = { procedure: 'SharePoint.CreateSiteCollection', effect: 'permanent' as const, times: 2, organizationId: org };
    await replaceLabFaults(sqlOfPg(t.pool), { latencyMs: 0, jitterMs: 0, transientErrorRate: 0, permanentErrorRate: 0, rules: [rule] });
    const a = await xmlPost(onboardXml(org, uniqueDomain('rb'), { onFailure: 'park' }), w.hoster.admin.token, { organization: org });
    const parkedA = await waitRun(a.body.id, ['parked', 'failed', 'completed']);
    expect(parkedA.status).toBe('parked');
    expect((await inventory(org)).users).toBe(3);

    const rb = await t.post(`/v1/provisioning/runs/${parkedA.id}/rollback`, undefined, { token: w.hoster.admin.token });
    expect(rb.status).toBe(200);
    expect(rb.body.status).toBe('compensating');
    const failed = await waitRun(parkedA.id, ['failed', 'needs_attention']);
    expect(failed.status).toBe('failed');
    expect(failed.error.code).toBe('LAB_PERMANENT');
    expect(Object.values(await inventory(org)).every((n) => n === 0)).toBe(true);

    const b = await xmlPost(onboardXml(org, uniqueDomain('rs'), { onFailure: 'park' }), w.hoster.admin.token, { organization: org });
    const parkedB = await waitRun(b.body.id, ['parked', 'failed', 'completed']);
    expect(parkedB.status).toBe('parked');
    const noReason = await t.post(`/v1/provisioning/runs/${parkedB.id}/resolve`, {}, { token: w.hoster.admin.token });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('VALIDATION_FAILED');
    const blank = await t.post(`/v1/provisioning/runs/${parkedB.id}/resolve`, { reason: '   ' }, { token: w.hoster.admin.token });
    expect(blank.status).toBe(400);
    const resolved = await t.post(
      `/v1/provisioning/runs/${parkedB.id}/resolve`,
      { reason: 'site created by hand, ticket OPS-7' },
      { token: w.hoster.csr.token },
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolutionReason: 'site created by hand, ticket OPS-7', resolvedByUserId: w.hoster.csr.userId });
    const ev = (await t.pool.query(`SELECT details, actor_user_id FROM audit_events WHERE resource_id = $1 AND action = 'run.resolved'`, [parkedB.id])).rows[0];
    expect(ev.details.reason).toBe('site created by hand, ticket OPS-7');
    expect(ev.actor_user_id).toBe(w.hoster.csr.userId);
    // Resolving leaves the platform as it is: the operator said they dealt with it.
    expect((await inventory(org)).users).toBe(3);
  });

  it('keeps runs with the same serialization key in order; a parked run blocks its key until resolved', async () => {
    const org = w.c1.orgId;
    const key = `org:${org}:serial`;
    await replaceLabFaults(sqlOfPg(t.pool), {
      latencyMs: 0,
      jitterMs: 0,
      transientErrorRate: 0,
      permanentErrorRate: 0,
      rules: [{ procedure: 'SharePoint.CreateSiteCollection', effect: 'permanent', times: 1, organizationId: org }],
    });
    const first = await xmlPost(onboardXml(org, uniqueDomain('k1'), { onFailure: 'park' }), w.hoster.admin.token, { organization: org, serializationKey: key });
    const second = await xmlPost(onboardXml(org, uniqueDomain('k2')), w.hoster.admin.token, { organization: org, serializationKey: key });
    await waitRun(first.body.id, ['parked']);
    // The second run waits behind the parked one, however often engines look (a bounded wait:
    // we assert that something does not happen, over more than one poll interval).
    engine.engine.poke();
    await new Promise((r) => setTimeout(r, 500));
    expect((await t.get(`/v1/provisioning/runs/${second.body.id}`, { token: w.hoster.admin.token })).body.status).toBe('queued');
    await t.post(`/v1/provisioning/runs/${first.body.id}/resolve`, { reason: 'abandoned' }, { token: w.hoster.admin.token });
    const done = await waitRun(second.body.id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(new Date(done.startedAt).getTime()).toBeGreaterThan(
      new Date((await t.get(`/v1/provisioning/runs/${first.body.id}`, { token: w.hoster.admin.token })).body.finishedAt).getTime() - 1,
    );
  });

  it('scopes runs: auditors see their subtree, other tenants get 404, lists filter and paginate', async () => {
    const c1run = (await t.pool.query(`SELECT id FROM provisioning_runs WHERE organization_id = $1 ORDER BY seq LIMIT 1`, [w.c1.orgId])).rows[0].id;
    const c2run = (await t.pool.query(`SELECT id FROM provisioning_runs WHERE organization_id = $1 ORDER BY seq LIMIT 1`, [w.c2.orgId])).rows[0].id;
    // The reseller's auditor sees both of its customers' runs; the customer's auditor only its own.
    expect((await t.get(`/v1/provisioning/runs/${c1run}`, { token: w.r1.auditor.token })).status).toBe(200);
    expect((await t.get(`/v1/provisioning/runs/${c2run}`, { token: w.r1.auditor.token })).status).toBe(200);
    expect((await t.get(`/v1/provisioning/runs/${c1run}`, { token: w.c1.auditor.token })).status).toBe(200);
    const hidden = await t.get(`/v1/provisioning/runs/${c2run}`, { token: w.c1.auditor.token });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('RUN_NOT_FOUND');
    expect((await t.get(`/v1/provisioning/runs/${c2run}/steps`, { token: w.c1.auditor.token })).status).toBe(404);
    // Customers' admins have no runs.read (they follow orders instead).
    expect((await t.get(`/v1/provisioning/runs/${c1run}`, { token: w.c1.admin.token })).status).toBe(403);

    const mine = await t.get('/v1/provisioning/runs', { token: w.c1.auditor.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((r: any) => r.organizationId === w.c1.orgId)).toBe(true);

    const failed = await t.get('/v1/provisioning/runs', { token: w.hoster.admin.token, query: { status: 'failed,resolved' } });
    expect(failed.body.items.length).toBeGreaterThan(0);
    expect(failed.body.items.every((r: any) => ['failed', 'resolved'].includes(r.status))).toBe(true);
    const ofC2 = await t.get('/v1/provisioning/runs', { token: w.hoster.admin.token, query: { organization: w.c2.orgId } });
    expect(ofC2.body.items.every((r: any) => r.organizationId === w.c2.orgId)).toBe(true);
    expect((await t.get('/v1/provisioning/runs', { token: w.c1.auditor.token, query: { organization: w.c2.orgId } })).status).toBe(404);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.get('/v1/provisioning/runs', { token: w.hoster.admin.token, query: cursor ? { limit: 2, cursor } : { limit: 2 } });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((r: any) => r.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await runCount());
    expect((await t.get('/v1/provisioning/runs', { token: w.hoster.admin.token, query: { status: 'nope' } })).status).toBe(400);
    expect((await t.get('/v1/provisioning/runs', { token: w.hoster.admin.token, query: { createdFrom: 'yesterday' } })).status).toBe(400);
  });

  it('answers bad request documents with 4xx problems and stores nothing', async () => {
    const before = await runCount();
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><request xmlns="urn:provisio:request:1"><data>&lol2;</data></request>`;
    const cases: [string, string | undefined, number, string][] = [
      ['not xml', 'application/xml', 400, 'XML_MALFORMED'],
      [bomb, 'application/xml', 400, 'XML_FORBIDDEN_CONSTRUCT'],
      [onboardXml(w.c1.orgId, uniqueDomain()).replace('<data>', '<context actor="usr_evil"/><data>'), 'application/xml', 400, 'REQUEST_CONTEXT_FORBIDDEN'],
      [`<request xmlns="urn:provisio:request:1"><data/><call namespace="Nope" procedure="X"/></request>`, 'application/xml', 422, 'NAMESPACE_UNKNOWN'],
      ['{"xml": true}', 'application/json', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ];
    for (const [body, type, status, code] of cases) {
      const res = await t.request('POST', '/v1/provisioning/requests', { raw: body, contentType: type, token: w.hoster.admin.token });
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
    }
    // Only hoster admins submit raw requests; a request for an organization out of scope is a 404.
    expect((await xmlPost(onboardXml(w.c1.orgId, uniqueDomain()), w.hoster.csr.token)).status).toBe(403);
    expect((await xmlPost(onboardXml(w.c1.orgId, uniqueDomain()), w.hoster.admin.token, { organization: 'org_00000000000000000000000000' })).status).toBe(404);
    expect(await runCount()).toBe(before);
  });

  it('lists engines with their state, load and steps done', async () => {
    const res = await t.get('/v1/engines', { token: w.hoster.admin.token });
    expect(res.status).toBe(200);
    const me = res.body.items.find((e: any) => e.id === engine.engine.id);
    expect(me).toMatchObject({ state: 'running', capacity: 8 });
    await waitFor(async () => {
      const r = await t.get('/v1/engines', { token: w.hoster.admin.token });
      return r.body.items.find((e: any) => e.id === engine.engine.id)?.stepsDone > 0;
    }, 'the heartbeat to report steps done');
  });
});
