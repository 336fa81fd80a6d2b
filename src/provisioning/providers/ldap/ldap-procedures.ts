import type { Change, Client, Entry } from 'ldapts';
import { crashPoint } from '../crash-point';
import { directoryKeys } from '../leaves/directory.leaves';
import type { ExecuteResult, ProcedureContext } from '../provider';
import { binKey, moveToBin, purgeBin, restoreFromBin } from './ldap-bin';
import { type LdapConnection, ldapFailure, LDAP_RESULT, escapeDnValue, resultCode } from './ldap-connection';
import {
  ACCOUNT_CLASSES,
  ADMINS_CN,
  TENANT_CLASSES,
  addIfMissing,
  adminsDnIn,
  attr,
  attrs,
  change,
  createdByValue,
  deleteIfPresent,
  findTenant,
  hostingDn,
  readEntry,
  userDnIn,
} from './ldap-tree';
import { readUndo, undoChanges } from './ldap-undo';

export interface UserProps {
  displayName: string;
  disabled: boolean;
}

/**
 * The Directory leaf procedures on OpenLDAP (what the lab's directory.procedures.ts does on its
 * tables): idempotent by organization id and alias, creations marked with the run that made them
 * (provisioCreatedBy) so a rollback removes only its own, deletes through the recycle bin,
 * property changes remembered on the entry (provisioUndo) so a rollback restores them.
 */

export interface LdapDeps {
  conn: LdapConnection;
  retentionMs: number;
}

type Ctx = Pick<ProcedureContext, 'runId'>;
type Result = ExecuteResult<Record<string, unknown>, unknown>;
const runOf = (ctx: Ctx): string => ctx.runId ?? 'direct';

export interface OrgIn {
  organizationId: string;
}
export interface UserIn extends OrgIn {
  alias: string;
}

async function tenantOrFail(c: Client, d: LdapDeps, organizationId: string, code: 'LDAP_NOT_FOUND' | 'LDAP_PREREQUISITE_MISSING'): Promise<Entry> {
  const org = await findTenant(c, d.conn.settings.baseDn, organizationId);
  if (!org) throw ldapFailure(code, `the organization OU of ${organizationId} does not exist`, { organizationId });
  return org;
}

/** The reseller's container `ou=<reseller>,ou=Hosting`, created on first use and kept (shared by its customers). */
async function resellerDn(c: Client, baseDn: string, resellerId: string): Promise<string> {
  const found = await findTenant(c, baseDn, resellerId, ['1.1']);
  if (found) return found.dn;
  const dn = `ou=${escapeDnValue(resellerId)},${hostingDn(baseDn)}`;
  await addIfMissing(c, dn, { objectClass: TENANT_CLASSES.slice(1), ou: resellerId, provisioOrganizationId: resellerId, description: 'Reseller' });
  return dn;
}

export async function createOrganization(d: LdapDeps, i: OrgIn & { name: string; domain: string; resellerId?: string }, ctx: Ctx): Promise<Result> {
  const marker = createdByValue(directoryKeys.ou(i.organizationId), runOf(ctx));
  const dn = await d.conn.run('Directory.CreateOrganization', async (c) => {
    const base = d.conn.settings.baseDn;
    let ouDn = (await findTenant(c, base, i.organizationId, ['1.1']))?.dn;
    if (!ouDn) {
      const parent = i.resellerId ? await resellerDn(c, base, i.resellerId) : hostingDn(base);
      ouDn = `ou=${escapeDnValue(i.organizationId)},${parent}`;
      await addIfMissing(c, ouDn, {
        objectClass: TENANT_CLASSES.slice(1),
        ou: i.organizationId,
        provisioOrganizationId: i.organizationId,
        provisioDomain: i.domain,
        description: i.name,
        provisioCreatedBy: marker,
      });
      crashPoint('Directory.CreateOrganization:ou-added');
    }
    await addIfMissing(c, adminsDnIn(ouDn), {
      objectClass: 'provisioGroup',
      cn: ADMINS_CN,
      provisioOrganizationId: i.organizationId,
      description: `Admins of ${i.name}`,
      provisioCreatedBy: marker,
    });
    return ouDn;
  });
  return { output: { ouPath: dn } };
}

/** Removes the OU if this run created it: its admins group, then itself (users were rolled back before). */
export async function rollbackCreateOrganization(d: LdapDeps, i: OrgIn, ctx: Ctx): Promise<void> {
  const marker = createdByValue(directoryKeys.ou(i.organizationId), runOf(ctx));
  await d.conn.run('rollback Directory.CreateOrganization', async (c) => {
    const org = await findTenant(c, d.conn.settings.baseDn, i.organizationId, ['provisioCreatedBy']);
    if (!org || !attrs(org, 'provisioCreatedBy').includes(marker)) return;
    await deleteIfPresent(c, adminsDnIn(org.dn));
    await c.del(org.dn);
  });
}

