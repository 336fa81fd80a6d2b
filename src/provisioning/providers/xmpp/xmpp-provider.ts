import { withCrashPoints } from '../crash-point';
import { defineProvider, type NamespaceImplementation } from '../define-provider';
import { LdapConnection, type LdapSettings } from '../ldap/ldap-connection';
import type { Provider } from '../provider';
import { EjabberdApi, type EjabberdApiSettings } from './ejabberd-api';
import { xmppInventory } from './xmpp-inventory';
import {
  type XmppDeps,
  createSipDomain,
  deleteSipDomain,
  disableUser,
  enableUser,
  getSipUser,
  rollbackCreateSipDomain,
  rollbackDeleteSipDomain,
  rollbackDisableUser,
  rollbackEnableUser,
} from './xmpp-procedures';

/** The `xmpp` provider: the Communications namespace on ejabberd, users from the directory. */

export interface XmppSettings {
  ldap: LdapSettings;
  api: EjabberdApiSettings;
  /** The file of tenant vhosts that ejabberd's configuration includes (written by this driver). */
  hostsFile: string;
  retentionMs: number;
}

export function createXmppProvider(s: XmppSettings): Provider {
  const conn = new LdapConnection(s.ldap);
  const api = new EjabberdApi(s.api);
  const d: XmppDeps = { conn, api, vhosts: { hostsFile: s.hostsFile }, retentionMs: s.retentionMs };
  const communications: NamespaceImplementation<'Communications'> = {
    CreateSipDomain: { execute: (i, ctx) => createSipDomain(d, i, ctx), rollback: (i, _r, ctx) => rollbackCreateSipDomain(d, i, ctx) },
    DeleteSipDomain: { execute: (i, ctx) => deleteSipDomain(d, i, ctx), rollback: (i, _r, ctx) => rollbackDeleteSipDomain(d, i, ctx) },
    EnableUser: { execute: (i, ctx) => enableUser(d, i, ctx), rollback: (i, _r, ctx) => rollbackEnableUser(d, i, ctx) },
    DisableUser: { execute: (i, ctx) => disableUser(d, i, ctx), rollback: (i, r, ctx) => rollbackDisableUser(d, i, r, ctx) },
    GetSipUser: { execute: (i) => getSipUser(d, i) },
  };
  return withCrashPoints(
    defineProvider({
      name: 'xmpp',
      implementations: { Communications: communications },
      inventory: (organizationId) => xmppInventory(d, organizationId),
      async probe() {
        const [directory, xmpp] = await Promise.all([
          conn
            .run('probe', (c) => c.search(s.ldap.baseDn, { scope: 'base', attributes: ['1.1'] }))
            .then(
              () => true,
              () => false,
            ),
          api.call('status').then(
            () => true,
            () => false,
          ),
        ]);
        const down = [!directory && 'directory', !xmpp && 'ejabberd API'].filter(Boolean);
        return down.length ? { ok: false, detail: `unreachable: ${down.join(', ')} (${s.api.url})` } : { ok: true, detail: s.api.url };
      },
      close: () => conn.close(),
    }),
  );
}
