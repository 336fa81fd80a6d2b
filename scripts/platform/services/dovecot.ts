import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dovecotConf, dovecotLdapConf } from '../mail/dovecot-config';
import type { PlatformContext, PlatformService } from '../service';
import { ensureSystemUser, greets, letServersThrough, directoryDependency, directoryOf, readerAccess, requireRoot, uidGid } from './mail-common';
import type { SlapdInfo } from './slapd';

export interface DovecotInfo {
  host: string;
  imapPort: number;
  lmtpPort: number;
  quotaPolicyPort: number;
  doveadmUrl: string;
  doveadmApiKeyFile: string;
  mailRoot: string;
}

export interface DovecotOptions {
  preferredPorts?: Partial<Record<'imap' | 'lmtp' | 'quotaPolicy' | 'doveadm', number>>;
}

const MAIL_USER = 'vmail';

/**
 * Mail stores whose directory entry is gone for good (deleted and purged from the recycle bin):
 * removed at every start, before Dovecot runs. A store is named after its user's entryUUID, which an entry keeps in
 * the recycle bin, so a mailbox a rollback may still restore is never purged.
 */
export function purgeOrphanedMail(mailRoot: string, slapd: SlapdInfo, log: (l: string) => void): void {
  const stores = fs.readdirSync(mailRoot).filter((d) => /^[0-9a-f-]{36}$/.test(d));
  if (!stores.length) return;
  const out = execFileSync(
    '/usr/bin/ldapsearch',
    [
      '-x',
      '-LLL',
      '-o',
      'ldif-wrap=no',
      '-H',
      slapd.url,
      '-D',
      slapd.managerDn,
      '-y',
      slapd.managerPasswordFile,
      '-b',
      slapd.baseDn,
      '(objectClass=provisioAccount)',
      'entryUUID',
    ],
    {
      encoding: 'utf8',
    },
  );
  const alive = new Set([...out.matchAll(/^entryUUID: (\S+)$/gm)].map((m) => m[1].toLowerCase()));
  for (const store of stores.filter((s) => !alive.has(s))) {
    fs.rmSync(path.join(mailRoot, store), { recursive: true, force: true });
    log(`purged the mail of a deleted user (${store})`);
  }
}

/** The mail store, owned by the mail user, without the stores of entries purged for good. */
function prepareMailRoot(ctx: PlatformContext): string {
  const mailRoot = path.join(ctx.dir, 'mail');
  fs.mkdirSync(mailRoot, { recursive: true, mode: 0o700 });
  const { uid, gid } = uidGid(MAIL_USER);
  fs.chownSync(mailRoot, uid, gid);
  purgeOrphanedMail(mailRoot, directoryOf(ctx), ctx.log);
  letServersThrough(ctx.rootDir, ctx.dir);
  return mailRoot;
}

/**
 * Dovecot from the Debian packages: IMAP (users log in with their directory password), LMTP
 * (Postfix delivers through it), the quota of each mailbox from the directory with a policy
 * service Postfix asks before accepting a message, and the doveadm HTTP API. Mail is stored as
 * the system user `vmail` (created on first start) under `<dir>/mail/<entryUUID>`.
 */
export function dovecotService(opts: DovecotOptions = {}): PlatformService<DovecotInfo> {
  const pref = { imap: 10143, lmtp: 10124, quotaPolicy: 10125, doveadm: 10126, ...opts.preferredPorts };
  return {
    name: 'dovecot',
    dependsOn: directoryDependency(),
    requires: [
      { path: '/usr/sbin/dovecot', package: 'dovecot-core' },
      { path: '/usr/lib/dovecot/imap', package: 'dovecot-imapd' },
      { path: '/usr/lib/dovecot/lmtp', package: 'dovecot-lmtpd' },
      { path: '/usr/lib/dovecot/modules/auth/libauthdb_ldap.so', package: 'dovecot-ldap' },
    ],
    async prepare(ctx) {
      requireRoot('Dovecot');
      ensureSystemUser(MAIL_USER);
      const ports = {
        imap: await ctx.port('imap', { preferred: pref.imap }),
        lmtp: await ctx.port('lmtp', { preferred: pref.lmtp }),
        quotaPolicy: await ctx.port('quota-policy', { preferred: pref.quotaPolicy }),
        doveadm: await ctx.port('doveadm', { preferred: pref.doveadm }),
      };
      const key = ctx.secret('doveadm-api.key');
      const mailRoot = prepareMailRoot(ctx);
      const input = {
        dir: ctx.dir,
        host: ctx.host,
        ports,
        mailRoot,
        mailUser: MAIL_USER,
        directory: readerAccess(directoryOf(ctx)),
        doveadmApiKey: key.value,
        postmaster: 'postmaster@provisio.test',
      };
      fs.writeFileSync(path.join(ctx.dir, 'dovecot-ldap.conf.ext'), dovecotLdapConf(input), { mode: 0o600 });
      const conf = path.join(ctx.dir, 'dovecot.conf');
      fs.writeFileSync(conf, dovecotConf(input), { mode: 0o600 });
      const info: DovecotInfo = {
        host: ctx.host,
        imapPort: ports.imap,
        lmtpPort: ports.lmtp,
        quotaPolicyPort: ports.quotaPolicy,
        doveadmUrl: `http://${ctx.host}:${ports.doveadm}/doveadm/v1`,
        doveadmApiKeyFile: key.file,
        mailRoot,
      };
      return {
        command: '/usr/sbin/dovecot',
        args: ['-F', '-c', conf],
        ready: () => greets(ctx.host, ports.imap, '* OK'),
        info,
        env: { MAIL_IMAP_URL: `imap://${ctx.host}:${ports.imap}` },
        hints: [
          `doveadm -c ${conf} auth test <user@domain> <password>     # a login as IMAP sees it`,
          `doveadm -c ${conf} quota get -u <user@domain>`,
          `tail ${path.join(ctx.dir, 'dovecot.log')}`,
        ],
      };
    },
  };
}
