import { createHash } from 'node:crypto';
import type { Client } from 'ldapts';
import { ldapFailure, LDAP_RESULT, escapeFilterValue, resultCode } from './ldap-connection';
import { attr, change, deleteSubtree, deletedDn, hostingDn } from './ldap-tree';

/**
 * The directory's recycle bin (as Active Directory's): a delete moves the entry, with what is
 * below it, to `ou=Deleted,<base>`, where nobody but the manager can read it or bind as it, so a
 * rollback can put it back exactly as it was (password included) — even when the delete's
 * outcome was unknown and no rollback data was journaled: the bin key is derived from the run and
 * the object. Entries older than the retention are purged by later deletes.
 *
 * Moving: mark the entry (provisioBinKey, provisioDeletedFrom, provisioDeletedAt), then rename it
 * to `<rdn attribute>=<bin key>,ou=Deleted,<base>`. Restoring renames it back and drops the marks.
 * Each step can be repeated: a half-done move or restore is finished by the next attempt.
 */

const BIN_ATTRS = ['provisioBinKey', 'provisioDeletedFrom', 'provisioDeletedAt'];

export function binKey(run: string, objectKey: string): string {
  const safeRun = run.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return `${safeRun}-${createHash('sha256').update(objectKey).digest('hex').slice(0, 16)}`;
}

function generalizedTime(d: Date): string {
  return `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

function rdnAttribute(dn: string): string {
  return dn.slice(0, dn.indexOf('='));
}

function rdnOf(dn: string): string {
  return dn.slice(0, dn.search(/(?<!\\),/));
}

function parentOf(dn: string): string {
  return dn.slice(dn.search(/(?<!\\),/) + 1);
}

/** Moves `dn` (and its subtree) to the bin under `key`. */
export async function moveToBin(c: Client, baseDn: string, dn: string, key: string): Promise<void> {
  await c.modify(dn, [
    change('replace', 'provisioBinKey', [key]),
    change('replace', 'provisioDeletedFrom', [dn]),
    change('replace', 'provisioDeletedAt', [generalizedTime(new Date())]),
  ]);
  await c.modifyDN(dn, `${rdnAttribute(dn)}=${key},${deletedDn(baseDn)}`);
}

async function findByKey(c: Client, base: string, scope: 'one' | 'sub', key: string) {
  try {
    const r = await c.search(base, { scope, filter: `(provisioBinKey=${escapeFilterValue(key)})`, attributes: ['provisioDeletedFrom'], sizeLimit: 1 });
    return r.searchEntries[0];
  } catch (e) {
    if (resultCode(e) === LDAP_RESULT.noSuchObject) return undefined;
    throw e;
  }
}

/**
 * Puts back what was moved under `key`; false when nothing was (this run deleted nothing). A name
 * taken meanwhile (a new user with that alias or principal name) makes it a permanent conflict.
 */
export async function restoreFromBin(c: Client, baseDn: string, key: string): Promise<boolean> {
  let dn: string | undefined;
  const inBin = await findByKey(c, deletedDn(baseDn), 'one', key);
  if (inBin) {
    const from = attr(inBin, 'provisioDeletedFrom');
    if (!from) throw ldapFailure('LDAP_REJECTED', `the recycle bin entry ${inBin.dn} does not say where it came from`);
    try {
      await c.modifyDN(inBin.dn, from);
    } catch (e) {
      const code = resultCode(e);
      if (code === LDAP_RESULT.alreadyExists || code === LDAP_RESULT.constraintViolation) {
        throw ldapFailure('LDAP_CONFLICT', `cannot restore ${rdnOf(from)}: the name was taken meanwhile`, { dn: from });
      }
      if (code === LDAP_RESULT.noSuchObject)
        throw ldapFailure('LDAP_PREREQUISITE_MISSING', `cannot restore ${rdnOf(from)}: ${parentOf(from)} is gone`, { dn: from });
      throw e;
    }
    dn = from;
  } else {
    // A move that stopped after marking, or a restore that stopped before unmarking.
    dn = (await findByKey(c, hostingDn(baseDn), 'sub', key))?.dn;
    if (!dn) return false;
  }
  await c.modify(
    dn,
    BIN_ATTRS.map((type) => change('delete', type, [])),
  );
  return true;
}

/** Deletes what has been in the bin longer than `retentionMs` (best effort). */
export async function purgeBin(c: Client, baseDn: string, retentionMs: number): Promise<void> {
  const cutoff = generalizedTime(new Date(Date.now() - retentionMs));
  try {
    const old = await c.search(deletedDn(baseDn), { scope: 'one', filter: `(provisioDeletedAt<=${cutoff})`, attributes: ['1.1'], sizeLimit: 100 });
    for (const e of old.searchEntries) await deleteSubtree(c, e.dn);
  } catch {
    // The next delete tries again.
  }
}
