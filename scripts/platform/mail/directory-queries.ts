/**
 * How the mail and IM servers find things in the directory (`../ldap/schema/provisio.ldif` and
 * `provisio-mail.ldif`). One place, so Postfix, Dovecot and ejabberd agree; the drivers in
 * `src/provisioning/providers/{mail,xmpp}` write what these read:
 *
 * - a tenant OU with `provisioMailTenant` accepts mail for each `provisioAcceptedDomain`; with
 *   `provisioImTenant` it is an ejabberd vhost for each `provisioImDomain`;
 * - a user (`provisioAccount`) with `provisioMailbox` has a mailbox at `mail`, sized by
 *   `provisioMailQuotaMb`, also receiving its `provisioMailAlias` addresses; with
 *   `provisioImUser` it logs in to XMPP as `provisioImAddress`;
 * - a `provisioMailList` with `mail` is a distribution list: its `member` DNs and the entries its
 *   `memberURL` searches find receive what is sent to it;
 * - only `provisioAccountStatus=active` accounts may log in (slapd itself also refuses a disabled
 *   account's bind), and mail to a disabled (suspended) mailbox is refused. A deleted user is gone
 *   from ou=Hosting (recycle bin), so mail to it bounces as unknown and it cannot log in.
 */

export const ACTIVE = '(provisioAccountStatus=active)';

/** `%s` / `%u` are the servers' own placeholders (Postfix: the address; Dovecot: the login). */
export const queries = {
  /** Postfix virtual_mailbox_domains. */
  acceptedDomain: '(&(objectClass=provisioMailTenant)(provisioAcceptedDomain=%s))',
  /** Postfix virtual_mailbox_maps: every address a mailbox receives. */
  mailbox: '(&(objectClass=provisioMailbox)(|(mail=%s)(provisioMailAlias=%s)))',
  /** Postfix virtual_alias_maps: a mailbox's aliases map to it, a list expands to its members. */
  recipient: '(&(|(objectClass=provisioMailbox)(objectClass=provisioMailList))(|(mail=%s)(provisioMailAlias=%s)))',
  /** Postfix check_recipient_access: a suspended mailbox refuses mail. */
  suspendedMailbox: '(&(objectClass=provisioMailbox)(provisioAccountStatus=disabled)(|(mail=%s)(provisioMailAlias=%s)))',
  /** Dovecot passdb: who may log in (then Dovecot binds as that entry with the given password). */
  mailLogin: `(&(objectClass=provisioMailbox)(mail=%u)${ACTIVE})`,
  /** Dovecot userdb: where a mailbox lives and how large it may grow (also for delivery). */
  mailUser: '(&(objectClass=provisioMailbox)(mail=%u))',
  mailUsers: '(objectClass=provisioMailbox)',
  /** ejabberd: IM users that may log in (ejabberd adds `(provisioImAddress=<user>@<vhost>)`). */
  imLogin: `(&(objectClass=provisioImUser)${ACTIVE})`,
} as const;
