import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '../helpers/wait';
import { type PlatformWorld, THREE_USERS, entriesOf, startPlatformWorld } from './platform-orders';

/**
 * Failures on real servers: PowerDNS stopped in the middle of a subscribe (the order fails and
 * compensates: neither server keeps anything), and engines SIGKILLed in the middle of LDAP
 * writes (another engine takes the run over; nothing is duplicated).
 */
describe('orders on OpenLDAP and PowerDNS when things break', () => {
  let p: PlatformWorld;
  const crashFile = path.join(os.tmpdir(), `provisio-crash-${randomBytes(4).toString('hex')}`);
  const crashEnv = { PROVISIO_TEST_CRASH_AT: 'Directory.CreateOrganization:ou-added,Directory.CreateUser', PROVISIO_TEST_CRASH_FILE: crashFile };

  beforeAll(async () => {
    p = await startPlatformWorld({ engines: 2, engineEnv: crashEnv });
  });
  afterAll(async () => {
    fs.rmSync(crashFile, { force: true });
    await p?.close();
  });

  const steps = async (runId: string) =>
    (
      await p.t.pool.query<{ namespace: string; procedure: string; phase: string; status: string; engine_id: string; attempt: number }>(
        `SELECT namespace, procedure, phase, status, engine_id, attempt FROM provisioning_steps WHERE run_id = $1 ORDER BY seq`,
        [runId],
      )
    ).rows;
  const zoneExists = async (zone: string) => {
    const key = fs.readFileSync(p.h.powerdns.apiKeyFile, 'utf8');
    const r = await fetch(`${p.h.powerdns.apiUrl}/api/v1/servers/localhost/zones/${zone}.`, { headers: { 'X-API-Key': key } });
    return r.status !== 404;
  };

  it('PowerDNS stopped in the middle of a subscribe: the order fails and compensates, neither server keeps anything', async () => {
    const c = await p.customer();
    const domain = `broken-${randomBytes(3).toString('hex')}.example`;
    // A pause after the DNS steps: the lab's Exchange step fails transiently 4 times (then succeeds).
    const faults = await p.t.request('PUT', '/v1/lab/faults', {
      token: p.hoster.token,
      body: { rules: [{ procedure: 'Exchange.EnableOrganization', effect: 'transient', times: 4, organizationId: c.orgId }] },
    });
    expect(faults.status).toBe(200);
    const placed = await p.t.post(
      '/v1/orders',
      { type: 'subscribe', organizationId: c.orgId, plan: 'business-premium', domain, users: THREE_USERS },
      { token: c.token },
    );
    expect(placed.status).toBe(202);
    const runId = placed.body.runId as string;
    await waitFor(
      async () => (await steps(runId)).some((s) => s.procedure === 'EnableOrganization' && s.status === 'failed') || undefined,
      'the paused Exchange step',
      60_000,
    );
    expect(await zoneExists(domain)).toBe(true);
    await p.h.platform.stopService('powerdns');
    // The run goes on until the zone is to be published, fails there, and compensates; PowerDNS comes back meanwhile.
    await waitFor(async () => (await steps(runId)).some((s) => s.phase === 'rollback') || undefined, 'compensation to start', 120_000);
    await p.h.platform.startService('powerdns');
    const done = await waitFor(
      async () => {
        const r = await p.t.get(`/v1/orders/${placed.body.id}?wait=20`, { token: c.token });
        return ['failed', 'needs_attention', 'completed'].includes(r.body.status) ? r.body : undefined;
      },
      'the order to end',
      170_000,
    );
    expect({ status: done.status, failedAt: done.errorContext?.procedure, code: done.errorContext?.code }).toEqual({
      status: 'failed',
      failedAt: 'PublishZone',
      code: 'PDNS_UNAVAILABLE',
    });
    expect(done.rolledBack.map((s: { procedure: string }) => s.procedure)).toEqual(
      expect.arrayContaining(['CreateOrganization', 'CreateUser', 'CreateZone', 'AddRecord']),
    );
    expect(entriesOf(p.h, c.orgId)).toEqual([]);
    expect(await zoneExists(domain)).toBe(false);
    expect(p.h.dig(domain, 'SOA').status).toBe('REFUSED');
  });

  it('an engine SIGKILLed in the middle of LDAP writes is taken over, and nothing is duplicated', async () => {
    const c = await p.customer();
    const domain = `takeover-${randomBytes(3).toString('hex')}.example`;
    fs.writeFileSync(crashFile, 'die once');
    const before = p.engines.filter((e) => e.child.exitCode === null && e.child.signalCode === null).length;
    const subscribed = await p.order(c.token, { type: 'subscribe', organizationId: c.orgId, plan: 'business-premium', domain, users: THREE_USERS });
    expect(subscribed.status).toBe('completed');
    expect(fs.existsSync(crashFile)).toBe(false);
    const dead = p.engines.filter((e) => e.child.signalCode === 'SIGKILL');
    expect(dead).toHaveLength(1);
    expect(p.engines.filter((e) => e.child.exitCode === null && e.child.signalCode === null)).toHaveLength(before - 1);
    // CreateOrganization ran on two engines: the first died after adding the OU, before its admins group.
    const created = (await steps(subscribed.runId)).filter((s) => s.procedure === 'CreateOrganization');
    expect(created).toEqual([expect.objectContaining({ status: 'completed', attempt: 2 })]);
    const ou = `ou=${c.orgId},${p.h.slapd.hostingDn}`;
    expect(entriesOf(p.h, c.orgId)).toEqual([`cn=Admins,${ou}`, ou, `uid=ann,${ou}`, `uid=bob,${ou}`, `uid=cy,${ou}`].sort());

    // Again while a user is written (add_users), on a fresh pair of engines.
    await p.spawn(crashEnv);
    fs.writeFileSync(crashFile, 'die once');
    const added = await p.order(c.token, {
      type: 'add_users',
      organizationId: c.orgId,
      users: [{ alias: 'dee', displayName: 'Dee Dee', userPlan: 'standard-mailbox' }],
    });
    expect(added.status).toBe('completed');
    expect(p.engines.filter((e) => e.child.signalCode === 'SIGKILL')).toHaveLength(2);
    expect((await steps(added.runId)).filter((s) => s.procedure === 'CreateUser')).toEqual([expect.objectContaining({ status: 'completed', attempt: 2 })]);
    expect(entriesOf(p.h, c.orgId).filter((dn) => dn.startsWith('uid=dee,'))).toHaveLength(1);
    expect(p.h.ldapsearch('(provisioUserPrincipalName=dee@*)', ['1.1']).match(/^dn: /gm)).toHaveLength(1);
  });
});
