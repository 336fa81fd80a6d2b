import type { LdapDeps } from './ldap-procedures';
import { ADMINS_CN, attr, attrs, findTenant } from './ldap-tree';

/**
 * What the directory holds for a tenant, for operators (GET /v1/platform/objects): its OU and
 * every entry below it with the attributes that matter, never a password.
 */
export async function directoryInventory(d: LdapDeps, organizationId: string): Promise<Record<string, unknown>> {
  return d.conn.run('directory inventory', async (c) => {
    const org = await findTenant(c, d.conn.settings.baseDn, organizationId, ['description', 'provisioDomain', 'objectClass']);
    if (!org) return { organizationalUnit: null, users: [], groups: [], otherEntries: [] };
    const below = (
      await c.search(org.dn, {
        scope: 'one',
        filter: '(objectClass=*)',
        attributes: ['objectClass', 'uid', 'cn', 'displayName', 'mail', 'member', 'provisioUserPrincipalName', 'provisioAccountStatus'],
      })
    ).searchEntries;
    const isUser = (e: (typeof below)[number]) => attrs(e, 'objectClass').some((oc) => oc.toLowerCase() === 'provisioaccount');
    const isGroup = (e: (typeof below)[number]) => attrs(e, 'member').length > 0 || attr(e, 'cn') === ADMINS_CN;
    return {
      organizationalUnit: {
        dn: org.dn,
        name: attr(org, 'description') ?? null,
        domain: attr(org, 'provisioDomain') ?? null,
        objectClasses: attrs(org, 'objectClass'),
      },
      users: below.filter(isUser).map((u) => ({
        dn: u.dn,
        alias: attr(u, 'uid'),
        userPrincipalName: attr(u, 'provisioUserPrincipalName'),
        displayName: attr(u, 'displayName') ?? attr(u, 'cn'),
        disabled: attr(u, 'provisioAccountStatus') === 'disabled',
        mail: attr(u, 'mail') ?? null,
        objectClasses: attrs(u, 'objectClass'),
      })),
      groups: below
        .filter((e) => !isUser(e) && isGroup(e))
        .map((g) => ({ dn: g.dn, name: attr(g, 'cn'), mail: attr(g, 'mail') ?? null, members: attrs(g, 'member') })),
      otherEntries: below.filter((e) => !isUser(e) && !isGroup(e)).map((e) => e.dn),
    };
  });
}
