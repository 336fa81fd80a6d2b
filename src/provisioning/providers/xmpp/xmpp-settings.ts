import path from 'node:path';
import type { AppConfig } from '../../../config/app-config';
import { readSecret, secretProblems } from '../../../config/secret-file';
import { ldapSettings } from '../ldap/ldap-settings';
import type { XmppSettings } from './xmpp-provider';

/**
 * Problems of the `xmpp` provider's variables (when it is chosen), each naming its variable. Users
 * log in with their directory password, so the `ldap` provider must serve the Directory (it
 * checks `LDAP_*`).
 */
export function xmppSettingsProblems(c: AppConfig): string[] {
  const problems: string[] = [];
  if (c.providerDirectory !== 'ldap')
    problems.push(`PROVIDER_COMMUNICATIONS="xmpp": needs PROVIDER_DIRECTORY=ldap (ejabberd authenticates the directory's users)`);
  if (!c.xmppApiUrl) problems.push('XMPP_API_URL: required when Communications uses the xmpp provider (e.g. http://127.0.0.1:10280/api)');
  else if (!/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(c.xmppApiUrl))
    problems.push(`XMPP_API_URL=${JSON.stringify(c.xmppApiUrl)}: must be http(s)://host:port/path`);
  if (!c.xmppHostsFile) problems.push('XMPP_HOSTS_FILE: required: the vhosts file ejabberd includes (npm run platform prints it)');
  else if (!path.isAbsolute(c.xmppHostsFile)) problems.push(`XMPP_HOSTS_FILE=${JSON.stringify(c.xmppHostsFile)}: must be an absolute path`);
  if (c.xmppApiToken || c.xmppApiTokenFile) problems.push(...secretProblems('XMPP_API_TOKEN', c.xmppApiToken, c.xmppApiTokenFile));
  return problems;
}

/** The settings of a valid configuration (reads the token file). */
export function xmppSettings(c: AppConfig): XmppSettings {
  const token = c.xmppApiToken || c.xmppApiTokenFile ? readSecret(c.xmppApiToken, c.xmppApiTokenFile) : undefined;
  return {
    ldap: ldapSettings(c),
    api: { url: c.xmppApiUrl!.replace(/\/$/, ''), token, timeoutMs: c.xmppTimeoutMs },
    hostsFile: c.xmppHostsFile!,
    retentionMs: c.platformRetentionMs,
  };
}