/** Entries under the OU besides its admins group, and object classes of other namespaces on it. */
async function ouDependents(c: Client, org: Entry): Promise<string[]> {
  const children = (await c.search(org.dn, { scope: 'one', filter: '(objectClass=*)', attributes: ['1.1'] })).searchEntries;
  const others = children.filter((e) => e.dn.toLowerCase() !== adminsDnIn(org.dn).toLowerCase()).map((e) => e.dn);
  const classes = attrs(org, 'objectClass').filter((oc) => !TENANT_CLASSES.some((t) => t.toLowerCase() === oc.toLowerCase()));
  return [...others, ...classes.map((oc) => `objectClass ${oc}`)];
}

export async function deleteOrganization(d: LdapDeps, i: OrgIn, ctx: Ctx): Promise<Result> {
  const base = d.conn.settings.baseDn;
  await d.conn.run('Directory.DeleteOrganization', async (c) => {
    const org = await findTenant(c, base, i.organizationId, ['objectClass']);
    if (org) {
      const dependents = await ouDependents(c, org);
      if (dependents.length)
        throw ldapFailure('LDAP_IN_USE', `the organization OU still holds ${dependents.slice(0, 3).join(', ')}${dependents.length > 3 ? '…' : ''}`, {
          organizationId: i.organizationId,
        });
      await moveToBin(c, base, org.dn, binKey(runOf(ctx), directoryKeys.ou(i.organizationId)));
    }
    await purgeBin(c, base, d.retentionMs);
  });
  return { output: {} };
}

export async function rollbackDeleteOrganization(d: LdapDeps, i: OrgIn, ctx: Ctx): Promise<void> {
  await d.conn.run('rollback Directory.DeleteOrganization', (c) =>
    restoreFromBin(c, d.conn.settings.baseDn, binKey(runOf(ctx), directoryKeys.ou(i.organizationId))),
  );
}

/** inetOrgPerson needs a surname: the last word of the display name. */
function surname(displayName: string): string {
  return displayName.trim().split(/\s+/).pop() || displayName;
}

export async function createUser(d: LdapDeps, i: UserIn & { domain: string; displayName: string }, ctx: Ctx): Promise<Result> {
  const upn = `${i.alias}@${i.domain}`;
  const dn = await d.conn.run('Directory.CreateUser', async (c) => {
    const org = await tenantOrFail(c, d, i.organizationId, 'LDAP_PREREQUISITE_MISSING');
    const userDn = userDnIn(org.dn, i.alias);
    try {
      await addIfMissing(c, userDn, {
        objectClass: ACCOUNT_CLASSES.slice(1),
        uid: i.alias,
        cn: i.displayName,
        sn: surname(i.displayName),
        displayName: i.displayName,
        provisioOrganizationId: i.organizationId,
        provisioAccountStatus: 'active',
        provisioUserPrincipalName: upn,
        provisioCreatedBy: createdByValue(directoryKeys.user(i.organizationId, i.alias), runOf(ctx)),
      });
    } catch (e) {
      if (resultCode(e) === LDAP_RESULT.constraintViolation)
        throw ldapFailure('LDAP_CONFLICT', `the user principal name ${upn} belongs to another organization`, { userPrincipalName: upn });
      throw e;
    }
    return userDn;
  });
  return { output: { userPrincipalName: upn, distinguishedName: dn } };
}

export async function rollbackCreateUser(d: LdapDeps, i: UserIn, ctx: Ctx): Promise<void> {
  const marker = createdByValue(directoryKeys.user(i.organizationId, i.alias), runOf(ctx));
  await d.conn.run('rollback Directory.CreateUser', async (c) => {
    const org = await findTenant(c, d.conn.settings.baseDn, i.organizationId, ['1.1']);
    const user = org && (await readEntry(c, userDnIn(org.dn, i.alias), ['provisioCreatedBy']));
    if (user && attrs(user, 'provisioCreatedBy').includes(marker)) await deleteIfPresent(c, user.dn);
  });
}

export async function deleteUser(d: LdapDeps, i: UserIn, ctx: Ctx): Promise<Result> {
  const base = d.conn.settings.baseDn;
  await d.conn.run('Directory.DeleteUser', async (c) => {
    const org = await findTenant(c, base, i.organizationId, ['1.1']);
    const user = org && (await readEntry(c, userDnIn(org.dn, i.alias), ['objectClass']));
    if (user) {
      const others = attrs(user, 'objectClass').filter((oc) => !ACCOUNT_CLASSES.some((a) => a.toLowerCase() === oc.toLowerCase()));
      if (others.length)
        throw ldapFailure('LDAP_IN_USE', `the user ${i.alias} still has ${others.join(', ')} (its mailbox or SIP account must go first)`, { alias: i.alias });
      await moveToBin(c, base, user.dn, binKey(runOf(ctx), directoryKeys.user(i.organizationId, i.alias)));
    }
    await purgeBin(c, base, d.retentionMs);
  });
  return { output: {} };
}

