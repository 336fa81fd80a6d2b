import type { AppConfig } from '../../../config/app-config';
import { readSecret, secretProblems } from '../../../config/secret-file';
import type { LdapProviderSettings } from './ldap-provider';

/** Problems of the `ldap` provider's variables (when it is chosen), each naming its variable. */
export function ldapSettingsProblems(c: AppConfig): string[] {
  const problems: string[] = [];
  if (!c.ldapUrl) problems.push('LDAP_URL: required when a namespace uses the ldap provider (e.g. ldap://127.0.0.1:10389)');
  else if (!/^ldaps?:\/\/[^/\s]+\/?$/.test(c.ldapUrl)) problems.push(`LDAP_URL=${JSON.stringify(c.ldapUrl)}: must be ldap://host:port or ldaps://host:port`);
  if (!c.ldapBindDn) problems.push('LDAP_BIND_DN: required (e.g. cn=manager,dc=provisio,dc=test)');
  if (!c.ldapBaseDn) problems.push('LDAP_BASE_DN: required (e.g. dc=provisio,dc=test)');
  else if (!/^[A-Za-z][\w-]*=[^,]+(,[A-Za-z][\w-]*=[^,]+)*$/.test(c.ldapBaseDn))
    problems.push(`LDAP_BASE_DN=${JSON.stringify(c.ldapBaseDn)}: must be a DN such as dc=provisio,dc=test`);
  problems.push(...secretProblems('LDAP_BIND_PASSWORD', c.ldapBindPassword, c.ldapBindPasswordFile));
  return problems;
}

/** The settings of a valid configuration (reads the password file). */
export function ldapSettings(c: AppConfig): LdapProviderSettings {
  return {
    url: c.ldapUrl!,
    bindDn: c.ldapBindDn!,
    bindPassword: readSecret(c.ldapBindPassword, c.ldapBindPasswordFile),
    baseDn: c.ldapBaseDn!,
    timeoutMs: c.ldapTimeoutMs,
    retentionMs: c.platformRetentionMs,
  };
}
