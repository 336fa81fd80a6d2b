import { attr, attrs, findTenant } from '../ldap/ldap-tree';
import { hasClass } from '../mail/entry-parts';
import type { XmppDeps } from './xmpp-procedures';

/** What the IM platform holds for a tenant, for operators: its SIP domains (and whether ejabberd serves them), its IM users. */
export async function xmppInventory(d: XmppDeps, organizationId: string): Promise<Record<string, unknown>> {
  const found = await d.conn.run('IM inventory', async (c) => {
    const t = await findTenant(c, d.conn.settings.baseDn, organizationId, ['objectClass', 'provisioImDomain']);
    if (!t || !hasClass(t, 'provisioImTenant')) return undefined;
    const users = (
      await c.search(t.dn, {
        scope: 'sub',
        filter: '(objectClass=provisioImUser)',
        attributes: ['uid', 'provisioImAddress', 'provisioImFeature', 'provisioAccountStatus'],
      })
    ).searchEntries;
    return { domains: attrs(t, 'provisioImDomain'), users };
  });
  if (!found) return { sipDomains: [], imUsers: [] };
  const served = new Set((await d.api.call<string[]>('registered_vhosts').catch(() => [])).map((h) => h.toLowerCase()));
  return {
    sipDomains: found.domains.map((domain) => ({ domain, servedByEjabberd: served.has(domain.toLowerCase()) })),
    imUsers: found.users.map((u) => ({
      alias: attr(u, 'uid'),
      sipUri: `sip:${attr(u, 'provisioImAddress')}`,
      features: attrs(u, 'provisioImFeature'),
      disabled: attr(u, 'provisioAccountStatus') === 'disabled',
    })),
  };
}
