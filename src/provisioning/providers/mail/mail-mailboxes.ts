import type { Client, Entry } from 'ldapts';
import { exchangeKeys } from '../leaves/exchange.leaves';
import { escapeFilterValue, ldapFailure } from '../ldap/ldap-connection';
import { attr, attrs, change, createdByValue, findTenant, hostingDn, readEntry, userDnIn } from '../ldap/ldap-tree';
import { createdBy, forgetChanges, hasClass, hasValue, partMarkers, readUndo, rememberChanges } from './entry-parts';
import { type Ctx, MAIL_TENANT, type MailDeps, type Result, runOf, tenantOrFail } from './mail-organization';

/**
 * Mailboxes on the mail platform: the `provisioMailbox` class on the directory user, with `mail`
 * (the primary address), `provisioMailQuotaMb` (Dovecot's quota) and `provisioMailAlias`.
 *
 * Deleting a mailbox removes them from the user, so Postfix bounces mail to it at once as an
 * unknown recipient and Dovecot refuses the login; the messages stay in Dovecot's store, which
 * is keyed by the user entry's entryUUID: a mailbox created again for the same directory user
 * finds them again (Exchange's disconnected mailbox), a new user of the same name never does.
 * They go with the user's entry (the directory's recycle-bin retention, then the platform's purge).
 */

export const MAILBOX = 'provisioMailbox';
const USER_ATTRS = ['objectClass', 'mail', 'provisioMailQuotaMb', 'provisioMailAlias', 'provisioCreatedBy', 'provisioUndo'];

interface MailboxIn {
  organizationId: string;
  alias: string;
}

interface RemovedMailbox {
  address: string;
  mailboxSizeMb: number;
  aliases: string[];
}

async function userEntry(c: Client, d: MailDeps, i: MailboxIn): Promise<Entry | undefined> {
  const t = await findTenant(c, d.conn.settings.baseDn, i.organizationId, ['1.1']);
  return t ? readEntry(c, userDnIn(t.dn, i.alias), USER_ATTRS) : undefined;
}

async function mailboxOrFail(c: Client, d: MailDeps, i: MailboxIn): Promise<Entry> {
  const u = await userEntry(c, d, i);
  if (!u || !hasClass(u, MAILBOX)) throw ldapFailure('LDAP_NOT_FOUND', `mailbox ${i.alias} does not exist`, { alias: i.alias });
  return u;
}

/** Whoever else (a mailbox, an alias, a list) already receives mail at `address`. */
async function addressTaken(c: Client, d: MailDeps, address: string, exceptDn: string): Promise<boolean> {
  const v = escapeFilterValue(address);
  const r = await c.search(hostingDn(d.conn.settings.baseDn), {
    scope: 'sub',
    filter: `(|(mail=${v})(provisioMailAlias=${v}))`,
    attributes: ['1.1'],
    sizeLimit: 2,
  });
  return r.searchEntries.some((e) => e.dn.toLowerCase() !== exceptDn.toLowerCase());
}

export async function createMailbox(d: MailDeps, i: MailboxIn & { domain: string; displayName: string; mailboxSizeMb: number }, ctx: Ctx): Promise<Result> {
  const part = exchangeKeys.mailbox(i.organizationId, i.alias);
  const address = `${i.alias}@${i.domain}`;
  const primary = await d.conn.run('Exchange.CreateMailbox', async (c) => {
    const t = await tenantOrFail(c, d, i.organizationId);
    if (!hasClass(t, MAIL_TENANT)) throw ldapFailure('LDAP_PREREQUISITE_MISSING', `the Exchange organization of ${i.organizationId} does not exist`);
    if (!hasValue(t, 'provisioAcceptedDomain', i.domain))
      throw ldapFailure('LDAP_PREREQUISITE_MISSING', `${i.domain} is not an accepted domain of ${i.organizationId}`, { domain: i.domain });
    const u = await readEntry(c, userDnIn(t.dn, i.alias), USER_ATTRS);
    if (!u) throw ldapFailure('LDAP_PREREQUISITE_MISSING', `the directory user ${i.alias} does not exist`, { alias: i.alias });
    if (hasClass(u, MAILBOX)) return attr(u, 'mail') ?? address;
    if (await addressTaken(c, d, address, u.dn))
      throw ldapFailure('LDAP_CONFLICT', `the address ${address} belongs to another mailbox or list`, { primarySmtpAddress: address });
    await c.modify(u.dn, [
      change('add', 'objectClass', [MAILBOX]),
      change('replace', 'mail', [address]),
      change('replace', 'provisioMailQuotaMb', [String(i.mailboxSizeMb)]),
      change('add', 'provisioCreatedBy', [createdByValue(part, runOf(ctx))]),
    ]);
    return address;
  });
  return { output: { primarySmtpAddress: primary } };
}

/** Removes the mailbox only when this run created it. */
export async function rollbackCreateMailbox(d: MailDeps, i: MailboxIn, ctx: Ctx): Promise<void> {
  const part = exchangeKeys.mailbox(i.organizationId, i.alias);
  await d.conn.run('rollback Exchange.CreateMailbox', async (c) => {
    const u = await userEntry(c, d, i);
    if (!u || !createdBy(u, part, runOf(ctx))) return;
    await c.modify(u.dn, [...mailboxRemoval(u), ...partMarkers(u, part).map((m) => change('delete', 'provisioCreatedBy', [m]))]);
  });
}

