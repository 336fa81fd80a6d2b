import type { Client, Entry } from 'ldapts';
import { communicationsKeys } from '../leaves/communications.leaves';
import { type LdapConnection, escapeFilterValue, ldapFailure } from '../ldap/ldap-connection';
import { attr, attrs, change, createdByValue, findTenant, hostingDn, readEntry, userDnIn } from '../ldap/ldap-tree';
import { createdBy, forgetChanges, hasClass, hasValue, partMarkers, readUndo, rememberChanges } from '../mail/entry-parts';
import type { Ctx, Result } from '../mail/mail-organization';
import type { EjabberdApi } from './ejabberd-api';
import { ensureTenantGroup, syncVhosts, type VhostSettings } from './xmpp-vhosts';

/**
 * The Communications namespace on ejabberd. The directory holds it all: a tenant's SIP/XMPP
 * domains (`provisioImTenant` on its OU) and its IM users (`provisioImUser`: address and
 * features); ejabberd authenticates users against the directory (their own bind), and serves one
 * vhost per domain (xmpp-vhosts.ts) with a shared roster group of all its users.
 */

export interface XmppDeps {
  conn: LdapConnection;
  api: EjabberdApi;
  vhosts: VhostSettings;
  retentionMs: number;
}

const IM_TENANT = 'provisioImTenant';
const IM_USER = 'provisioImUser';
const TENANT_ATTRS = ['objectClass', 'provisioImDomain', 'provisioCreatedBy', 'provisioUndo'];
const USER_ATTRS = ['objectClass', 'provisioImAddress', 'provisioImFeature', 'provisioCreatedBy', 'provisioUndo'];
const FEATURES = ['im', 'presence', 'federation', 'conferencing'] as const;
type Feature = (typeof FEATURES)[number];

const runOf = (ctx: Ctx): string => ctx.runId ?? 'direct';

interface ImUser {
  address: string;
  features: string[];
}

async function domainOwner(c: Client, conn: LdapConnection, domain: string): Promise<string | undefined> {
  const r = await c.search(hostingDn(conn.settings.baseDn), {
    scope: 'sub',
    filter: `(&(objectClass=${IM_TENANT})(provisioImDomain=${escapeFilterValue(domain)}))`,
    attributes: ['1.1'],
    sizeLimit: 2,
  });
  return r.searchEntries[0]?.dn;
}

async function tenant(c: Client, d: XmppDeps, organizationId: string): Promise<Entry | undefined> {
  return findTenant(c, d.conn.settings.baseDn, organizationId, TENANT_ATTRS);
}

async function user(c: Client, d: XmppDeps, organizationId: string, alias: string): Promise<Entry | undefined> {
  const t = await findTenant(c, d.conn.settings.baseDn, organizationId, ['1.1']);
  return t ? readEntry(c, userDnIn(t.dn, alias), USER_ATTRS) : undefined;
}

function conflict(kind: string, value: string): Error {
  return ldapFailure('LDAP_CONFLICT', `the ${kind} ${value} belongs to another organization`, { [kind === 'SIP domain' ? 'domain' : 'sipUri']: value });
}

export async function createSipDomain(d: XmppDeps, i: { organizationId: string; domain: string }, ctx: Ctx): Promise<Result> {
  const part = communicationsKeys.sipDomain(i.domain);
  await d.conn.run('Communications.CreateSipDomain', async (c) => {
    const t = await tenant(c, d, i.organizationId);
    if (!t) throw ldapFailure('LDAP_PREREQUISITE_MISSING', `the organization OU of ${i.organizationId} does not exist`);
    const owner = await domainOwner(c, d.conn, i.domain);
    if (owner && owner.toLowerCase() !== t.dn.toLowerCase()) throw conflict('SIP domain', i.domain);
    if (hasValue(t, 'provisioImDomain', i.domain)) return;
    await c.modify(t.dn, [
      ...(hasClass(t, IM_TENANT) ? [] : [change('add', 'objectClass', [IM_TENANT])]),
      change('add', 'provisioImDomain', [i.domain]),
      change('add', 'provisioCreatedBy', [createdByValue(part, runOf(ctx))]),
    ]);
  });
  await syncVhosts(d.conn, d.api, d.vhosts);
  await ensureTenantGroup(d.api, i.domain);
  return { output: {} };
}

/** Removes `domain` (and the class with the last one) from the tenant. */
function domainRemoval(t: Entry, domain: string): ReturnType<typeof change>[] {
  const last = attrs(t, 'provisioImDomain').every((x) => x.toLowerCase() === domain.toLowerCase());
  return [change('delete', 'provisioImDomain', [domain]), ...(last ? [change('delete', 'objectClass', [IM_TENANT])] : [])];
}

