import { attr, attrs, findTenant } from '../ldap/ldap-tree';
import { hasClass } from './entry-parts';
import { MAIL_TENANT, type MailDeps } from './mail-organization';

/** What the mail platform holds for a tenant, for operators (GET /v1/platform/objects). */
export async function mailInventory(d: MailDeps, organizationId: string): Promise<Record<string, unknown>> {
  return d.conn.run('mail inventory', async (c) => {
    const t = await findTenant(c, d.conn.settings.baseDn, organizationId, ['objectClass', 'provisioAcceptedDomain']);
    if (!t || !hasClass(t, MAIL_TENANT)) return { exchangeOrganization: null, acceptedDomains: [], mailboxes: [], lists: [] };
    const below = (
      await c.search(t.dn, {
        scope: 'sub',
        filter: '(|(objectClass=provisioMailbox)(objectClass=provisioMailList))',
        attributes: ['objectClass', 'uid', 'cn', 'mail', 'provisioMailQuotaMb', 'provisioMailAlias', 'provisioAccountStatus', 'member', 'memberURL'],
      })
    ).searchEntries;
    return {
      exchangeOrganization: { globalAddressList: t.dn },
      acceptedDomains: attrs(t, 'provisioAcceptedDomain'),
      mailboxes: below
        .filter((e) => hasClass(e, 'provisioMailbox'))
        .map((e) => ({
          alias: attr(e, 'uid'),
          primarySmtpAddress: attr(e, 'mail'),
          mailboxSizeMb: Number(attr(e, 'provisioMailQuotaMb') ?? 0),
          aliases: attrs(e, 'provisioMailAlias'),
          disabled: attr(e, 'provisioAccountStatus') === 'disabled',
        })),
      lists: below
        .filter((e) => hasClass(e, 'provisioMailList'))
        .map((e) => ({ name: attr(e, 'cn'), addresses: attrs(e, 'mail'), members: attrs(e, 'member'), memberUrls: attrs(e, 'memberURL') })),
    };
  });
}
