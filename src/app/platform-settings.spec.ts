import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/app-config';
import { buildProviders, providerConfigProblems } from './providers';

/** The real platforms' variables, checked at start only for the providers in use, every bad one listed. */
describe('ldap and powerdns settings', () => {
  const problems = (env: Record<string, string>) => providerConfigProblems(loadConfig({ LOG_LEVEL: 'silent', ...env }));

  it('lists every missing variable of the chosen providers, and none of the others', () => {
    expect(problems({})).toEqual([]);
    const p = problems({ PROVIDER_DIRECTORY: 'ldap', PROVIDER_DNS: 'powerdns' });
    for (const v of [
      'LDAP_URL',
      'LDAP_BIND_DN',
      'LDAP_BASE_DN',
      'LDAP_BIND_PASSWORD',
      'PDNS_API_URL',
      'PDNS_NAMESERVERS',
      'PDNS_SOA_CONTACT',
      'PDNS_API_KEY',
    ]) {
      expect(p.filter((x) => x.startsWith(`${v}:`) || x.startsWith(`${v}=`))).toHaveLength(1);
    }
    expect(problems({ PROVIDER_DNS: 'powerdns', LDAP_URL: 'nonsense' }).some((x) => x.startsWith('LDAP_'))).toBe(false);
  });

  it('refuses bad values and both a secret and its file, without echoing a secret', () => {
    const p = problems({
      PROVIDER_DIRECTORY: 'ldap',
      PROVIDER_DNS: 'powerdns',
      LDAP_URL: 'http://dir.example',
      LDAP_BIND_DN: 'cn=manager,dc=x',
      LDAP_BASE_DN: 'not a dn',
      LDAP_BIND_PASSWORD: 'hunter2-secret',
      LDAP_BIND_PASSWORD_FILE: '/nonexistent/password',
      PDNS_API_URL: 'http://127.0.0.1:18081',
      PDNS_API_KEY_FILE: '/nonexistent/key',
      PDNS_NAMESERVERS: 'ns1.example.net,not a host',
      PDNS_SOA_CONTACT: 'hostmaster@example.net',
    });
    expect(p.map((x) => x.slice(0, x.search(/[=:]/))).sort()).toEqual([
      'LDAP_BASE_DN',
      'LDAP_BIND_PASSWORD_FILE',
      'LDAP_URL',
      'PDNS_API_KEY_FILE',
      'PDNS_NAMESERVERS',
    ]);
    expect(p.join('\n')).not.toContain('hunter2-secret');
  });

  it('builds the providers from files of secrets, connecting to nothing yet', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-secrets-'));
    fs.writeFileSync(path.join(dir, 'pw'), 'secret\n');
    fs.writeFileSync(path.join(dir, 'key'), 'key');
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      PROVIDER_DIRECTORY: 'ldap',
      PROVIDER_DNS: 'powerdns',
      LDAP_URL: 'ldap://127.0.0.1:9',
      LDAP_BIND_DN: 'cn=manager,dc=provisio,dc=test',
      LDAP_BIND_PASSWORD_FILE: path.join(dir, 'pw'),
      LDAP_BASE_DN: 'dc=provisio,dc=test',
      PDNS_API_URL: 'http://127.0.0.1:9',
      PDNS_API_KEY_FILE: path.join(dir, 'key'),
      PDNS_NAMESERVERS: 'ns1.example.net,ns2.example.net',
      PDNS_SOA_CONTACT: 'hostmaster@example.net',
    });
    const set = buildProviders({ config, pool: {} as never, log: { child: () => ({}) } as never });
    expect(set.forNamespace('Directory')?.name).toBe('ldap');
    expect(set.forNamespace('DNS')?.name).toBe('powerdns');
    expect(set.forNamespace('Exchange')?.name).toBe('lab');
    expect(() => buildProviders({ config: loadConfig({ LOG_LEVEL: 'silent', PROVIDER_DNS: 'powerdns' }), pool: {} as never, log: {} as never })).toThrow(
      ConfigError,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
