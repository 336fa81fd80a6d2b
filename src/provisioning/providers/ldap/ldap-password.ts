import type { LdapDeps } from './ldap-procedures';
import { ldapFailure } from './ldap-connection';
import { findTenant, readEntry, userDnIn } from './ldap-tree';

/**
 * An end user's password, set straight in the directory with the LDAP Password Modify extended
 * operation (RFC 3062): slapd hashes it with its configured scheme ({ARGON2} on `npm run
 * platform`), Provisio never stores it, and it never travels through a run. The value is neither
 * logged nor put into any error.
 */

const PASSWORD_MODIFY_OID = '1.3.6.1.4.1.4203.1.11.1';

function berLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), berLength(value.length), value]);
}

/** PasswdModifyRequestValue ::= SEQUENCE { userIdentity [0] OCTET STRING, newPasswd [2] OCTET STRING }. */
export function passwordModifyValue(dn: string, password: string): Buffer {
  return tlv(0x30, Buffer.concat([tlv(0x80, Buffer.from(dn, 'utf8')), tlv(0x82, Buffer.from(password, 'utf8'))]));
}

export async function setUserPassword(d: LdapDeps, i: { organizationId: string; alias: string }, password: string): Promise<void> {
  await d.conn.run('Directory.SetUserPassword', async (c) => {
    const org = await findTenant(c, d.conn.settings.baseDn, i.organizationId, ['1.1']);
    const dn = org && userDnIn(org.dn, i.alias);
    if (!dn || !(await readEntry(c, dn, ['1.1']))) throw ldapFailure('LDAP_NOT_FOUND', `directory user ${i.alias} does not exist`, { alias: i.alias });
    await c.exop(PASSWORD_MODIFY_OID, passwordModifyValue(dn, password));
  });
}
