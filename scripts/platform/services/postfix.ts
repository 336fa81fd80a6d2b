import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { postfixLdapTables, postfixMainCf, postfixMasterCf } from '../mail/postfix-config';
import type { PlatformService } from '../service';
import type { DovecotInfo } from './dovecot';
import { greets, letServersThrough, directoryDependency, directoryOf, readerAccess, requireRoot, uidGid } from './mail-common';

export interface PostfixInfo {
  host: string;
  smtpPort: number;
  smtpUrl: string;
  hostname: string;
}

export interface PostfixOptions {
  preferredPort?: number;
  hostname?: string;
}

/**
 * Postfix from the Debian packages, an instance of its own (`master -c <dir>/conf`):
 * SMTP on a loopback port, accepted domains, mailboxes, aliases and lists read from the directory,
 * delivery to Dovecot over LMTP, nothing relayed anywhere else.
 */
export function postfixService(opts: PostfixOptions = {}): PlatformService<PostfixInfo> {
  return {
    name: 'postfix',
    dependsOn: [...directoryDependency(), 'dovecot'],
    requires: [
      { path: '/usr/sbin/postfix', package: 'postfix' },
      { path: '/usr/lib/postfix/postfix-ldap.so', package: 'postfix-ldap' },
    ],
    async prepare(ctx) {
      requireRoot('Postfix');
      const smtpPort = await ctx.port('smtp', { preferred: opts.preferredPort ?? 10025 });
      const dovecot = ctx.started.dovecot as DovecotInfo;
      const hostname = opts.hostname ?? 'mail.provisio.test';
      const input = {
        dir: ctx.dir,
        host: ctx.host,
        smtpPort,
        lmtp: { host: dovecot.host, port: dovecot.lmtpPort },
        quotaPolicy: { host: dovecot.host, port: dovecot.quotaPolicyPort },
        directory: readerAccess(directoryOf(ctx)),
        hostname,
      };
      const conf = path.join(ctx.dir, 'conf');
      const { uid, gid } = uidGid('postfix');
      fs.mkdirSync(conf, { recursive: true, mode: 0o755 });
      fs.writeFileSync(path.join(conf, 'main.cf'), postfixMainCf(input), { mode: 0o644 });
      fs.writeFileSync(path.join(conf, 'master.cf'), postfixMasterCf(input), { mode: 0o644 });
      // The tables hold the reader's password: root and the postfix group only.
      for (const [name, text] of Object.entries(postfixLdapTables(input.directory))) {
        const file = path.join(conf, name);
        fs.writeFileSync(file, text, { mode: 0o640 });
        fs.chmodSync(file, 0o640);
        fs.chownSync(file, 0, gid);
      }
      fs.mkdirSync(path.join(ctx.dir, 'queue'), { recursive: true, mode: 0o755 });
      const data = path.join(ctx.dir, 'data');
      fs.mkdirSync(data, { recursive: true, mode: 0o700 });
      fs.chownSync(data, uid, gid);
      letServersThrough(ctx.rootDir, ctx.dir);
      // What `postfix start` checks first: creates the queue folders, fixes their ownership.
      execFileSync('/usr/sbin/postfix', ['-c', conf, 'check'], { stdio: 'pipe' });
      return {
        // The master itself, in the foreground (`postfix start-fg` would keep it as the child of a
        // shell, out of reach of the launcher's SIGTERM); it stops its daemons when it stops.
        command: '/usr/lib/postfix/sbin/master',
        args: ['-s', '-c', conf],
        ready: () => greets(ctx.host, smtpPort, '220'),
        info: { host: ctx.host, smtpPort, smtpUrl: `smtp://${ctx.host}:${smtpPort}`, hostname },
        env: { PROVIDER_EXCHANGE: 'mail', MAIL_SMTP_URL: `smtp://${ctx.host}:${smtpPort}` },
        hints: [
          `swaks --server ${ctx.host}:${smtpPort} --to <user@domain>     # send a message`,
          `postmap -c ${conf} -q <user@domain> ldap:${conf}/ldap-mailboxes.cf     # what Postfix reads`,
          `tail ${path.join(ctx.dir, 'maillog')}`,
        ],
      };
    },
  };
}
