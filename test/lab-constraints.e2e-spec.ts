import { Pool } from 'pg';
import { newId } from '../src/common/ids';
import { sqlOfPg } from '../src/database/sql';
import { createLabProvider, labDuplicates, labInventory } from '../src/provisioning/providers/lab';
import { createTestDatabase } from './helpers/database';
import { customer, type LabHarness, provisionMailOrganization, startLab } from './lab-harness';

/** The lab platform's real constraints, input validation, and behaviour under concurrent calls. */
describe('lab platform constraints', () => {
  let lab: LabHarness;
  beforeAll(async () => {
    lab = await startLab({}, 25);
  });
  afterAll(() => lab.close());

  const orgId = () => newId('org');
  const run = () => ({ runId: newId('run') });

  async function expectFailure(p: Promise<unknown>, code: string, retryable = false, message?: RegExp) {
    const e = await lab.failure(p);
    expect({ code: e.code, retryable: e.retryable }).toEqual({ code, retryable });
    if (message) expect(e.message).toMatch(message);
  }

  it('refuses objects whose prerequisites are missing', async () => {
    const c = customer(orgId(), 'prereq.example');
    await expectFailure(lab.exec('Directory.CreateUser', c.user('ann')), 'LAB_PREREQUISITE_MISSING', false, /OU does not exist/);
    await expectFailure(lab.exec('Exchange.EnableOrganization', c.ou), 'LAB_PREREQUISITE_MISSING');
    await lab.exec('Directory.CreateOrganization', c.ou, run());
    await lab.exec('Directory.CreateUser', c.user('ann'), run());
    // A mailbox needs the Exchange organization and an accepted domain for its address.
    await expectFailure(lab.exec('Exchange.CreateMailbox', c.user('ann')), 'LAB_PREREQUISITE_MISSING');
    await lab.exec('Exchange.EnableOrganization', c.ou, run());
    await expectFailure(lab.exec('Exchange.CreateMailbox', c.user('ann')), 'LAB_PREREQUISITE_MISSING', false, /accepted domain/);
    await lab.exec('Exchange.AddAcceptedDomain', c.ou, run());
    await expectFailure(lab.exec('Exchange.CreateMailbox', c.user('nobody')), 'LAB_PREREQUISITE_MISSING', false, /directory user/);
    await lab.exec('Exchange.CreateMailbox', c.user('ann'), run());
    // A mobility user needs its mailbox and the policy.
    await expectFailure(
      lab.exec('Mobility.EnableUser', { organization: c.organization, user: { alias: 'ann' }, policy: { name: 'None' } }),
      'LAB_PREREQUISITE_MISSING',
      false,
      /policy/,
    );
    await lab.exec('Directory.CreateUser', c.user('bo'), run());
    await lab.exec('Mobility.CreatePolicy', { organization: c.organization, policy: { name: 'Default' } }, run());
    await expectFailure(
      lab.exec('Mobility.EnableUser', { organization: c.organization, user: { alias: 'bo' }, policy: { name: 'Default' } }),
      'LAB_PREREQUISITE_MISSING',
      false,
      /mailbox/,
    );
    // A record needs its zone; a SIP user its SIP domain and directory user.
    await expectFailure(lab.exec('DNS.AddRecord', c.record('www', 'A', '192.0.2.1')), 'LAB_PREREQUISITE_MISSING', false, /zone/);
    await expectFailure(lab.exec('Communications.EnableUser', c.user('ann')), 'LAB_PREREQUISITE_MISSING', false, /SIP domain/);
    await lab.exec('Communications.CreateSipDomain', c.ou, run());
    await expectFailure(lab.exec('Communications.EnableUser', c.user('ghost')), 'LAB_PREREQUISITE_MISSING', false, /directory user/);
    // Reads and changes of missing objects.
    await expectFailure(lab.exec('Exchange.GetMailbox', c.user('bo')), 'LAB_NOT_FOUND');
    await expectFailure(lab.exec('Exchange.SetMailboxQuota', c.user('bo')), 'LAB_NOT_FOUND');
    await expectFailure(lab.exec('DNS.PublishZone', { zone: { name: 'no-such-zone.example' } }), 'LAB_NOT_FOUND');
    await expectFailure(lab.exec('Mobility.WipeDevice', { organization: c.organization, user: { alias: 'ann' }, device: { id: 'x' } }), 'LAB_NOT_FOUND');
  });

  it('refuses deletes that would orphan dependent objects', async () => {
    const c = customer(orgId(), 'in-use.example');
    const r = run();
    await provisionMailOrganization(lab, c, r);
    await lab.exec('Directory.CreateUser', c.user('cat'), r);
    await lab.exec('Exchange.CreateMailbox', c.user('cat'), r);
    await lab.exec('Mobility.CreatePolicy', { organization: c.organization, policy: { name: 'Default' } }, r);
    await lab.exec('Mobility.EnableUser', { organization: c.organization, user: { alias: 'cat' }, policy: { name: 'Default' } }, r);
    await lab.exec('Communications.CreateSipDomain', c.ou, r);
    await lab.exec('Communications.EnableUser', c.user('cat'), r);

    await expectFailure(lab.exec('Directory.DeleteOrganization', c.ou, run()), 'LAB_IN_USE');
    await expectFailure(lab.exec('Directory.DeleteUser', c.user('cat'), run()), 'LAB_IN_USE');
    await expectFailure(lab.exec('Exchange.DisableOrganization', c.ou, run()), 'LAB_IN_USE');
    await expectFailure(lab.exec('Exchange.DeleteMailbox', c.user('cat'), run()), 'LAB_IN_USE', false, /mobility/);
    await expectFailure(lab.exec('Mobility.DeletePolicy', { organization: c.organization, policy: { name: 'Default' } }, run()), 'LAB_IN_USE', false, /policy/);
    await expectFailure(lab.exec('Communications.DeleteSipDomain', c.ou, run()), 'LAB_IN_USE', false, /SIP users/);
    // A create's rollback is refused too while later objects depend on it.
    await expectFailure(lab.rollback('Directory.CreateUser', c.user('cat'), undefined, r), 'LAB_IN_USE');
    expect(await labInventory(lab.sql, c.organization.id)).toMatchObject({
      ous: 1,
      users: 1,
      mailboxes: 1,
      mobilityUsers: 1,
      mobilityPolicies: 1,
      sipDomains: 1,
      sipUsers: 1,
    });
  });

  it('treats names owned by another organization as conflicts', async () => {
    const a = customer(orgId(), 'shared.example');
    const b = customer(orgId(), 'shared.example');
    await provisionMailOrganization(lab, a, run());
    await lab.exec('Directory.CreateOrganization', b.ou, run());
    await lab.exec('Exchange.EnableOrganization', b.ou, run());
    await expectFailure(lab.exec('Exchange.AddAcceptedDomain', b.ou), 'LAB_CONFLICT', false, /another organization/);
    await expectFailure(lab.exec('Exchange.RemoveAcceptedDomain', b.ou), 'LAB_CONFLICT');
    await lab.exec('Directory.CreateUser', a.user('ann'), run());
    await expectFailure(lab.exec('Directory.CreateUser', b.user('ann')), 'LAB_CONFLICT', false, /ann@shared.example/);
    await lab.exec('DNS.CreateZone', a.zone, run());
    await expectFailure(lab.exec('DNS.CreateZone', b.zone), 'LAB_CONFLICT');
    // DNS calls name only the zone: the run's organization must own it.
    await expectFailure(lab.exec('DNS.AddRecord', b.record('www', 'A', '192.0.2.7'), { organizationId: b.organization.id }), 'LAB_CONFLICT');
    await expectFailure(lab.exec('DNS.DeleteZone', { zone: { name: 'shared.example' } }, { organizationId: b.organization.id }), 'LAB_CONFLICT');
    await lab.exec('Communications.CreateSipDomain', a.ou, run());
    await expectFailure(lab.exec('Communications.CreateSipDomain', b.ou), 'LAB_CONFLICT');
    const site = (o: { id: string }) => ({ organization: o, site: { url: 'https://sites.lab.example/shared', quotaMb: '10' } });
    await lab.exec('SharePoint.CreateSiteCollection', site(a.organization), run());
    await expectFailure(lab.exec('SharePoint.CreateSiteCollection', site(b.organization)), 'LAB_CONFLICT');
    await expectFailure(lab.exec('SharePoint.DeleteSiteCollection', site(b.organization)), 'LAB_CONFLICT');
    expect(await labInventory(lab.sql, b.organization.id)).toMatchObject({ acceptedDomains: 0, users: 0, zones: 0, sipDomains: 0, siteCollections: 0 });
    expect(await labInventory(lab.sql, a.organization.id)).toMatchObject({ acceptedDomains: 1, users: 1, zones: 1, sipDomains: 1, siteCollections: 1 });
  });

  it('keeps a CNAME alone at its name', async () => {
    const c = customer(orgId(), 'cname.example');
    await lab.exec('DNS.CreateZone', c.zone, run());
    await lab.exec('DNS.AddRecord', c.record('www', 'A', '192.0.2.1'), run());
    await expectFailure(lab.exec('DNS.AddRecord', c.record('www', 'CNAME', 'elsewhere.example')), 'LAB_CONFLICT');
    await lab.exec('DNS.AddRecord', c.record('docs', 'CNAME', 'elsewhere.example'), run());
    await expectFailure(lab.exec('DNS.AddRecord', c.record('docs', 'TXT', 'hello')), 'LAB_CONFLICT');
  });

  it.each([
    ['Directory.CreateOrganization', { organization: { id: 'org_1', name: 'X', domain: 'not a domain' } }, /organization.domain/],
    ['Directory.CreateOrganization', { organization: { id: 'org_1', name: 'X', domain: 'раураl.com' } }, /punycode/],
    ['Directory.CreateOrganization', { organization: { id: 'org_1', name: 'X', domain: `${'a'.repeat(64)}.example` } }, /organization.domain/],
    ['Directory.CreateOrganization', { organization: { id: "org'; DROP TABLE x;--", name: 'X', domain: 'x.example' } }, /organization.id/],
    ['Directory.CreateOrganization', { organization: { id: 'org_1', name: 'bad\u0000name', domain: 'x.example' } }, /organization.name/],
    ['Directory.CreateOrganization', {}, /organization: is required/],
    ['Directory.CreateUser', { organization: { id: 'org_1', domain: 'x.example' }, user: { alias: 'a b', displayName: 'A' } }, /user.alias/],
    ['Directory.CreateUser', { organization: { id: 'org_1', domain: 'x.example' }, user: { alias: '.ann', displayName: 'A' } }, /user.alias/],
    ['Directory.SetUserProperties', { organization: { id: 'org_1' }, user: { alias: 'ann', disabled: 'maybe' } }, /user.disabled/],
    [
      'Exchange.CreateMailbox',
      { organization: { id: 'org_1', domain: 'x.example' }, user: { alias: 'ann', displayName: 'A', mailboxSizeMb: 'lots' } },
      /mailboxSizeMb/,
    ],
    ['Exchange.SetMailboxQuota', { organization: { id: 'org_1' }, user: { alias: 'ann', mailboxSizeMb: '-5' } }, /mailboxSizeMb/],
    ['Exchange.SetMailboxQuota', { organization: { id: 'org_1' }, user: { alias: 'ann', mailboxSizeMb: '99999999999' } }, /mailboxSizeMb/],
    ['DNS.AddRecord', { zone: { name: 'x.example' }, record: { name: 'www', type: 'NS', value: 'a.example' } }, /record.type/],
    ['DNS.AddRecord', { zone: { name: 'x.example' }, record: { name: 'www', type: 'A', value: '300.1.1.1' } }, /IPv4/],
    ['DNS.AddRecord', { zone: { name: 'x.example' }, record: { name: 'www', type: 'AAAA', value: '192.0.2.1' } }, /IPv6/],
    ['DNS.AddRecord', { zone: { name: 'x.example' }, record: { name: '@', type: 'CNAME', value: 'a.example' } }, /apex/],
    ['DNS.AddRecord', { zone: { name: 'x.example' }, record: { name: 'www.other.example.', type: 'A', value: '192.0.2.1' } }, /inside the zone/],
    ['DNS.AddRecord', { zone: { name: 'x.example' }, record: { name: '_sip._tls', type: 'SRV', value: '5061 sip.x.example' } }, /weight port target/],
    ['DNS.AddRecord', { zone: { name: 'x.example' }, record: { name: 'www', type: 'A', value: '192.0.2.1', priority: '5' } }, /priority/],
    ['DNS.AddRecord', { zone: { name: 'x.example' }, record: { name: 'www', type: 'A', value: '192.0.2.1', ttl: '5' } }, /ttl/],
    ['SharePoint.CreateSiteCollection', { organization: { id: 'org_1' }, site: { url: 'ftp://x.example/a', quotaMb: '5' } }, /site.url/],
    ['SharePoint.CreateSiteCollection', { organization: { id: 'org_1' }, site: { url: 'https://u:p@x.example/a', quotaMb: '5' } }, /site.url/],
    ['Mobility.CreatePolicy', { organization: { id: 'org_1' }, policy: { name: 'x', maxDevicesPerUser: '0' } }, /maxDevicesPerUser/],
    ['Mobility.WipeDevice', { organization: { id: 'org_1' }, user: { alias: 'ann' }, device: { id: '../etc' } }, /device.id/],
  ])('rejects invalid input to %s (%#)', (id, raw, message) => {
    let thrown: any;
    try {
      lab.proc(id).parseInput(raw);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: 'INVALID_INPUT', retryable: false });
    expect(thrown.message).toMatch(message);
  });

  it('converts XML-ish input: single-element arrays, numbers and booleans in text, extra fields ignored', () => {
    const input = lab.proc('Exchange.CreateMailbox').parseInput({
      organization: [{ id: 'org_1', domain: 'X.Example.', plan: 'gold@1' }],
      user: { alias: ' Ann ', displayName: 'Ann Lee', mailboxSizeMb: '512', userPlan: 'mobile@1' },
      ouPath: 'OU=…',
    });
    expect(input).toEqual({ organizationId: 'org_1', domain: 'x.example', alias: 'ann', displayName: 'Ann Lee', mailboxSizeMb: 512 });
    expect(lab.proc('Exchange.CreateMailbox').naturalKey(input)).toBe('mailbox:org_1:ann');
  });

  it('creates one object when 20 identical creates race, and all of them get the same output', async () => {
    const c = customer(orgId(), 'race.example');
    await provisionMailOrganization(lab, c, run());
    await lab.exec('Directory.CreateUser', c.user('zed'), run());
    const results = await Promise.all(Array.from({ length: 20 }, () => lab.exec('Exchange.CreateMailbox', c.user('zed'), run())));
    expect(new Set(results.map((r) => JSON.stringify(r.output))).size).toBe(1);
    const sites = await Promise.all(
      Array.from({ length: 20 }, () =>
        lab.exec('SharePoint.CreateSiteCollection', { organization: c.organization, site: { url: 'https://sites.lab.example/race', quotaMb: '5' } }, run()),
      ),
    );
    expect(new Set(sites.map((r) => r.output.siteId)).size).toBe(1);
    expect(await labInventory(lab.sql, c.organization.id)).toMatchObject({ mailboxes: 1, siteCollections: 1 });
  });

  it('lets exactly one of 20 organizations racing for the same domain win; the others get a conflict', async () => {
    const orgs = Array.from({ length: 20 }, () => customer(orgId(), 'contested.example'));
    for (const c of orgs) {
      await lab.exec('Directory.CreateOrganization', c.ou, run());
      await lab.exec('Exchange.EnableOrganization', c.ou, run());
    }
    const outcomes = await Promise.allSettled(orgs.map((c) => lab.exec('Exchange.AddAcceptedDomain', c.ou, run())));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(Array(19).fill('LAB_CONFLICT'));
    expect(await labDuplicates(lab.sql)).toEqual([]);
  });

  it('answers a retryable LAB_UNAVAILABLE when the platform store cannot be reached', async () => {
    const dead = new Pool({ connectionString: 'postgres://lab@127.0.0.1:1/lab', connectionTimeoutMillis: 2000, max: 1 });
    try {
      const p = createLabProvider(dead).procedures.find((x) => x.namespace === 'DNS' && x.name === 'CreateZone')!;
      await expect(p.execute(p.parseInput(customer(orgId(), 'dead.example').zone), lab.ctx())).rejects.toMatchObject({
        code: 'LAB_UNAVAILABLE',
        retryable: true,
      });
    } finally {
      await dead.end();
    }
  });

  it('finds duplicated natural keys when a unique index is missing', async () => {
    // On a database of its own: the index is dropped to prove the query would see a duplicate.
    const db = await createTestDatabase();
    const pool = new Pool({ connectionString: db.ownerUrl, max: 2 });
    try {
      const sql = sqlOfPg(pool);
      expect(await labDuplicates(sql)).toEqual([]);
      await sql.query(`ALTER TABLE lab.site_collections DROP CONSTRAINT lab_site_collections_pkey`);
      await sql.query(`DROP INDEX lab.lab_directory_users_upn_key`);
      await sql.query(
        `INSERT INTO lab.site_collections (url, organization_id, site_id, title, quota_mb) VALUES ('https://x.example/a', 'org_a', 's1', 'A', 1), ('https://x.example/a', 'org_b', 's2', 'A', 1)`,
      );
      await sql.query(
        `INSERT INTO lab.directory_ous (organization_id, name, domain, ou_path) VALUES ('org_a', 'A', 'x.example', 'OU=a'), ('org_b', 'B', 'x.example', 'OU=b')`,
      );
      await sql.query(
        `INSERT INTO lab.directory_users (organization_id, alias, upn, distinguished_name, display_name) VALUES ('org_a', 'ann', 'ann@x.example', 'CN=ann', 'Ann'), ('org_b', 'ann', 'ann@x.example', 'CN=ann', 'Ann')`,
      );
      const dups = await labDuplicates(sql);
      expect(dups).toEqual(
        expect.arrayContaining([
          { type: 'siteCollections', key: { url: 'https://x.example/a' }, count: 2 },
          { type: 'users', key: { upn: 'ann@x.example' }, count: 2 },
        ]),
      );
      expect(dups).toHaveLength(2);
    } finally {
      await pool.end();
      await db.drop();
    }
  });
});
