import type { Client, Entry } from 'ldapts';
import { exchangeKeys } from '../leaves/exchange.leaves';
import { type LdapConnection, escapeFilterValue, ldapFailure } from '../ldap/ldap-connection';
import { addIfMissing, attrs, change, createdByValue, deleteIfPresent, findTenant, hostingDn, readEntry } from '../ldap/ldap-tree';
import type { ExecuteResult, ProcedureContext } from '../provider';
import { createdBy, forgetChanges, hasClass, hasValue, partMarkers, readUndo, rememberChanges } from './entry-parts';

/**
 * The Exchange organization of a tenant on the mail platform: the `provisioMailTenant` class on
 * its OU with its accepted domains, and its "All Users" distribution list (a `provisioMailList`
 * below the OU whose memberURL finds every active mailbox of the tenant; one address per accepted
 * domain). Postfix reads both live (scripts/platform/mail/directory-queries.ts).
 */

export interface MailDeps {
  conn: LdapConnection;
  /** How long what a run removed or replaced is remembered on the entry for its rollback. */
  retentionMs: number;
  /** Local part of each tenant's All Users list (`all-users@<domain>`); empty = no list. */
  allUsersList: string;
}

export type Ctx = Pick<ProcedureContext, 'runId'>;
export type Result = ExecuteResult<Record<string, unknown>, unknown>;
export const runOf = (ctx: Ctx): string => ctx.runId ?? 'direct';

export const MAIL_TENANT = 'provisioMailTenant';
const TENANT_ATTRS = ['objectClass', 'provisioAcceptedDomain', 'provisioCreatedBy', 'provisioUndo', 'description'];

export function listDn(d: MailDeps, tenantDn: string): string {
  return `cn=${d.allUsersList},${tenantDn}`;
}

/** Every active mailbox below the tenant's OU: the All Users list's members. */
export function allUsersUrl(tenantDn: string): string {
  return `ldap:///${tenantDn}??sub?(&(objectClass=provisioMailbox)(provisioAccountStatus=active))`;
}

export async function tenantOrFail(c: Client, d: MailDeps, organizationId: string): Promise<Entry> {
  const t = await findTenant(c, d.conn.settings.baseDn, organizationId, TENANT_ATTRS);
  if (!t) throw ldapFailure('LDAP_PREREQUISITE_MISSING', `the organization OU of ${organizationId} does not exist`, { organizationId });
  return t;
}

/** The tenant that accepts mail for `domain`, if any. */
async function domainOwner(c: Client, d: MailDeps, domain: string): Promise<string | undefined> {
  const r = await c.search(hostingDn(d.conn.settings.baseDn), {
    scope: 'sub',
    filter: `(&(objectClass=${MAIL_TENANT})(provisioAcceptedDomain=${escapeFilterValue(domain)}))`,
    attributes: ['1.1'],
    sizeLimit: 2,
  });
  return r.searchEntries[0]?.dn;
}

/** Adds or removes the list's address in `domain` (nothing when the tenant has no list). */
async function setListAddress(c: Client, d: MailDeps, tenantDn: string, domain: string, present: boolean): Promise<void> {
  if (!d.allUsersList) return;
  const list = await readEntry(c, listDn(d, tenantDn), ['mail']);
  if (!list) return;
  const address = `${d.allUsersList}@${domain}`;
  if (hasValue(list, 'mail', address) === present) return;
  await c.modify(list.dn, [change(present ? 'add' : 'delete', 'mail', [address])]);
}

export async function enableOrganization(d: MailDeps, i: { organizationId: string; name: string }, ctx: Ctx): Promise<Result> {
  const part = exchangeKeys.organization(i.organizationId);
  const dn = await d.conn.run('Exchange.EnableOrganization', async (c) => {
    const t = await tenantOrFail(c, d, i.organizationId);
    if (!hasClass(t, MAIL_TENANT)) {
      await c.modify(t.dn, [change('add', 'objectClass', [MAIL_TENANT]), change('add', 'provisioCreatedBy', [createdByValue(part, runOf(ctx))])]);
    }
    if (d.allUsersList) {
      await addIfMissing(c, listDn(d, t.dn), {
        objectClass: ['provisioMailList'],
        cn: d.allUsersList,
        description: `${i.name} All Users`,
        memberURL: allUsersUrl(t.dn),
        provisioOrganizationId: i.organizationId,
        provisioCreatedBy: createdByValue(part, runOf(ctx)),
      });
    }
    return t.dn;
  });
  // The organization's address list is the directory itself: every mailbox below this search base.
  return { output: { exchangeOrganization: i.name, globalAddressList: dn } };
}

