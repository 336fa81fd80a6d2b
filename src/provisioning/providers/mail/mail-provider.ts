import net from 'node:net';
import { withCrashPoints } from '../crash-point';
import { defineProvider, type NamespaceImplementation } from '../define-provider';
import { LdapConnection, type LdapSettings } from '../ldap/ldap-connection';
import type { Provider } from '../provider';
import { mailInventory } from './mail-inventory';
import {
  createMailbox,
  deleteMailbox,
  getMailbox,
  rollbackCreateMailbox,
  rollbackDeleteMailbox,
  rollbackSetMailboxQuota,
  setMailboxQuota,
} from './mail-mailboxes';
import {
  type MailDeps,
  addAcceptedDomain,
  disableOrganization,
  enableOrganization,
  removeAcceptedDomain,
  rollbackAddAcceptedDomain,
  rollbackDisableOrganization,
  rollbackEnableOrganization,
  rollbackRemoveAcceptedDomain,
} from './mail-organization';

/**
 * The `mail` provider: the Exchange namespace on Postfix + Dovecot. Both servers read accepted
 * domains, mailboxes, quotas and lists from the directory as they handle each message or login
 * (scripts/platform/mail/directory-queries.ts), so this driver only writes the directory; the
 * servers themselves are probed for /health/ready.
 */

export interface MailSettings {
  ldap: LdapSettings;
  /** SMTP and IMAP endpoints of the platform, probed for readiness. */
  smtp: { host: string; port: number };
  imap: { host: string; port: number };
  retentionMs: number;
  allUsersList: string;
}

/** Resolves true when host:port greets with `prefix` within the timeout; never throws. */
export function greets(host: string, port: number, prefix: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port });
    let buf = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    sock.setEncoding('utf8');
    sock.on('data', (d: string) => {
      buf += d;
      if (buf.includes('\n')) done(buf.startsWith(prefix));
    });
    sock.once('error', () => done(false));
  });
}

export function createMailProvider(s: MailSettings): Provider {
  const conn = new LdapConnection(s.ldap);
  const d: MailDeps = { conn, retentionMs: s.retentionMs, allUsersList: s.allUsersList };
  const exchange: NamespaceImplementation<'Exchange'> = {
    EnableOrganization: { execute: (i, ctx) => enableOrganization(d, i, ctx), rollback: (i, _r, ctx) => rollbackEnableOrganization(d, i, ctx) },
    DisableOrganization: { execute: (i, ctx) => disableOrganization(d, i, ctx), rollback: (i, _r, ctx) => rollbackDisableOrganization(d, i, ctx) },
    AddAcceptedDomain: { execute: (i, ctx) => addAcceptedDomain(d, i, ctx), rollback: (i, _r, ctx) => rollbackAddAcceptedDomain(d, i, ctx) },
    RemoveAcceptedDomain: { execute: (i, ctx) => removeAcceptedDomain(d, i, ctx), rollback: (i, _r, ctx) => rollbackRemoveAcceptedDomain(d, i, ctx) },
    CreateMailbox: { execute: (i, ctx) => createMailbox(d, i, ctx), rollback: (i, _r, ctx) => rollbackCreateMailbox(d, i, ctx) },
    DeleteMailbox: { execute: (i, ctx) => deleteMailbox(d, i, ctx), rollback: (i, r, ctx) => rollbackDeleteMailbox(d, i, r, ctx) },
    SetMailboxQuota: { execute: (i, ctx) => setMailboxQuota(d, i, ctx), rollback: (i, r, ctx) => rollbackSetMailboxQuota(d, i, r, ctx) },
    GetMailbox: { execute: (i) => getMailbox(d, i) },
  };
  return withCrashPoints(
    defineProvider({
      name: 'mail',
      implementations: { Exchange: exchange },
      inventory: (organizationId) => mailInventory(d, organizationId),
      async probe() {
        const t = s.ldap.timeoutMs;
        const [directory, smtp, imap] = await Promise.all([
          conn
            .run('probe', (c) => c.search(s.ldap.baseDn, { scope: 'base', attributes: ['1.1'] }))
            .then(
              () => true,
              () => false,
            ),
          greets(s.smtp.host, s.smtp.port, '220', t),
          greets(s.imap.host, s.imap.port, '* OK', t),
        ]);
        const down = [!directory && 'directory', !smtp && 'SMTP', !imap && 'IMAP'].filter(Boolean);
        const where = `smtp://${s.smtp.host}:${s.smtp.port}, imap://${s.imap.host}:${s.imap.port}`;
        return down.length ? { ok: false, detail: `unreachable: ${down.join(', ')} (${where})` } : { ok: true, detail: where };
      },
      close: () => conn.close(),
    }),
  );
}