export async function rollbackCreateSipDomain(d: XmppDeps, i: { organizationId: string; domain: string }, ctx: Ctx): Promise<void> {
  const part = communicationsKeys.sipDomain(i.domain);
  const changed = await d.conn.run('rollback Communications.CreateSipDomain', async (c) => {
    const t = await tenant(c, d, i.organizationId);
    if (!t || !createdBy(t, part, runOf(ctx))) return false;
    await c.modify(t.dn, [
      ...(hasValue(t, 'provisioImDomain', i.domain) ? domainRemoval(t, i.domain) : []),
      change('delete', 'provisioCreatedBy', partMarkers(t, part)),
    ]);
    return true;
  });
  if (changed) await syncVhosts(d.conn, d.api, d.vhosts);
}

export async function deleteSipDomain(d: XmppDeps, i: { organizationId: string; domain: string }, ctx: Ctx): Promise<Result> {
  const part = communicationsKeys.sipDomain(i.domain);
  await d.conn.run('Communications.DeleteSipDomain', async (c) => {
    const t = await tenant(c, d, i.organizationId);
    const owner = await domainOwner(c, d.conn, i.domain);
    if (owner && owner.toLowerCase() !== t?.dn.toLowerCase()) throw conflict('SIP domain', i.domain);
    if (!t || !hasValue(t, 'provisioImDomain', i.domain)) return;
    const users = await c.search(t.dn, {
      scope: 'sub',
      filter: `(&(objectClass=${IM_USER})(provisioImAddress=*@${escapeFilterValue(i.domain)}))`,
      attributes: ['1.1'],
      sizeLimit: 1,
    });
    if (users.searchEntries.length) throw ldapFailure('LDAP_IN_USE', `the SIP domain ${i.domain} still has SIP users`, { domain: i.domain });
    const markers = partMarkers(t, part);
    await c.modify(t.dn, [
      ...domainRemoval(t, i.domain),
      ...(markers.length ? [change('delete', 'provisioCreatedBy', markers)] : []),
      ...rememberChanges(t, d.retentionMs, runOf(ctx), part, { domain: i.domain }),
    ]);
  });
  await syncVhosts(d.conn, d.api, d.vhosts);
  return { output: {} };
}

export async function rollbackDeleteSipDomain(d: XmppDeps, i: { organizationId: string; domain: string }, ctx: Ctx): Promise<void> {
  const part = communicationsKeys.sipDomain(i.domain);
  const changed = await d.conn.run('rollback Communications.DeleteSipDomain', async (c) => {
    const t = await tenant(c, d, i.organizationId);
    if (!t || !readUndo(t, runOf(ctx), part)) return false;
    await c.modify(t.dn, [
      ...(hasClass(t, IM_TENANT) ? [] : [change('add', 'objectClass', [IM_TENANT])]),
      ...(hasValue(t, 'provisioImDomain', i.domain) ? [] : [change('add', 'provisioImDomain', [i.domain])]),
      ...forgetChanges(t, d.retentionMs, runOf(ctx), part),
    ]);
    return true;
  });
  if (!changed) return;
  await syncVhosts(d.conn, d.api, d.vhosts);
  await ensureTenantGroup(d.api, i.domain);
}

type EnableIn = { organizationId: string; domain: string; alias: string } & Record<Feature, boolean>;

export async function enableUser(d: XmppDeps, i: EnableIn, ctx: Ctx): Promise<Result> {
  const part = communicationsKeys.sipUser(i.organizationId, i.alias);
  const address = `${i.alias}@${i.domain}`;
  const features = FEATURES.filter((f) => i[f]);
  const result = await d.conn.run('Communications.EnableUser', async (c) => {
    const t = await tenant(c, d, i.organizationId);
    if (!t) throw ldapFailure('LDAP_PREREQUISITE_MISSING', `the organization OU of ${i.organizationId} does not exist`);
    if (!hasValue(t, 'provisioImDomain', i.domain))
      throw ldapFailure('LDAP_PREREQUISITE_MISSING', `the SIP domain ${i.domain} of ${i.organizationId} does not exist`, { domain: i.domain });
    const u = await readEntry(c, userDnIn(t.dn, i.alias), USER_ATTRS);
    if (!u) throw ldapFailure('LDAP_PREREQUISITE_MISSING', `the directory user ${i.alias} does not exist`, { alias: i.alias });
    if (hasClass(u, IM_USER)) return { address: attr(u, 'provisioImAddress') ?? address, changed: false };
    const taken = await c.search(hostingDn(d.conn.settings.baseDn), {
      scope: 'sub',
      filter: `(provisioImAddress=${escapeFilterValue(address)})`,
      attributes: ['1.1'],
      sizeLimit: 1,
    });
    if (taken.searchEntries.length) throw conflict('SIP URI', `sip:${address}`);
    await c.modify(u.dn, [
      change('add', 'objectClass', [IM_USER]),
      change('replace', 'provisioImAddress', [address]),
      ...(features.length ? [change('replace', 'provisioImFeature', features)] : []),
      change('add', 'provisioCreatedBy', [createdByValue(part, runOf(ctx))]),
    ]);
    return { address, changed: true };
  });
  if (result.changed && i.federation) await syncVhosts(d.conn, d.api, d.vhosts);
  return { output: { sipUri: `sip:${result.address}` } };
}

