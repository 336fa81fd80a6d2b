import type { AppConfig } from '../../../config/app-config';
import { readSecret, secretProblems } from '../../../config/secret-file';
import type { PowerDnsProviderSettings } from './powerdns-provider';

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}\.?$/i;

function nameservers(c: AppConfig): string[] {
  return (c.pdnsNameservers ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Problems of the `powerdns` provider's variables (when it is chosen), each naming its variable. */
export function powerDnsSettingsProblems(c: AppConfig): string[] {
  const problems: string[] = [];
  if (!c.pdnsApiUrl) problems.push('PDNS_API_URL: required when a namespace uses the powerdns provider (e.g. http://127.0.0.1:18081)');
  else if (!/^https?:\/\/[^/\s]+\/?$/.test(c.pdnsApiUrl)) problems.push(`PDNS_API_URL=${JSON.stringify(c.pdnsApiUrl)}: must be http(s)://host:port`);
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(c.pdnsServerId)) problems.push(`PDNS_SERVER_ID=${JSON.stringify(c.pdnsServerId)}: must be a server id such as localhost`);
  const ns = nameservers(c);
  if (!ns.length) problems.push('PDNS_NAMESERVERS: required: the name servers of new zones, comma-separated (e.g. ns1.example.net,ns2.example.net)');
  else if (!ns.every((n) => HOST.test(n))) problems.push(`PDNS_NAMESERVERS=${JSON.stringify(c.pdnsNameservers)}: must be host names, comma-separated`);
  if (!c.pdnsSoaContact) problems.push('PDNS_SOA_CONTACT: required: the SOA contact of new zones (hostmaster@example.net)');
  else if (!HOST.test(c.pdnsSoaContact.replace('@', '.')))
    problems.push(`PDNS_SOA_CONTACT=${JSON.stringify(c.pdnsSoaContact)}: must be an address or a host name such as hostmaster.example.net`);
  problems.push(...secretProblems('PDNS_API_KEY', c.pdnsApiKey, c.pdnsApiKeyFile));
  return problems;
}

/** The settings of a valid configuration (reads the key file). */
export function powerDnsSettings(c: AppConfig): PowerDnsProviderSettings {
  return {
    apiUrl: c.pdnsApiUrl!,
    apiKey: readSecret(c.pdnsApiKey, c.pdnsApiKeyFile),
    serverId: c.pdnsServerId,
    timeoutMs: c.pdnsTimeoutMs,
    nameservers: nameservers(c),
    soaContact: c.pdnsSoaContact!,
    retentionMs: c.platformRetentionMs,
  };
}
