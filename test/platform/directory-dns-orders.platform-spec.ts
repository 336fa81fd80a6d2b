import { randomBytes } from 'node:crypto';
import { type Actor } from '../helpers/identity';
import { ContractClient, runCtx } from '../providers/contract';
import { powerDnsProvider } from './platform-harness';
import { type PlatformWorld, THREE_USERS, entriesOf, startPlatformWorld, transcript } from './platform-orders';

/**
 * A customer's life on the real directory and DNS, each step checked with the servers' own tools
 * (ldapsearch, a bind as the user, dig): subscribe, passwords, DNS records, user removal,
 * suspend and resume, cancel.
 */
describe('orders on OpenLDAP and PowerDNS', () => {
  let p: PlatformWorld;
  let c: Actor;
  const domain = `contoso-${randomBytes(3).toString('hex')}.example`;
  const password = 'Ann-Secret-4821';
  const soaSerial = () => Number(p.h.dig(domain, 'SOA').answers[0]?.split(/\s+/)[6]);
  const userDn = (alias: string) => entriesOf(p.h, c.orgId).find((dn) => dn.startsWith(`uid=${alias},`))!;

  beforeAll(async () => {
    p = await startPlatformWorld();
    c = await p.customer();
  });
  afterAll(() => p?.close());

  it('stages a zone: refused while paused, every record answers once published, the serial grows', async () => {
    const dns = new ContractClient(powerDnsProvider(p.h));
    const zone = `staged-${randomBytes(3).toString('hex')}.example`;
    const ctx = runCtx(c.orgId);
    await dns.exec('DNS.CreateZone', { organization: { id: c.orgId }, zone: { name: zone } }, ctx);
    await dns.exec('DNS.AddRecord', { zone: { name: zone }, record: { name: 'www', type: 'A', value: '192.0.2.10' } }, ctx);
    expect(p.h.dig(zone, 'SOA')).toEqual({ status: 'REFUSED', answers: [] });
    expect(p.h.dig(`www.${zone}`, 'A').status).toBe('REFUSED');
    const { serial } = (await dns.exec('DNS.PublishZone', { zone: { name: zone } }, ctx)).output as { serial: number };
    expect(p.h.dig(`www.${zone}`, 'A').answers).toEqual([expect.stringMatching(/^www\.\S+\s+3600\s+IN\s+A\s+192\.0\.2\.10$/)]);
    expect(Number(p.h.dig(zone, 'SOA').answers[0].split(/\s+/)[6])).toBe(serial);
    await dns.exec('DNS.AddRecord', { zone: { name: zone }, record: { name: 'ftp', type: 'A', value: '192.0.2.11' } }, ctx);
    expect(Number(p.h.dig(zone, 'SOA').answers[0].split(/\s+/)[6])).toBeGreaterThan(serial);
    await dns.exec('DNS.DeleteZone', { zone: { name: zone } }, ctx);
  });

  it('subscribe with 3 users: the OU, the users and the admins group in the directory, the zone in DNS', async () => {
    const done = await p.order(c.token, { type: 'subscribe', organizationId: c.orgId, plan: 'business-premium', domain, users: THREE_USERS });
    expect({ status: done.status, error: done.errorContext }).toEqual({ status: 'completed', error: null });

    const ldif = p.h.ldapsearch(`(|(ou=${c.orgId})(provisioOrganizationId=${c.orgId}))`, [
      'objectClass',
      'uid',
      'cn',
      'provisioUserPrincipalName',
      'provisioAccountStatus',
      'member',
    ]);
    transcript(`ldapsearch after subscribe (${c.orgId}, ${domain})`, ldif);
    const ou = `ou=${c.orgId},${p.h.slapd.hostingDn}`;
    expect(entriesOf(p.h, c.orgId)).toEqual([`cn=Admins,${ou}`, ou, `uid=ann,${ou}`, `uid=bob,${ou}`, `uid=cy,${ou}`].sort());
    expect(ldif).toContain(`provisioUserPrincipalName: ann@${domain}`);
    expect(ldif).toMatch(/objectClass: inetOrgPerson/);

    const records = ['SOA', 'NS', 'MX', 'TXT'].map((type) => ({ type, ...p.h.dig(domain, type) }));
    records.push({ type: 'CNAME', ...p.h.dig(`autodiscover.${domain}`, 'CNAME') }, { type: 'SRV', ...p.h.dig(`_sip._tls.${domain}`, 'SRV') });
    transcript(`dig after subscribe (${domain})`, records.map((r) => `${r.type}: ${r.status}\n${r.answers.join('\n')}`).join('\n'));
    for (const r of records)
      expect({ type: r.type, status: r.status, answered: r.answers.length > 0 }).toEqual({ type: r.type, status: 'NOERROR', answered: true });
  });

  it('a user binds with the password set through the API, and only with it', async () => {
    expect(await p.h.canBind(userDn('ann'), password)).toBe(false);
    const res = await p.t.request('PUT', `/v1/organizations/${c.orgId}/customer-users/ann/password`, { token: c.token, body: { password } });
    expect(res.status).toBe(204);
    expect(await p.h.canBind(userDn('ann'), password)).toBe(true);
    expect(await p.h.canBind(userDn('ann'), `${password}!`)).toBe(false);
    expect(await p.h.canBind(userDn('bob'), password)).toBe(false);
    // slapd keeps a hash ({ARGON2}); the manager sees that, never the password.
    expect(p.h.ldapsearch(`(uid=ann)`, ['userPassword'], userDn('ann'))).not.toContain(password);
  });

  it('add_dns_records and remove_dns_records: dig follows, the serial grows', async () => {
    const before = soaSerial();
    const added = await p.order(c.token, {
      type: 'add_dns_records',
      organizationId: c.orgId,
      records: [
        { name: 'www', type: 'A', value: '192.0.2.80' },
        { name: 'docs', type: 'CNAME', value: 'docs.example.net' },
      ],
    });
    expect(added.status).toBe('completed');
    expect(p.h.dig(`www.${domain}`, 'A').answers).toEqual([expect.stringContaining('192.0.2.80')]);
    expect(p.h.dig(`docs.${domain}`, 'CNAME').answers).toEqual([expect.stringContaining('docs.example.net.')]);
    const mid = soaSerial();
    expect(mid).toBeGreaterThan(before);
    const removed = await p.order(c.token, { type: 'remove_dns_records', organizationId: c.orgId, records: [{ name: 'www', type: 'A', value: '192.0.2.80' }] });
    expect(removed.status).toBe('completed');
    expect(p.h.dig(`www.${domain}`, 'A')).toEqual({ status: 'NXDOMAIN', answers: [] });
    expect(p.h.dig(`docs.${domain}`, 'CNAME').answers).toHaveLength(1);
    expect(soaSerial()).toBeGreaterThan(mid);
  });

  it('remove_users: the entry is gone', async () => {
    const done = await p.order(c.token, { type: 'remove_users', organizationId: c.orgId, aliases: ['bob'] });
    expect(done.status).toBe('completed');
    expect(entriesOf(p.h, c.orgId).some((dn) => dn.startsWith('uid=bob,'))).toBe(false);
    expect(p.h.ldapsearch('(uid=bob)', ['1.1'])).not.toContain('uid=bob');
  });

  it('suspend: binds are refused; resume: they work again', async () => {
    const ann = userDn('ann');
    expect((await p.order(p.hoster.token, { type: 'suspend', organizationId: c.orgId })).status).toBe('completed');
    expect(await p.h.canBind(ann, password)).toBe(false);
    transcript('ldapsearch of ann while suspended', p.h.ldapsearch('(uid=ann)', ['provisioAccountStatus'], ann));
    expect((await p.order(p.hoster.token, { type: 'resume', organizationId: c.orgId })).status).toBe('completed');
    expect(await p.h.canBind(ann, password)).toBe(true);
  });

  it('shows an operator what the platforms hold for the tenant', async () => {
    const res = await p.t.get(`/v1/platform/objects?organization=${c.orgId}`, { token: p.hoster.token });
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.providers.map((x: { provider: string }) => [x.provider, x]));
    expect(byName.ldap.objects.users.map((u: { alias: string }) => u.alias).sort()).toEqual(['ann', 'cy']);
    expect(byName.powerdns.objects.zones).toEqual([expect.objectContaining({ zone: domain, published: true })]);
    expect(JSON.stringify(res.body)).not.toContain(password);
    const ready = await p.t.get('/health/ready');
    const probes = Object.fromEntries(ready.body.providers.map((x: { provider: string }) => [x.provider, x]));
    expect(probes.ldap).toEqual({ provider: 'ldap', namespaces: ['Directory'], ok: true, detail: p.h.slapd.url });
    expect(probes.powerdns).toEqual({ provider: 'powerdns', namespaces: ['DNS'], ok: true, detail: p.h.powerdns.apiUrl });
    expect(ready.body.checks.providers.ok).toBe(true);
  });

  it('cancel: the OU and the zone are gone', async () => {
    const done = await p.order(c.token, { type: 'cancel', organizationId: c.orgId });
    expect(done.status).toBe('completed');
    expect(entriesOf(p.h, c.orgId)).toEqual([]);
    expect(p.h.dig(domain, 'SOA')).toEqual({ status: 'REFUSED', answers: [] });
    transcript(`after cancel (${c.orgId})`, `ldapsearch: ${entriesOf(p.h, c.orgId).length} entries\ndig SOA: ${p.h.dig(domain, 'SOA').status}`);
  });
});
