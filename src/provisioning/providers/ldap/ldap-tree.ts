import { Attribute, Change, type Client, type Entry } from 'ldapts';
import { type LdapConnection, LDAP_RESULT, escapeDnValue, escapeFilterValue, resultCode } from './ldap-connection';

/**
 * Where Provisio's entries live (scripts/platform/ldap/schema/provisio.ldif):
 * `ou=<customer>[,ou=<reseller>],ou=Hosting,<base>`, users `uid=<alias>,<that OU>`, the admins
 * group `cn=Admins,<that OU>`, the recycle bin `ou=Deleted,<base>`. Procedures name only the
 * organization id, so the OU is found by searching (the reseller level is part of its DN).
 */

export const ACCOUNT_CLASSES = ['top', 'person', 'organizationalPerson', 'inetOrgPerson', 'provisioAccount'];
export const TENANT_CLASSES = ['top', 'organizationalUnit', 'provisioTenant'];
export const ADMINS_CN = 'Admins';

export function hostingDn(baseDn: string): string {
  return `ou=Hosting,${baseDn}`;
}
export function deletedDn(baseDn: string): string {
  return `ou=Deleted,${baseDn}`;
}

/** First value of an attribute as a string (ldapts gives string | string[] | Buffer…). */
export function attr(e: Entry | undefined, name: string): string | undefined {
  const v = e?.[name] ?? e?.[Object.keys(e ?? {}).find((k) => k.toLowerCase() === name.toLowerCase()) ?? ''];
  if (v === undefined) return undefined;
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : String(first);
}

export function attrs(e: Entry | undefined, name: string): string[] {
  const key = Object.keys(e ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
  const v = key ? e![key] : undefined;
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** The entry at `dn`, or undefined. */
export async function readEntry(c: Client, dn: string, attributes: string[] = ['*']): Promise<Entry | undefined> {
  try {
    const r = await c.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes });
    return r.searchEntries[0];
  } catch (e) {
    if (resultCode(e) === LDAP_RESULT.noSuchObject) return undefined;
    throw e;
  }
}

/** The OU of organization `id` under ou=Hosting (customers and reseller containers alike). */
export async function findTenant(c: Client, baseDn: string, id: string, attributes: string[] = ['*']): Promise<Entry | undefined> {
  const r = await c.search(hostingDn(baseDn), {
    scope: 'sub',
    filter: `(&(objectClass=provisioTenant)(provisioOrganizationId=${escapeFilterValue(id)}))`,
    attributes,
    sizeLimit: 2,
  });
  return r.searchEntries[0];
}

export function userDnIn(orgDn: string, alias: string): string {
  return `uid=${escapeDnValue(alias)},${orgDn}`;
}

export function adminsDnIn(orgDn: string): string {
  return `cn=${ADMINS_CN},${orgDn}`;
}

/** The DN of an organization's OU, or undefined when it has none (for the mail and IM drivers too). */
export async function organizationDn(conn: LdapConnection, organizationId: string): Promise<string | undefined> {
  return conn.run('find the organization OU', async (c) => (await findTenant(c, conn.settings.baseDn, organizationId, ['1.1']))?.dn);
}

/** The DN of a user of an organization, or undefined when the organization or the user is missing. */
export async function userDn(conn: LdapConnection, organizationId: string, alias: string): Promise<string | undefined> {
  return conn.run('find the user', async (c) => {
    const org = await findTenant(c, conn.settings.baseDn, organizationId, ['1.1']);
    if (!org) return undefined;
    const dn = userDnIn(org.dn, alias);
    return (await readEntry(c, dn, ['1.1'])) ? dn : undefined;
  });
}

/** The `provisioCreatedBy` value that says `run` created object `key` on an entry. */
export function createdByValue(key: string, run: string): string {
  return `${key} ${run}`;
}

/** Adds an entry; false when it was there already (the caller decides whether that is the same one). */
export async function addIfMissing(c: Client, dn: string, attributes: Record<string, string | string[]>): Promise<boolean> {
  try {
    await c.add(dn, attributes);
    return true;
  } catch (e) {
    if (resultCode(e) === LDAP_RESULT.alreadyExists) return false;
    throw e;
  }
}

/** Deletes an entry; "already gone" is success. */
export async function deleteIfPresent(c: Client, dn: string): Promise<void> {
  try {
    await c.del(dn);
  } catch (e) {
    if (resultCode(e) !== LDAP_RESULT.noSuchObject) throw e;
  }
}

/** Deletes an entry and everything below it, deepest first. */
export async function deleteSubtree(c: Client, dn: string): Promise<void> {
  let children: Entry[];
  try {
    children = (await c.search(dn, { scope: 'one', filter: '(objectClass=*)', attributes: ['1.1'] })).searchEntries;
  } catch (e) {
    if (resultCode(e) === LDAP_RESULT.noSuchObject) return;
    throw e;
  }
  for (const child of children) await deleteSubtree(c, child.dn);
  await deleteIfPresent(c, dn);
}

/** One modification of an LDAP modify (`values` empty with delete: the whole attribute). */
export function change(operation: 'add' | 'delete' | 'replace', type: string, values: string[]): Change {
  return new Change({ operation, modification: new Attribute({ type, values }) });
}