export async function rollbackEnableOrganization(d: MailDeps, i: { organizationId: string }, ctx: Ctx): Promise<void> {
  const part = exchangeKeys.organization(i.organizationId);
  await d.conn.run('rollback Exchange.EnableOrganization', async (c) => {
    const t = await findTenant(c, d.conn.settings.baseDn, i.organizationId, TENANT_ATTRS);
    if (!t || !createdBy(t, part, runOf(ctx))) return;
    if (d.allUsersList) await deleteIfPresent(c, listDn(d, t.dn));
    const domains = attrs(t, 'provisioAcceptedDomain');
    await c.modify(t.dn, [
      change('delete', 'objectClass', [MAIL_TENANT]),
      ...(domains.length ? [change('delete', 'provisioAcceptedDomain', domains)] : []),
      change('delete', 'provisioCreatedBy', [createdByValue(part, runOf(ctx))]),
    ]);
  });
}

interface DisabledOrganization {
  acceptedDomains: string[];
  listDescription?: string;
}

export async function disableOrganization(d: MailDeps, i: { organizationId: string }, ctx: Ctx): Promise<Result> {
  const part = exchangeKeys.organization(i.organizationId);
  await d.conn.run('Exchange.DisableOrganization', async (c) => {
    const t = await findTenant(c, d.conn.settings.baseDn, i.organizationId, TENANT_ATTRS);
    if (!t) return;
    const list = d.allUsersList ? await readEntry(c, listDn(d, t.dn), ['description']) : undefined;
    if (hasClass(t, MAIL_TENANT)) {
      const boxes = await c.search(t.dn, { scope: 'sub', filter: '(objectClass=provisioMailbox)', attributes: ['1.1'], sizeLimit: 1 });
      if (boxes.searchEntries.length)
        throw ldapFailure('LDAP_IN_USE', `the Exchange organization of ${i.organizationId} still holds mailboxes`, { organizationId: i.organizationId });
      const domains = attrs(t, 'provisioAcceptedDomain');
      const remembered: DisabledOrganization = { acceptedDomains: domains, listDescription: attrs(list, 'description')[0] };
      const markers = partMarkers(t, part);
      await c.modify(t.dn, [
        change('delete', 'objectClass', [MAIL_TENANT]),
        ...(domains.length ? [change('delete', 'provisioAcceptedDomain', domains)] : []),
        ...(markers.length ? [change('delete', 'provisioCreatedBy', markers)] : []),
        ...rememberChanges(t, d.retentionMs, runOf(ctx), part, remembered),
      ]);
    }
    // Also when a first attempt removed the class and died before the list.
    if (list) await deleteIfPresent(c, list.dn);
  });
  return { output: {} };
}

export async function rollbackDisableOrganization(d: MailDeps, i: { organizationId: string }, ctx: Ctx): Promise<void> {
  const part = exchangeKeys.organization(i.organizationId);
  await d.conn.run('rollback Exchange.DisableOrganization', async (c) => {
    const t = await findTenant(c, d.conn.settings.baseDn, i.organizationId, TENANT_ATTRS);
    const undo = readUndo<DisabledOrganization>(t, runOf(ctx), part);
    if (!t || !undo) return;
    const domains = undo.value.acceptedDomains ?? [];
    await c.modify(t.dn, [
      ...(hasClass(t, MAIL_TENANT) ? [] : [change('add', 'objectClass', [MAIL_TENANT])]),
      ...(domains.length ? [change('replace', 'provisioAcceptedDomain', domains)] : []),
      ...forgetChanges(t, d.retentionMs, runOf(ctx), part),
    ]);
    if (d.allUsersList) {
      await addIfMissing(c, listDn(d, t.dn), {
        objectClass: ['provisioMailList'],
        cn: d.allUsersList,
        description: undo.value.listDescription ?? 'All Users',
        memberURL: allUsersUrl(t.dn),
        provisioOrganizationId: i.organizationId,
        ...(domains.length ? { mail: domains.map((x) => `${d.allUsersList}@${x}`) } : {}),
      });
    }
  });
}

