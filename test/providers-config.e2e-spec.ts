import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The provider selection as an operator meets it: a bad PROVIDER_* stops every role at start. */
const MAIN = path.resolve(__dirname, '..', 'dist', 'src', 'main.js');

function run(args: string[], env: Record<string, string>) {
  const base: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-providers-')), ...env };
  delete base.DATABASE_URL;
  return spawnSync(process.execPath, [MAIN, ...args], { env: base, encoding: 'utf8', timeout: 60_000 });
}

describe('PROVIDER_<NAMESPACE> at start-up', () => {
  it.each(['engine', 'serve', 'all'])('%s refuses to start naming every bad variable, before touching a database', (role) => {
    const r = run([role], { PROVIDER_DNS: 'bind9', PROVIDER_MOBILITY: 'Lab!', PORT: 'eighty' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Invalid configuration');
    expect(r.stderr).toContain('PORT="eighty": must be an integer');
    expect(r.stderr).toContain('PROVIDER_DNS="bind9": no provider of that name (known: lab, ldap, powerdns, mail, xmpp)');
    expect(r.stderr).toContain('PROVIDER_MOBILITY="Lab!": must be a provider name such as lab');
  });

  it('an engine for OpenLDAP and PowerDNS refuses to start listing every missing setting, never a secret', () => {
    const r = run(['engine'], {
      PROVIDER_DIRECTORY: 'ldap',
      PROVIDER_DNS: 'powerdns',
      LDAP_BIND_PASSWORD: 'hunter2-secret',
      LDAP_BIND_PASSWORD_FILE: '/etc/hostname',
    });
    expect(r.status).toBe(2);
    for (const v of [
      'LDAP_URL:',
      'LDAP_BIND_DN:',
      'LDAP_BASE_DN:',
      'LDAP_BIND_PASSWORD_FILE=',
      'PDNS_API_URL:',
      'PDNS_API_KEY:',
      'PDNS_NAMESERVERS:',
      'PDNS_SOA_CONTACT:',
    ])
      expect(r.stderr).toContain(v);
    expect(r.stderr).not.toContain('hunter2-secret');
  });

  it('lists the provider variables with their default in `provisio config`', () => {
    const r = run(['config'], {});
    expect(r.status).toBe(0);
    for (const ns of ['DIRECTORY', 'EXCHANGE', 'MOBILITY', 'DNS', 'COMMUNICATIONS', 'SHAREPOINT'])
      expect(r.stdout).toContain(`| \`PROVIDER_${ns}\` | \`lab\` |`);
  });
});
