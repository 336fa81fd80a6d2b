import { newId } from '../src/common/ids';
import { labInventory, labRegisterDevice, labState } from '../src/provisioning/providers/lab';
import { customer, type LabHarness, provisionMailOrganization, startLab } from './lab-harness';

/**
 * Every lab procedure: executes, is idempotent (twice → one object, same output), its rollback
 * undoes it, is idempotent, and works without rollback data.
 */
describe('lab provider procedures', () => {
  let lab: LabHarness;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(() => lab.close());

  const orgId = () => newId('org');
  const run = () => ({ runId: newId('run') });

  it('implements every leaf procedure but Plans, with a rollback for every write', () => {
    const ids = lab.provider.procedures.map((p) => `${p.namespace}.${p.name}`);
    expect(ids).toHaveLength(37);
    expect(ids.some((id) => id.startsWith('Plans.'))).toBe(false);
    for (const p of lab.provider.procedures) expect(typeof p.rollback === 'function').toBe(p.kind === 'write');
    expect(lab.provider.name).toBe('lab');
  });

  it('creates an organization, users and mailboxes idempotently: twice gives one object and the same output', async () => {
    const c = customer(orgId(), 'contoso-idem.example');
    const r = run();
    const first = await lab.exec('Directory.CreateOrganization', c.ou, r);
    const again = await lab.exec('Directory.CreateOrganization', c.ou, r);
    expect(first.output).toEqual({ ouPath: `OU=${c.organization.id},OU=Hosting,DC=lab,DC=provisio` });
    expect(again.output).toEqual(first.output);

    const ex1 = await lab.exec('Exchange.EnableOrganization', c.ou, r);
    expect(await lab.exec('Exchange.EnableOrganization', c.ou, r)).toEqual(ex1);
    expect(ex1.output).toEqual({ exchangeOrganization: c.organization.name, globalAddressList: `${c.organization.name} GAL` });
    await lab.exec('Exchange.AddAcceptedDomain', c.ou, r);
    await lab.exec('Exchange.AddAcceptedDomain', c.ou, r);

    const u1 = await lab.exec('Directory.CreateUser', c.user('Ann'), r);
    expect(u1.output).toEqual({
      userPrincipalName: 'ann@contoso-idem.example',
      distinguishedName: `CN=ann,OU=${c.organization.id},OU=Hosting,DC=lab,DC=provisio`,
    });
    expect((await lab.exec('Directory.CreateUser', c.user('ann'), r)).output).toEqual(u1.output);
    const m1 = await lab.exec('Exchange.CreateMailbox', c.user('ann'), r);
    expect(m1.output).toEqual({ primarySmtpAddress: 'ann@contoso-idem.example' });
    expect((await lab.exec('Exchange.CreateMailbox', c.user('ann'), r)).output).toEqual(m1.output);

    expect(await labInventory(lab.sql, c.organization.id)).toMatchObject({ ous: 1, users: 1, exchangeOrganizations: 1, acceptedDomains: 1, mailboxes: 1 });
    const state = await labState(lab.sql, c.organization.id);
    expect(state.mailboxes).toEqual([
      { alias: 'ann', primarySmtpAddress: 'ann@contoso-idem.example', displayName: 'ann of ' + c.organization.id, quotaMb: 2048 },
    ]);
    expect(state.acceptedDomains).toEqual(['contoso-idem.example']);

    expect((await lab.exec('Directory.GetUser', c.user('ann'))).output).toEqual({
      userPrincipalName: 'ann@contoso-idem.example',
      displayName: 'Ann of ' + c.organization.id,
      disabled: false,
    });
    expect((await lab.exec('Exchange.GetMailbox', c.user('ann'))).output).toEqual({ primarySmtpAddress: 'ann@contoso-idem.example', mailboxSizeMb: 2048 });
    expect((await lab.exec('Directory.ListUsers', c.ou)).output).toEqual({
      users: [{ alias: 'ann', userPrincipalName: 'ann@contoso-idem.example', displayName: 'Ann of ' + c.organization.id, disabled: false }],
    });
  });

  it('rolls back creates in reverse order, idempotently, with or without rollback data', async () => {
    const c = customer(orgId(), 'rollback-creates.example');
    const r = run();
    const steps: [string, Record<string, unknown>][] = [
      ['Directory.CreateOrganization', c.ou],
      ['Exchange.EnableOrganization', c.ou],
      ['Exchange.AddAcceptedDomain', c.ou],
      ['Directory.CreateUser', c.user('bob')],
      ['Exchange.CreateMailbox', c.user('bob')],
      ['Mobility.CreatePolicy', { organization: c.organization, policy: { name: 'Default', requirePin: 'true', maxDevicesPerUser: '3' } }],
      ['Mobility.EnableUser', { organization: c.organization, user: { alias: 'bob' }, policy: { name: 'Default' } }],
      ['Communications.CreateSipDomain', c.ou],
      ['Communications.EnableUser', { organization: c.organization, user: { alias: 'bob', federation: 'true' } }],
      ['DNS.CreateZone', c.zone],
      ['DNS.AddRecord', c.record('@', 'MX', 'mail.rollback-creates.example')],
      ['SharePoint.CreateSiteCollection', { organization: c.organization, site: { url: 'https://sites.lab.example/rollback-creates', quotaMb: '500' } }],
    ];
    const results = [];
    for (const [id, raw] of steps) results.push(await lab.exec(id, raw, r));
    const full = await labInventory(lab.sql, c.organization.id);
    expect(Object.values(full).reduce((a, b) => a + b, 0)).toBe(12);

    for (let i = steps.length - 1; i >= 0; i--) {
      const [id, raw] = steps[i];
      // Odd steps without rollback data (outcome unknown), every rollback twice.
      const data = i % 2 ? undefined : results[i].rollback;
      await lab.rollback(id, raw, data, r);
      await lab.rollback(id, raw, data, r);
    }
    expect(Object.values(await labInventory(lab.sql, c.organization.id)).every((n) => n === 0)).toBe(true);
  });

  it('does not remove, on rollback, an object that another run created (an idempotent create did nothing)', async () => {
    const c = customer(orgId(), 'owned-elsewhere.example');
    await lab.exec('Directory.CreateOrganization', c.ou, run());
    const other = run();
    await lab.exec('Directory.CreateOrganization', c.ou, other);
    await lab.rollback('Directory.CreateOrganization', c.ou, undefined, other);
    expect((await labInventory(lab.sql, c.organization.id)).ous).toBe(1);
  });

  it('rolls back deletes by restoring the object and what went with it, even without rollback data', async () => {
    const c = customer(orgId(), 'restore-deletes.example');
    const setup = run();
    await provisionMailOrganization(lab, c, setup);
    await lab.exec('Mobility.CreatePolicy', { organization: c.organization, policy: { name: 'Strict' } }, setup);
    await lab.exec('Directory.CreateUser', c.user('cy'), setup);
    await lab.exec('Exchange.CreateMailbox', c.user('cy', { mailboxSizeMb: '777' }), setup);
    await lab.exec('Mobility.EnableUser', { organization: c.organization, user: { alias: 'cy' }, policy: { name: 'Strict' } }, setup);
    await labRegisterDevice(lab.sql, { organizationId: c.organization.id, alias: 'cy', deviceId: 'iphone1', model: 'iPhone' });
    await lab.exec('DNS.CreateZone', c.zone, setup);
    await lab.exec('DNS.AddRecord', c.record('www', 'A', '192.0.2.10'), setup);
    await lab.exec('DNS.AddRecord', c.record('@', 'TXT', 'v=spf1 -all'), setup);
    const before = await labState(lab.sql, c.organization.id);

    const del = run();
    const deletes: [string, Record<string, unknown>][] = [
      ['Mobility.DisableUser', { organization: c.organization, user: { alias: 'cy' } }],
      ['Exchange.DeleteMailbox', c.user('cy')],
      ['Directory.DeleteUser', c.user('cy')],
      ['DNS.RemoveRecord', c.record('www', 'A', '192.0.2.10')],
      ['DNS.DeleteZone', { zone: { name: c.zone.zone.name } }],
      ['Mobility.DeletePolicy', { organization: c.organization, policy: { name: 'Strict' } }],
      ['Exchange.RemoveAcceptedDomain', c.ou],
      ['Exchange.DisableOrganization', c.ou],
      ['Directory.DeleteOrganization', c.ou],
    ];
    for (const [id, raw] of deletes) {
      await lab.exec(id, raw, del);
      await lab.exec(id, raw, del); // already gone: success
    }
    expect(Object.values(await labInventory(lab.sql, c.organization.id)).every((n) => n === 0)).toBe(true);

    for (const [id, raw] of [...deletes].reverse()) {
      await lab.rollback(id, raw, undefined, del);
      await lab.rollback(id, raw, undefined, del);
    }
    const after = await labState(lab.sql, c.organization.id);
    // Zone serials moved (records came and went); everything else is exactly as before.
    expect({ ...after, zones: after.zones.map((z) => ({ ...z, serial: 0 })) }).toEqual({ ...before, zones: before.zones.map((z) => ({ ...z, serial: 0 })) });
  });

  it('restores the Exchange organization with its accepted domains and policies when DisableOrganization is rolled back', async () => {
    const c = customer(orgId(), 'exchange-cascade.example');
    await provisionMailOrganization(lab, c, run());
    await lab.exec('Mobility.CreatePolicy', { organization: c.organization, policy: { name: 'P1' } }, run());
    const r = run();
    await lab.exec('Exchange.DisableOrganization', c.ou, r);
    expect(await labInventory(lab.sql, c.organization.id)).toMatchObject({ exchangeOrganizations: 0, acceptedDomains: 0, mobilityPolicies: 0 });
    await lab.rollback('Exchange.DisableOrganization', c.ou, undefined, r);
    expect(await labInventory(lab.sql, c.organization.id)).toMatchObject({ exchangeOrganizations: 1, acceptedDomains: 1, mobilityPolicies: 1 });
    expect((await labState(lab.sql, c.organization.id)).exchangeOrganization?.addressLists).toHaveLength(4);
  });

  it('changes quotas and user properties, returning the previous values that rollback restores', async () => {
    const c = customer(orgId(), 'set-props.example');
    const setup = run();
    await provisionMailOrganization(lab, c, setup);
    await lab.exec('Directory.CreateUser', c.user('dee'), setup);
    await lab.exec('Exchange.CreateMailbox', c.user('dee'), setup);
    const site = { organization: c.organization, site: { url: 'https://sites.lab.example/Set-Props/', title: 'Team', quotaMb: '100' } };
    await lab.exec('SharePoint.CreateSiteCollection', site, setup);

    const r = run();
    const q = await lab.exec('Exchange.SetMailboxQuota', c.user('dee', { mailboxSizeMb: '4096' }), { ...r, stepSeq: 7 });
    expect(q.rollback).toEqual({ mailboxSizeMb: 2048 });
    // The engine died after the lab committed: the re-execution still reports the original quota.
    const again = await lab.exec('Exchange.SetMailboxQuota', c.user('dee', { mailboxSizeMb: '4096' }), { ...r, stepSeq: 7, attempt: 2 });
    expect(again.rollback).toEqual({ mailboxSizeMb: 2048 });
    // A retry (next journal seq) after an attempt whose write committed but whose answer was lost.
    const retried = await lab.exec('Exchange.SetMailboxQuota', c.user('dee', { mailboxSizeMb: '4096' }), { ...r, stepSeq: 8, attempt: 2 });
    expect(retried.rollback).toEqual({ mailboxSizeMb: 2048 });
    expect((await lab.exec('Exchange.GetMailbox', c.user('dee'))).output.mailboxSizeMb).toBe(4096);
    await lab.rollback('Exchange.SetMailboxQuota', c.user('dee', { mailboxSizeMb: '4096' }), q.rollback, r);
    await lab.rollback('Exchange.SetMailboxQuota', c.user('dee', { mailboxSizeMb: '4096' }), q.rollback, r);
    expect((await lab.exec('Exchange.GetMailbox', c.user('dee'))).output.mailboxSizeMb).toBe(2048);

    const p = await lab.exec(
      'Directory.SetUserProperties',
      { organization: c.organization, user: { alias: 'dee', displayName: 'Dee Renamed', disabled: 'true' } },
      r,
    );
    expect(p.rollback).toEqual({ displayName: 'dee of ' + c.organization.id, disabled: false });
    expect((await lab.exec('Directory.GetUser', c.user('dee'))).output).toMatchObject({ displayName: 'Dee Renamed', disabled: true });
    // Without rollback data: the change log of this run tells what to restore.
    await lab.rollback('Directory.SetUserProperties', { organization: c.organization, user: { alias: 'dee' } }, undefined, r);
    expect((await lab.exec('Directory.GetUser', c.user('dee'))).output).toMatchObject({ displayName: 'dee of ' + c.organization.id, disabled: false });

    const s = await lab.exec('SharePoint.SetSiteQuota', { ...site, site: { ...site.site, quotaMb: '900' } }, r);
    expect(s.rollback).toEqual({ quotaMb: 100 });
    expect((await lab.exec('SharePoint.GetSite', site)).output).toEqual({ quotaMb: 900, title: 'Team' });
    await lab.rollback('SharePoint.SetSiteQuota', site, s.rollback, r);
    expect((await lab.exec('SharePoint.GetSite', site)).output).toEqual({ quotaMb: 100, title: 'Team' });

    // A run that never changed the site: no rollback data, nothing logged → left as is, success.
    await lab.exec('SharePoint.SetSiteQuota', { ...site, site: { ...site.site, quotaMb: '300' } }, run());
    await lab.rollback('SharePoint.SetSiteQuota', site, undefined, run());
    expect((await lab.exec('SharePoint.GetSite', site)).output).toEqual({ quotaMb: 300, title: 'Team' });
  });

  it('publishes a zone (serial bumps) and pauses it again on rollback; records bump the serial', async () => {
    const c = customer(orgId(), 'publish.example');
    const r = run();
    await lab.exec('DNS.CreateZone', c.zone, r);
    expect((await lab.exec('DNS.GetZone', c.zone)).output).toEqual({ published: false, records: [] });
    await lab.exec('DNS.AddRecord', c.record('_sip._tls', 'SRV', '1 443 sip.publish.example'), r);
    await lab.exec('DNS.AddRecord', c.record('autodiscover.publish.example.', 'CNAME', 'autodiscover.lab.example.'), r);
    await lab.exec('DNS.AddRecord', c.record('@', 'MX', 'MAIL.publish.example', { priority: '5', ttl: '600' }), r);
    await lab.exec('DNS.AddRecord', c.record('v6', 'AAAA', '2001:DB8:0:0:0:0:0:1'), r);
    const pub = await lab.exec('DNS.PublishZone', { zone: { name: 'publish.example' } }, r);
    expect(pub.output.serial).toBe(6);
    expect(pub.rollback).toEqual({ published: false });
    expect((await lab.exec('DNS.PublishZone', { zone: { name: 'publish.example' } }, r)).output.serial).toBe(6);
    const zone = await lab.exec('DNS.GetZone', c.zone);
    expect(zone.output).toEqual({
      published: true,
      records: [
        { name: '@', type: 'MX', value: 'mail.publish.example', ttl: 600, priority: 5 },
        { name: '_sip._tls', type: 'SRV', value: '1 443 sip.publish.example', ttl: 3600, priority: 0 },
        { name: 'autodiscover', type: 'CNAME', value: 'autodiscover.lab.example', ttl: 3600, priority: null },
        { name: 'v6', type: 'AAAA', value: '2001:db8::1', ttl: 3600, priority: null },
      ],
    });
    await lab.rollback('DNS.PublishZone', { zone: { name: 'publish.example' } }, undefined, r);
    expect((await lab.exec('DNS.GetZone', c.zone)).output.published).toBe(false);
    await lab.rollback('DNS.PublishZone', { zone: { name: 'publish.example' } }, pub.rollback, r);
    expect((await lab.exec('DNS.GetZone', c.zone)).output.published).toBe(false);
  });

  it('wipes a device and cancels the wipe on rollback; lists devices', async () => {
    const c = customer(orgId(), 'wipe.example');
    const r = run();
    await provisionMailOrganization(lab, c, r);
    await lab.exec('Directory.CreateUser', c.user('eve'), r);
    await lab.exec('Exchange.CreateMailbox', c.user('eve'), r);
    await lab.exec('Mobility.CreatePolicy', { organization: c.organization, policy: { name: 'Default' } }, r);
    await lab.exec('Mobility.EnableUser', { organization: c.organization, user: { alias: 'eve' }, policy: { name: 'Default' } }, r);
    await labRegisterDevice(lab.sql, { organizationId: c.organization.id, alias: 'eve', deviceId: 'pixel-7' });
    const input = { organization: c.organization, user: { alias: 'eve' }, device: { id: 'pixel-7' } };
    const w = await lab.exec('Mobility.WipeDevice', input, r);
    await lab.exec('Mobility.WipeDevice', input, r);
    expect(w.rollback).toEqual({ wipeStatus: 'none', wipeRequestedAt: null });
    const devices = (await lab.exec('Mobility.GetDevices', { organization: c.organization, user: { alias: 'eve' } })).output.devices as any[];
    expect(devices).toEqual([{ id: 'pixel-7', model: 'Lab Phone', wipeStatus: 'pending', wipeRequestedAt: expect.any(String) }]);
    await lab.rollback('Mobility.WipeDevice', input, w.rollback, r);
    const after = (await lab.exec('Mobility.GetDevices', { organization: c.organization, user: { alias: 'eve' } })).output.devices as any[];
    expect(after[0]).toMatchObject({ wipeStatus: 'none', wipeRequestedAt: null });
  });

  it('enables SIP users with their options and reads them back', async () => {
    const c = customer(orgId(), 'sip.example');
    const r = run();
    await lab.exec('Directory.CreateOrganization', c.ou, r);
    await lab.exec('Directory.CreateUser', c.user('fay'), r);
    await lab.exec('Communications.CreateSipDomain', c.ou, r);
    const input = { organization: c.organization, user: { alias: 'fay', federation: 'yes', conferencing: '1' } };
    const e = await lab.exec('Communications.EnableUser', input, r);
    expect(e.output).toEqual({ sipUri: 'sip:fay@sip.example' });
    expect(await lab.exec('Communications.EnableUser', input, r)).toEqual(e);
    expect((await lab.exec('Communications.GetSipUser', c.user('fay'))).output).toEqual({
      sipUri: 'sip:fay@sip.example',
      federation: true,
      conferencing: true,
    });
    const d = run();
    await lab.exec('Communications.DisableUser', c.user('fay'), d);
    await lab.exec('Communications.DeleteSipDomain', c.ou, d);
    expect(await labInventory(lab.sql, c.organization.id)).toMatchObject({ sipUsers: 0, sipDomains: 0 });
    await lab.rollback('Communications.DeleteSipDomain', c.ou, undefined, d);
    await lab.rollback('Communications.DisableUser', c.user('fay'), undefined, d);
    expect((await labState(lab.sql, c.organization.id)).sipUsers).toEqual([
      { alias: 'fay', sipUri: 'sip:fay@sip.example', im: true, presence: true, federation: true, conferencing: true },
    ]);
  });

  it('returns the same site id when a site collection is created twice', async () => {
    const c = customer(orgId(), 'sites.example');
    const input = { organization: c.organization, site: { url: 'https://sites.lab.example/Team-A', quotaMb: '250' } };
    const r = run();
    const a = await lab.exec('SharePoint.CreateSiteCollection', input, r);
    const b = await lab.exec('SharePoint.CreateSiteCollection', { ...input, site: { ...input.site, url: 'https://SITES.lab.example/team-a/' } }, r);
    expect(a.output.siteId).toMatch(/^site_/);
    expect(b.output).toEqual(a.output);
    expect((await labState(lab.sql, c.organization.id)).siteCollections).toEqual([
      { url: 'https://sites.lab.example/team-a', siteId: a.output.siteId, title: 'team-a', quotaMb: 250 },
    ]);
  });
});
