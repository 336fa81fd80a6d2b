import { withCrashPoints } from '../crash-point';
import { defineProvider, type NamespaceImplementation } from '../define-provider';
import type { ProbeResult, Provider } from '../provider';
import { LdapConnection, type LdapSettings } from './ldap-connection';
import { setUserPassword } from './ldap-password';
import {
  type LdapDeps,
  type UserProps,
  createOrganization,
  createUser,
  deleteOrganization,
  deleteUser,
  getUser,
  listUsers,
  rollbackCreateOrganization,
  rollbackCreateUser,
  rollbackDeleteOrganization,
  rollbackDeleteUser,
  rollbackSetUserProperties,
  setUserProperties,
} from './ldap-procedures';
import { directoryInventory } from './ldap-inventory';

export interface LdapProviderSettings extends LdapSettings {
  /** How long the recycle bin and the undo memory keep what a rollback may need. */
  retentionMs: number;
}

/**
 * The `ldap` provider: the Directory namespace on OpenLDAP (or any LDAPv3 directory with
 * Provisio's schema, scripts/platform/ldap/schema). Connects on the first call.
 */
export function createLdapProvider(settings: LdapProviderSettings): Provider {
  const conn = new LdapConnection(settings);
  const d: LdapDeps = { conn, retentionMs: settings.retentionMs };
  const directory: NamespaceImplementation<'Directory'> = {
    CreateOrganization: { execute: (i, ctx) => createOrganization(d, i, ctx), rollback: (i, _data, ctx) => rollbackCreateOrganization(d, i, ctx) },
    DeleteOrganization: { execute: (i, ctx) => deleteOrganization(d, i, ctx), rollback: (i, _data, ctx) => rollbackDeleteOrganization(d, i, ctx) },
    CreateUser: { execute: (i, ctx) => createUser(d, i, ctx), rollback: (i, _data, ctx) => rollbackCreateUser(d, i, ctx) },
    DeleteUser: { execute: (i, ctx) => deleteUser(d, i, ctx), rollback: (i, _data, ctx) => rollbackDeleteUser(d, i, ctx) },
    SetUserProperties: {
      execute: (i, ctx) => setUserProperties(d, i, ctx),
      rollback: (i, data, ctx) => rollbackSetUserProperties(d, i, data as UserProps | undefined, ctx),
    },
    GetUser: { execute: (i) => getUser(d, i) },
    ListUsers: { execute: (i) => listUsers(d, i) },
  };
  return withCrashPoints(
    defineProvider({
      name: 'ldap',
      implementations: { Directory: directory },
      operations: {
        'Directory.SetUserPassword': (i) => setUserPassword(d, i, i.password),
      },
      inventory: (organizationId) => directoryInventory(d, organizationId),
      probe: () => probe(conn),
      close: () => conn.close(),
    }),
  );
}

async function probe(conn: LdapConnection): Promise<ProbeResult> {
  try {
    await conn.run('probe', (c) => c.search(conn.settings.baseDn, { scope: 'base', attributes: ['1.1'] }));
    return { ok: true, detail: conn.settings.url };
  } catch (e) {
    return { ok: false, detail: `${conn.settings.url}: ${String((e as Error).message).slice(0, 160)}` };
  }
}