export async function addAcceptedDomain(d: MailDeps, i: { organizationId: string; domain: string }, ctx: Ctx): Promise<Result> {
  const part = exchangeKeys.acceptedDomain(i.domain);
  await d.conn.run('Exchange.AddAcceptedDomain', async (c) => {
    const t = await tenantOrFail(c, d, i.organizationId);
    const owner = await domainOwner(c, d, i.domain);
    if (owner && owner.toLowerCase() !== t.dn.toLowerCase()) {
      throw ldapFailure('LDAP_CONFLICT', `the accepted domain ${i.domain} belongs to another organization`, { domain: i.domain });
    }
    if (!hasClass(t, MAIL_TENANT)) {
      throw ldapFailure('LDAP_PREREQUISITE_MISSING', `the Exchange organization of ${i.organizationId} does not exist`, { organizationId: i.organizationId });
    }
    if (!hasValue(t, 'provisioAcceptedDomain', i.domain)) {
      await c.modify(t.dn, [change('add', 'provisioAcceptedDomain', [i.domain]), change('add', 'provisioCreatedBy', [createdByValue(part, runOf(ctx))])]);
    }
    await setListAddress(c, d, t.dn, i.domain, true);
  });
  return { output: {} };
}

export async function rollbackAddAcceptedDomain(d: MailDeps, i: { organizationId: string; domain: string }, ctx: Ctx): Promise<void> {
  const part = exchangeKeys.acceptedDomain(i.domain);
  await d.conn.run('rollback Exchange.AddAcceptedDomain', async (c) => {
    const t = await findTenant(c, d.conn.settings.baseDn, i.organizationId, TENANT_ATTRS);
    if (!t || !createdBy(t, part, runOf(ctx))) return;
    await setListAddress(c, d, t.dn, i.domain, false);
    await c.modify(t.dn, [
      ...(hasValue(t, 'provisioAcceptedDomain', i.domain) ? [change('delete', 'provisioAcceptedDomain', [i.domain])] : []),
      change('delete', 'provisioCreatedBy', [createdByValue(part, runOf(ctx))]),
    ]);
  });
}

export async function removeAcceptedDomain(d: MailDeps, i: { organizationId: string; domain: string }, ctx: Ctx): Promise<Result> {
  const part = exchangeKeys.acceptedDomain(i.domain);
  await d.conn.run('Exchange.RemoveAcceptedDomain', async (c) => {
    const t = await findTenant(c, d.conn.settings.baseDn, i.organizationId, TENANT_ATTRS);
    const owner = await domainOwner(c, d, i.domain);
    if (owner && owner.toLowerCase() !== t?.dn.toLowerCase()) {
      throw ldapFailure('LDAP_CONFLICT', `the accepted domain ${i.domain} belongs to another organization`, { domain: i.domain });
    }
    if (!t) return;
    if (hasValue(t, 'provisioAcceptedDomain', i.domain)) {
      const boxes = await c.search(t.dn, {
        scope: 'sub',
        filter: `(&(objectClass=provisioMailbox)(mail=*@${escapeFilterValue(i.domain)}))`,
        attributes: ['1.1'],
        sizeLimit: 1,
      });
      if (boxes.searchEntries.length) throw ldapFailure('LDAP_IN_USE', `mailboxes of ${i.organizationId} still use ${i.domain}`, { domain: i.domain });
    }
    await setListAddress(c, d, t.dn, i.domain, false);
    if (!hasValue(t, 'provisioAcceptedDomain', i.domain)) return;
    await c.modify(t.dn, [
      change('delete', 'provisioAcceptedDomain', [i.domain]),
      ...partMarkers(t, part).map((m) => change('delete', 'provisioCreatedBy', [m])),
      ...rememberChanges(t, d.retentionMs, runOf(ctx), part, { domain: i.domain }),
    ]);
  });
  return { output: {} };
}

export async function rollbackRemoveAcceptedDomain(d: MailDeps, i: { organizationId: string; domain: string }, ctx: Ctx): Promise<void> {
  const part = exchangeKeys.acceptedDomain(i.domain);
  await d.conn.run('rollback Exchange.RemoveAcceptedDomain', async (c) => {
    const t = await findTenant(c, d.conn.settings.baseDn, i.organizationId, TENANT_ATTRS);
    if (!t || !readUndo(t, runOf(ctx), part)) return;
    await c.modify(t.dn, [
      ...(hasValue(t, 'provisioAcceptedDomain', i.domain) || !hasClass(t, MAIL_TENANT) ? [] : [change('add', 'provisioAcceptedDomain', [i.domain])]),
      ...forgetChanges(t, d.retentionMs, runOf(ctx), part),
    ]);
    await setListAddress(c, d, t.dn, i.domain, true);
  });
}
