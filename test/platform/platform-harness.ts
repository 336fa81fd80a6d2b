import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningPlatform, startPlatform } from '../../scripts/platform/launcher';
import { type PowerDnsInfo, type SlapdInfo, powerDnsService, slapdService } from '../../scripts/platform/services';
import type { PlatformService } from '../../scripts/platform/service';
import { LdapConnection } from '../../src/provisioning/providers/ldap/ldap-connection';
import { type LdapProviderSettings, createLdapProvider } from '../../src/provisioning/providers/ldap/ldap-provider';
import { type PowerDnsProviderSettings, createPowerDnsProvider } from '../../src/provisioning/providers/powerdns/powerdns-provider';

/**
 * Real servers for one test file, started through the launcher of `npm run platform` (free
 * ports, a temporary folder), with the tools to look inside them as an operator would:
 * `ldapsearch`, a bind, `dig`.
 */
export interface PlatformHarness {
  platform: RunningPlatform;
  slapd: SlapdInfo;
  powerdns: PowerDnsInfo;
  /** Provisio's environment for these servers (PROVIDER_DIRECTORY=ldap, PROVIDER_DNS=powerdns, …). */
  env: Record<string, string>;
  ldapSettings(): LdapProviderSettings;
  pdnsSettings(): PowerDnsProviderSettings;
  /** `ldapsearch -LLL` as the manager under ou=Hosting (or `base`); the LDIF text. */
  ldapsearch(filter: string, attrs?: string[], base?: string): string;
  /** Does the directory accept this DN and password (a fresh connection)? */
  canBind(dn: string, password: string): Promise<boolean>;
  /** `dig @127.0.0.1 -p <port> name type`: status and answer lines. */
  dig(name: string, type: string): { status: string; answers: string[] };
  close(): Promise<void>;
}

export async function startPlatformHarness(extra: PlatformService[] = []): Promise<PlatformHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-platform-'));
  const platform = await startPlatform({ dir, services: [slapdService(), powerDnsService(), ...extra], ports: 'free', log: () => undefined });
  const slapd = platform.info.slapd as SlapdInfo;
  const powerdns = platform.info.powerdns as PowerDnsInfo;
  const ldapSettings = (): LdapProviderSettings => ({
    url: slapd.url,
    bindDn: slapd.managerDn,
    bindPassword: fs.readFileSync(slapd.managerPasswordFile, 'utf8'),
    baseDn: slapd.baseDn,
    timeoutMs: 5000,
    retentionMs: 7 * 86_400_000,
  });
  const pdnsSettings = (): PowerDnsProviderSettings => ({
    apiUrl: powerdns.apiUrl,
    apiKey: fs.readFileSync(powerdns.apiKeyFile, 'utf8'),
    serverId: powerdns.serverId,
    timeoutMs: 5000,
    nameservers: powerdns.nameservers,
    soaContact: powerdns.soaContact,
    retentionMs: 7 * 86_400_000,
  });
  const probe = new LdapConnection(ldapSettings());
  return {
    platform,
    slapd,
    powerdns,
    env: platform.env,
    ldapSettings,
    pdnsSettings,
    ldapsearch: (filter, attrs = [], base = slapd.hostingDn) =>
      execFileSync(
        'ldapsearch',
        ['-x', '-LLL', '-o', 'ldif-wrap=no', '-H', slapd.url, '-D', slapd.managerDn, '-y', slapd.managerPasswordFile, '-b', base, filter, ...attrs],
        { encoding: 'utf8' },
      ),
    canBind: (dn, password) => probe.canBind(dn, password),
    dig: (name, type) => {
      const out = execFileSync(
        'dig',
        [`@${powerdns.host}`, '-p', String(powerdns.dnsPort), name, type, '+norec', '+time=2', '+tries=1', '+noall', '+comments', '+answer'],
        { encoding: 'utf8' },
      );
      const status = /status: ([A-Z]+)/.exec(out)?.[1] ?? 'NO ANSWER';
      const answers = out.split('\n').filter((l) => l.trim() && !l.startsWith(';'));
      return { status, answers };
    },
    close: async () => {
      await probe.close();
      await platform.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function ldapProvider(h: PlatformHarness) {
  return createLdapProvider(h.ldapSettings());
}

export function powerDnsProvider(h: PlatformHarness) {
  return createPowerDnsProvider(h.pdnsSettings());
}