function imRemoval(u: Entry): ReturnType<typeof change>[] {
  const features = attrs(u, 'provisioImFeature');
  return [
    change('delete', 'objectClass', [IM_USER]),
    change('delete', 'provisioImAddress', []),
    ...(features.length ? [change('delete', 'provisioImFeature', features)] : []),
  ];
}

/** Ends the user's sessions (a removed IM user goes offline at once). */
async function kick(d: XmppDeps, address: string): Promise<void> {
  const [name, host] = address.split('@');
  await d.api.call('kick_user', { user: name, host });
}

export async function rollbackEnableUser(d: XmppDeps, i: { organizationId: string; alias: string; federation: boolean }, ctx: Ctx): Promise<void> {
  const part = communicationsKeys.sipUser(i.organizationId, i.alias);
  const address = await d.conn.run('rollback Communications.EnableUser', async (c) => {
    const u = await user(c, d, i.organizationId, i.alias);
    if (!u || !createdBy(u, part, runOf(ctx))) return undefined;
    const markers = partMarkers(u, part);
    await c.modify(u.dn, [...(hasClass(u, IM_USER) ? imRemoval(u) : []), change('delete', 'provisioCreatedBy', markers)]);
    return attr(u, 'provisioImAddress');
  });
  if (!address) return;
  await kick(d, address);
  if (i.federation) await syncVhosts(d.conn, d.api, d.vhosts);
}

export async function disableUser(d: XmppDeps, i: { organizationId: string; alias: string }, ctx: Ctx): Promise<Result> {
  const part = communicationsKeys.sipUser(i.organizationId, i.alias);
  const removed = await d.conn.run('Communications.DisableUser', async (c) => {
    const u = await user(c, d, i.organizationId, i.alias);
    if (!u || !hasClass(u, IM_USER)) return undefined;
    const value: ImUser = { address: attr(u, 'provisioImAddress') ?? '', features: attrs(u, 'provisioImFeature') };
    const markers = partMarkers(u, part);
    await c.modify(u.dn, [
      ...imRemoval(u),
      ...(markers.length ? [change('delete', 'provisioCreatedBy', markers)] : []),
      ...rememberChanges(u, d.retentionMs, runOf(ctx), part, value),
    ]);
    return value;
  });
  if (removed?.address) {
    await kick(d, removed.address);
    if (removed.features.includes('federation')) await syncVhosts(d.conn, d.api, d.vhosts);
  }
  return { output: {}, rollback: removed };
}

export async function rollbackDisableUser(d: XmppDeps, i: { organizationId: string; alias: string }, data: unknown, ctx: Ctx): Promise<void> {
  const part = communicationsKeys.sipUser(i.organizationId, i.alias);
  const restored = await d.conn.run('rollback Communications.DisableUser', async (c) => {
    const u = await user(c, d, i.organizationId, i.alias);
    if (!u) return undefined;
    const removed = (data as ImUser | undefined) ?? readUndo<ImUser>(u, runOf(ctx), part)?.value;
    const forget = forgetChanges(u, d.retentionMs, runOf(ctx), part);
    if (!removed?.address || hasClass(u, IM_USER)) {
      if (forget.length) await c.modify(u.dn, forget);
      return undefined;
    }
    await c.modify(u.dn, [
      change('add', 'objectClass', [IM_USER]),
      change('replace', 'provisioImAddress', [removed.address]),
      ...(removed.features?.length ? [change('replace', 'provisioImFeature', removed.features)] : []),
      ...forget,
    ]);
    return removed;
  });
  if (restored?.features.includes('federation')) await syncVhosts(d.conn, d.api, d.vhosts);
}

export async function getSipUser(d: XmppDeps, i: { organizationId: string; alias: string }): Promise<Result> {
  const u = await d.conn.run('Communications.GetSipUser', (c) => user(c, d, i.organizationId, i.alias));
  if (!u || !hasClass(u, IM_USER)) throw ldapFailure('LDAP_NOT_FOUND', `${i.alias} is not enabled for SIP`, { alias: i.alias });
  const features = attrs(u, 'provisioImFeature').map((f) => f.toLowerCase());
  return {
    output: { sipUri: `sip:${attr(u, 'provisioImAddress')}`, federation: features.includes('federation'), conferencing: features.includes('conferencing') },
  };
}
