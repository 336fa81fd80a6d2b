import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { providerConfigProblems } from '../../../app/providers';
import { loadConfig } from '../../../config/app-config';
import { renderVhosts } from './xmpp-vhosts';
import { xmppSettings } from './xmpp-settings';

const ldap = {
  PROVIDER_DIRECTORY: 'ldap',
  LDAP_URL: 'ldap://127.0.0.1:10389',
  LDAP_BIND_DN: 'cn=manager,dc=provisio,dc=test',
  LDAP_BIND_PASSWORD: 'x',
  LDAP_BASE_DN: 'dc=provisio,dc=test',
};

describe('xmpp provider settings', () => {
  it('needs the directory on ldap, the API and an absolute hosts file; a token at most once', () => {
    const problems = providerConfigProblems(
      loadConfig({ PROVIDER_COMMUNICATIONS: 'xmpp', XMPP_HOSTS_FILE: 'hosts.yml', XMPP_API_TOKEN: 't', XMPP_API_TOKEN_FILE: '/nonexistent' }),
    );
    expect(problems.map((p) => p.split(/[=:]/)[0])).toEqual(['PROVIDER_COMMUNICATIONS', 'XMPP_API_URL', 'XMPP_HOSTS_FILE', 'XMPP_API_TOKEN_FILE']);
    expect(problems.join('\n')).not.toContain('"t"');
  });

  it('reads the token from its file, never from the problems', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xmpp-')), 'token');
    fs.writeFileSync(file, 'sekret\n');
    const c = loadConfig({
      ...ldap,
      PROVIDER_COMMUNICATIONS: 'xmpp',
      XMPP_API_URL: 'http://127.0.0.1:10280/api/',
      XMPP_HOSTS_FILE: '/tmp/hosts.yml',
      XMPP_API_TOKEN_FILE: file,
    });
    expect(providerConfigProblems(c)).toEqual([]);
    expect(xmppSettings(c).api).toEqual({ url: 'http://127.0.0.1:10280/api', token: 'sekret', timeoutMs: 10_000 });
  });
});

describe('ejabberd vhosts file', () => {
  it('lists the tenant vhosts and turns federation on per vhost', () => {
    const text = renderVhosts({ hosts: ['a.example', 'b.example'], federated: ['b.example'] });
    expect(JSON.parse(text.slice(text.indexOf('\n') + 1))).toEqual({ hosts: ['a.example', 'b.example'], host_config: { 'b.example': { s2s_access: 'all' } } });
  });

  it('has no hosts key without tenants (ejabberd refuses an empty list)', () => {
    const text = renderVhosts({ hosts: [], federated: [] });
    expect(JSON.parse(text.slice(text.indexOf('\n') + 1))).toEqual({ host_config: {} });
  });
});