export async function rollbackDeleteUser(d: LdapDeps, i: UserIn, ctx: Ctx): Promise<void> {
  await d.conn.run('rollback Directory.DeleteUser', (c) =>
    restoreFromBin(c, d.conn.settings.baseDn, binKey(runOf(ctx), directoryKeys.user(i.organizationId, i.alias))),
  );
}

function propsOf(user: Entry): UserProps {
  return { displayName: attr(user, 'displayName') ?? attr(user, 'cn') ?? '', disabled: attr(user, 'provisioAccountStatus') === 'disabled' };
}

function propChanges(p: UserProps): Change[] {
  return [
    change('replace', 'displayName', [p.displayName]),
    change('replace', 'cn', [p.displayName]),
    change('replace', 'sn', [surname(p.displayName)]),
    // A disabled account cannot bind: slapd's ACL denies its password (suspend).
    change('replace', 'provisioAccountStatus', [p.disabled ? 'disabled' : 'active']),
  ];
}

const USER_PROPS_ATTRS = ['displayName', 'cn', 'provisioAccountStatus', 'provisioUndo'];

export async function setUserProperties(d: LdapDeps, i: UserIn & { displayName?: string; disabled?: boolean }, ctx: Ctx): Promise<Result> {
  const key = directoryKeys.user(i.organizationId, i.alias);
  const previous = await d.conn.run('Directory.SetUserProperties', async (c) => {
    const org = await tenantOrFail(c, d, i.organizationId, 'LDAP_NOT_FOUND');
    const user = await readEntry(c, userDnIn(org.dn, i.alias), USER_PROPS_ATTRS);
    if (!user) throw ldapFailure('LDAP_NOT_FOUND', `directory user ${i.alias} does not exist`, { alias: i.alias });
    const cur = propsOf(user);
    // Re-executed after the change happened: the value this run replaced is the one it remembered.
    const prev = readUndo<UserProps>(user, runOf(ctx), key)?.value ?? cur;
    const next: UserProps = { displayName: i.displayName ?? cur.displayName, disabled: i.disabled ?? cur.disabled };
    await c.modify(user.dn, [...propChanges(next), ...undoChanges(user, d.retentionMs, { add: { run: runOf(ctx), key, value: prev } })]);
    return prev;
  });
  return { output: {}, rollback: previous };
}

/** Restores what this run replaced (rollback data, else what the entry remembers); nothing when it remembers nothing. */
export async function rollbackSetUserProperties(d: LdapDeps, i: UserIn, data: UserProps | undefined, ctx: Ctx): Promise<void> {
  const key = directoryKeys.user(i.organizationId, i.alias);
  await d.conn.run('rollback Directory.SetUserProperties', async (c) => {
    const org = await findTenant(c, d.conn.settings.baseDn, i.organizationId, ['1.1']);
    const user = org && (await readEntry(c, userDnIn(org.dn, i.alias), USER_PROPS_ATTRS));
    if (!user) return;
    const remembered = readUndo<UserProps>(user, runOf(ctx), key);
    const prev = data ?? remembered?.value;
    if (!prev) return;
    await c.modify(user.dn, [...propChanges(prev), ...undoChanges(user, d.retentionMs, { drop: remembered?.raw })]);
  });
}

function userView(u: Entry) {
  return {
    userPrincipalName: attr(u, 'provisioUserPrincipalName'),
    displayName: attr(u, 'displayName') ?? attr(u, 'cn'),
    disabled: attr(u, 'provisioAccountStatus') === 'disabled',
  };
}

export async function getUser(d: LdapDeps, i: UserIn): Promise<Result> {
  const user = await d.conn.run('Directory.GetUser', async (c) => {
    const org = await tenantOrFail(c, d, i.organizationId, 'LDAP_NOT_FOUND');
    return readEntry(c, userDnIn(org.dn, i.alias), ['provisioUserPrincipalName', 'displayName', 'cn', 'provisioAccountStatus']);
  });
  if (!user) throw ldapFailure('LDAP_NOT_FOUND', `directory user ${i.alias} does not exist`, { alias: i.alias });
  return { output: userView(user) };
}

export async function listUsers(d: LdapDeps, i: OrgIn): Promise<Result> {
  const users = await d.conn.run('Directory.ListUsers', async (c) => {
    const org = await tenantOrFail(c, d, i.organizationId, 'LDAP_NOT_FOUND');
    const r = await c.search(org.dn, {
      scope: 'one',
      filter: '(objectClass=provisioAccount)',
      attributes: ['uid', 'provisioUserPrincipalName', 'displayName', 'cn', 'provisioAccountStatus'],
    });
    return r.searchEntries;
  });
  const out = users.map((u) => ({ alias: attr(u, 'uid') ?? '', ...userView(u) })).sort((a, b) => a.alias.localeCompare(b.alias));
  return { output: { users: out } };
}
