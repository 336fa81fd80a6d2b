import fs from 'node:fs';
import path from 'node:path';
import type { LdapConnection } from '../ldap/ldap-connection';
import { attrs, hostingDn } from '../ldap/ldap-tree';
import { type EjabberdApi, xmppFailure } from './ejabberd-api';

/**
 * ejabberd serves one virtual host per tenant SIP domain, listed in a file its configuration
 * includes (scripts/platform/mail/ejabberd-config.ts); ejabberd starts and stops vhosts when it
 * reloads its configuration. The file is derived from the directory, never edited in place:
 * every change writes the directory first, then renders the file from what the directory holds
 * and reloads, and repeats until the directory read after the reload renders the same file — so
 * two engines changing different tenants at once both end up in the file, whichever writes last.
 *
 * A vhost federates (`s2s_access: all`) when one of its IM users has the federation feature:
 * ejabberd decides federation per vhost, not per user.
 */

export interface VhostSettings {
  hostsFile: string;
}

export interface TenantVhosts {
  hosts: string[];
  federated: string[];
}

/** What the directory says the vhosts are. */
export async function readVhosts(conn: LdapConnection): Promise<TenantVhosts> {
  return conn.run('read the IM domains', async (c) => {
    const base = hostingDn(conn.settings.baseDn);
    const tenants = await c.search(base, { scope: 'sub', filter: '(objectClass=provisioImTenant)', attributes: ['provisioImDomain'] });
    const hosts = [...new Set(tenants.searchEntries.flatMap((e) => attrs(e, 'provisioImDomain').map((d) => d.toLowerCase())))].sort();
    const users = await c.search(base, {
      scope: 'sub',
      filter: '(&(objectClass=provisioImUser)(provisioImFeature=federation)(provisioAccountStatus=active))',
      attributes: ['provisioImAddress'],
    });
    const federated = new Set(users.searchEntries.map((e) => attrs(e, 'provisioImAddress')[0]?.split('@')[1]?.toLowerCase()).filter((d): d is string => !!d));
    return { hosts, federated: hosts.filter((h) => federated.has(h)) };
  });
}

/** The hosts file for `v` (JSON, which ejabberd reads as YAML; no `hosts` key when there is none). */
export function renderVhosts(v: TenantVhosts): string {
  const doc: Record<string, unknown> = {};
  if (v.hosts.length) doc.hosts = v.hosts;
  doc.host_config = Object.fromEntries(v.federated.map((h) => [h, { s2s_access: 'all' }]));
  return `# Tenant vhosts, rendered from the directory by the Communications driver; do not edit.\n${JSON.stringify(doc, null, 2)}\n`;
}

function readFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Replaces the file atomically (readers see the old or the new one, never half). */
function writeFile(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}`);
  try {
    fs.writeFileSync(tmp, text, { mode: 0o644 });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw xmppFailure(
      'XMPP_REJECTED',
      `cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? e}): XMPP_HOSTS_FILE must be writable by Provisio's engines`,
      { file },
    );
  }
}

/** Brings ejabberd's vhosts in line with the directory (see above). */
export async function syncVhosts(conn: LdapConnection, api: EjabberdApi, s: VhostSettings): Promise<TenantVhosts> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const wanted = await readVhosts(conn);
    const text = renderVhosts(wanted);
    if (readFile(s.hostsFile) !== text) writeFile(s.hostsFile, text);
    await api.ok('reload_config');
    const registered = new Set((await api.call<string[]>('registered_vhosts')).map((h) => h.toLowerCase()));
    const missing = wanted.hosts.filter((h) => !registered.has(h));
    if (missing.length) throw xmppFailure('XMPP_UNAVAILABLE', `ejabberd did not start vhosts ${missing.join(', ')} after reload`, { missing });
    if (renderVhosts(await readVhosts(conn)) === text) return wanted;
  }
  throw xmppFailure('XMPP_UNAVAILABLE', 'the IM domains kept changing while ejabberd was reloaded; try again');
}

export const TENANT_GROUP = 'tenant';

/**
 * The vhost's shared roster group: every user of the vhost (`@all@`, which ejabberd resolves from
 * the directory), shown to every user of the vhost. Created only when missing or different,
 * since `srg_create` resets the group's members.
 */
export async function ensureTenantGroup(api: EjabberdApi, host: string): Promise<void> {
  const info = await api.call<Array<{ key: string; value: string }> | string>('srg_get_info', { group: TENANT_GROUP, host }).catch(() => []);
  const opts = new Map(Array.isArray(info) ? info.map((o) => [o.key, o.value]) : []);
  if (opts.get('all_users') === 'true' && (opts.get('displayed_groups') ?? '').split(/[\s,]+/).includes(TENANT_GROUP)) return;
  if (opts.get('displayed_groups') !== TENANT_GROUP) {
    await api.ok('srg_create', { group: TENANT_GROUP, host, label: host, description: `Everyone at ${host}`, display: TENANT_GROUP });
  }
  await api.ok('srg_user_add', { user: '@all@', host, group: TENANT_GROUP, grouphost: host });
}
