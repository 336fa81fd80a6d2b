import { createLdapProvider } from '../../src/provisioning/providers/ldap/ldap-provider';
import { createPowerDnsProvider } from '../../src/provisioning/providers/powerdns/powerdns-provider';
import { ContractClient, type ContractTarget, failure, freshTenant, runCtx } from '../providers/contract';
import { directoryContract } from '../providers/directory-contract';
import { dnsContract } from '../providers/dns-contract';
import { type PlatformHarness, startPlatformHarness } from './platform-harness';

/**
 * The provider contract (test/providers, the same behaviours `npm test` runs against the lab)
 * against OpenLDAP and PowerDNS, plus what only a networked platform has: a platform that does
 * not answer fails calls as retryable, and probes say so.
 */
describe('provider contract: ldap and powerdns', () => {
  let h: PlatformHarness;
  let ldap: ContractTarget;
  let pdns: ContractTarget;
  beforeAll(async () => {
    h = await startPlatformHarness();
    const closedPort = 'http://127.0.0.1:9';
    ldap = {
      provider: createLdapProvider(h.ldapSettings()),
      unreachable: createLdapProvider({ ...h.ldapSettings(), url: 'ldap://127.0.0.1:9', timeoutMs: 1000 }),
      close: async () => undefined,
    };
    pdns = {
      provider: createPowerDnsProvider(h.pdnsSettings()),
      unreachable: createPowerDnsProvider({ ...h.pdnsSettings(), apiUrl: closedPort, timeoutMs: 1000 }),
      close: async () => undefined,
    };
  });
  afterAll(async () => {
    for (const t of [ldap, pdns]) {
      await t?.provider.close?.();
      await t?.unreachable?.close?.();
    }
    await h?.close();
  });

  describe('ldap', () => directoryContract(() => ldap));
  describe('powerdns', () => dnsContract(() => pdns));

  it('fails calls to a platform that does not answer as retryable, and probes say unreachable', async () => {
    const t = freshTenant();
    const ctx = runCtx(t.id);
    const l = await failure(new ContractClient(ldap.unreachable!).exec('Directory.CreateOrganization', t.ou, ctx));
    expect(l).toMatchObject({ code: 'LDAP_UNAVAILABLE', retryable: true });
    const d = await failure(new ContractClient(pdns.unreachable!).exec('DNS.CreateZone', t.zone, ctx));
    expect(d).toMatchObject({ code: 'PDNS_UNAVAILABLE', retryable: true });
    expect(await ldap.unreachable!.probe!()).toMatchObject({ ok: false });
    expect(await pdns.unreachable!.probe!()).toMatchObject({ ok: false });
    expect(await ldap.provider.probe!()).toEqual({ ok: true, detail: h.slapd.url });
    expect(await pdns.provider.probe!()).toEqual({ ok: true, detail: h.powerdns.apiUrl });
  });

  it('fails a wrong API key or bind password permanently (configuration, not the call)', async () => {
    const t = freshTenant();
    const badLdap = createLdapProvider({ ...h.ldapSettings(), bindPassword: 'wrong' });
    const badPdns = createPowerDnsProvider({ ...h.pdnsSettings(), apiKey: 'wrong' });
    try {
      expect(await failure(new ContractClient(badLdap).exec('Directory.CreateOrganization', t.ou, runCtx(t.id)))).toMatchObject({
        code: 'LDAP_CONFIGURATION',
        retryable: false,
      });
      expect(await failure(new ContractClient(badPdns).exec('DNS.CreateZone', t.zone, runCtx(t.id)))).toMatchObject({
        code: 'PDNS_CONFIGURATION',
        retryable: false,
      });
    } finally {
      await badLdap.close?.();
    }
  });
});