function mailboxRemoval(u: Entry): ReturnType<typeof change>[] {
  const aliases = attrs(u, 'provisioMailAlias');
  return [
    change('delete', 'objectClass', [MAILBOX]),
    change('delete', 'mail', attrs(u, 'mail')),
    ...(attrs(u, 'provisioMailQuotaMb').length ? [change('delete', 'provisioMailQuotaMb', [])] : []),
    ...(aliases.length ? [change('delete', 'provisioMailAlias', aliases)] : []),
  ];
}

export async function deleteMailbox(d: MailDeps, i: MailboxIn, ctx: Ctx): Promise<Result> {
  const part = exchangeKeys.mailbox(i.organizationId, i.alias);
  const removed = await d.conn.run('Exchange.DeleteMailbox', async (c) => {
    const u = await userEntry(c, d, i);
    if (!u || !hasClass(u, MAILBOX)) return undefined;
    const value: RemovedMailbox = {
      address: attr(u, 'mail') ?? '',
      mailboxSizeMb: Number(attr(u, 'provisioMailQuotaMb') ?? 0),
      aliases: attrs(u, 'provisioMailAlias'),
    };
    await c.modify(u.dn, [
      ...mailboxRemoval(u),
      ...partMarkers(u, part).map((m) => change('delete', 'provisioCreatedBy', [m])),
      ...rememberChanges(u, d.retentionMs, runOf(ctx), part, value),
    ]);
    return value;
  });
  return { output: {}, rollback: removed };
}

/** Puts back what this run removed (from its rollback data, or from what it remembered on the entry). */
export async function rollbackDeleteMailbox(d: MailDeps, i: MailboxIn, data: unknown, ctx: Ctx): Promise<void> {
  const part = exchangeKeys.mailbox(i.organizationId, i.alias);
  await d.conn.run('rollback Exchange.DeleteMailbox', async (c) => {
    const u = await userEntry(c, d, i);
    if (!u) return;
    const removed = (data as RemovedMailbox | undefined) ?? readUndo<RemovedMailbox>(u, runOf(ctx), part)?.value;
    const forget = forgetChanges(u, d.retentionMs, runOf(ctx), part);
    if (!removed?.address || hasClass(u, MAILBOX)) {
      if (forget.length) await c.modify(u.dn, forget);
      return;
    }
    await c.modify(u.dn, [
      change('add', 'objectClass', [MAILBOX]),
      change('replace', 'mail', [removed.address]),
      ...(removed.mailboxSizeMb > 0 ? [change('replace', 'provisioMailQuotaMb', [String(removed.mailboxSizeMb)])] : []),
      ...(removed.aliases?.length ? [change('replace', 'provisioMailAlias', removed.aliases)] : []),
      ...forget,
    ]);
  });
}

interface PreviousQuota {
  mailboxSizeMb: number;
}

export async function setMailboxQuota(d: MailDeps, i: MailboxIn & { mailboxSizeMb: number }, ctx: Ctx): Promise<Result> {
  const part = `mailbox-quota:${i.organizationId}:${i.alias}`;
  const previous = await d.conn.run('Exchange.SetMailboxQuota', async (c) => {
    const u = await mailboxOrFail(c, d, i);
    const current = Number(attr(u, 'provisioMailQuotaMb') ?? 0);
    // A re-executed step finds the value from before its first attempt on the entry.
    const prev = readUndo<PreviousQuota>(u, runOf(ctx), part)?.value ?? { mailboxSizeMb: current };
    await c.modify(u.dn, [change('replace', 'provisioMailQuotaMb', [String(i.mailboxSizeMb)]), ...rememberChanges(u, d.retentionMs, runOf(ctx), part, prev)]);
    return { mailboxSizeMb: prev.mailboxSizeMb };
  });
  return { output: {}, rollback: previous };
}

export async function rollbackSetMailboxQuota(d: MailDeps, i: MailboxIn, data: unknown, ctx: Ctx): Promise<void> {
  const part = `mailbox-quota:${i.organizationId}:${i.alias}`;
  await d.conn.run('rollback Exchange.SetMailboxQuota', async (c) => {
    const u = await userEntry(c, d, i);
    if (!u || !hasClass(u, MAILBOX)) return;
    const prev = (data as PreviousQuota | undefined) ?? readUndo<PreviousQuota>(u, runOf(ctx), part)?.value;
    const forget = forgetChanges(u, d.retentionMs, runOf(ctx), part);
    const restore = prev && prev.mailboxSizeMb > 0 ? [change('replace', 'provisioMailQuotaMb', [String(prev.mailboxSizeMb)])] : [];
    if (restore.length || forget.length) await c.modify(u.dn, [...restore, ...forget]);
  });
}

export async function getMailbox(d: MailDeps, i: MailboxIn): Promise<Result> {
  const u = await d.conn.run('Exchange.GetMailbox', (c) => mailboxOrFail(c, d, i));
  return { output: { primarySmtpAddress: attr(u, 'mail'), mailboxSizeMb: Number(attr(u, 'provisioMailQuotaMb')) } };
}
