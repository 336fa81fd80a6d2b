import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { slapdLayout } from '../ldap/slapd-config';
import type { DirectoryAccess } from '../mail/postfix-config';
import type { PlatformContext } from '../service';
import type { SlapdInfo } from './slapd';

/** What the mail and XMPP services share: root, system users, folders other users can reach. */

/** Postfix's master and Dovecot must start as root (they drop privileges per process). */
export function requireRoot(service: string): void {
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${service} must be started as root (it switches to its own system users); run npm run platform with sudo, or PLATFORM_SERVICES=slapd,powerdns to leave the mail and XMPP servers out`,
    );
  }
}

/** A system user with no login and no home, created once (Dovecot stores mail as it). */
export function ensureSystemUser(name: string): void {
  try {
    execFileSync('/usr/bin/id', ['-u', name], { stdio: 'pipe' });
  } catch {
    execFileSync('/usr/sbin/useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name], { stdio: 'pipe' });
  }
}

export function uidGid(user: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('/usr/bin/id', ['-u', user], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('/usr/bin/id', ['-g', user], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * The platform folder and a service folder are 0700 (secrets live there); the servers' own users
 * (postfix, dovecot's, ejabberd) must pass through them to reach their files, never list them.
 */
export function letServersThrough(rootDir: string, serviceDir: string): void {
  // The platform folder's parent is the data folder (.provisio, 0700 too): passable, not listable.
  const dataDir = path.dirname(rootDir);
  for (const d of [dataDir, rootDir, serviceDir]) fs.chmodSync(d, fs.statSync(d).mode | 0o111);
  for (let d = path.dirname(dataDir); ; d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `${d} is not passable by other users, so the mail and XMPP servers cannot reach ${rootDir}; choose PLATFORM_DIR elsewhere or chmod o+x ${d}`,
      );
    }
    if (d === path.dirname(d)) break;
  }
}

/** The directory as the servers read it: the read-only account, tenants under ou=Hosting. */
export function readerAccess(s: SlapdInfo): DirectoryAccess & { host: string; port: number } {
  return {
    url: s.url,
    host: s.host,
    port: s.port,
    searchBase: s.hostingDn,
    bindDn: s.readerDn,
    bindPassword: fs.readFileSync(s.readerPasswordFile, 'utf8').trim(),
  };
}

/** Resolves when the server at host:port greets with a line starting with `prefix` (220, * OK). */
export function greets(host: string, port: number, prefix: string, timeoutMs = 1500): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port });
    let buf = '';
    const done = (e?: Error) => {
      clearTimeout(timer);
      sock.destroy();
      if (e) reject(e);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`${host}:${port} sent no greeting within ${timeoutMs} ms`)), timeoutMs);
    sock.setEncoding('utf8');
    sock.on('data', (d: string) => {
      buf += d;
      if (!buf.includes('\n')) return;
      if (buf.startsWith(prefix)) done();
      else done(new Error(`${host}:${port} greeted with ${JSON.stringify(buf.trim().slice(0, 80))}`));
    });
    sock.once('error', (e) => done(e));
  });
}

/**
 * The directory the mail and IM servers read: the slapd this launcher started, or, in a container
 * of their own (docker/compose.yaml), the one at `PLATFORM_LDAP_URL` (base `PLATFORM_LDAP_BASE_DN`)
 * whose secrets are in the shared platform folder.
 */
export const EXTERNAL_DIRECTORY = Boolean(process.env.PLATFORM_LDAP_URL);

/** `dependsOn` of a service that reads the directory. */
export function directoryDependency(): string[] {
  return EXTERNAL_DIRECTORY ? [] : ['slapd'];
}

export function directoryOf(ctx: PlatformContext): SlapdInfo {
  const started = ctx.started.slapd as SlapdInfo | undefined;
  if (started) return started;
  const url = process.env.PLATFORM_LDAP_URL;
  if (!url) throw new Error('the mail and XMPP servers read the directory: start slapd with them, or set PLATFORM_LDAP_URL');
  const m = /^ldap:\/\/([^/:]+):(\d+)\/?$/.exec(url);
  if (!m) throw new Error(`PLATFORM_LDAP_URL=${JSON.stringify(url)}: must be ldap://host:port`);
  const l = slapdLayout(process.env.PLATFORM_LDAP_BASE_DN ?? 'dc=provisio,dc=test');
  const secret = (name: string) => {
    const file = path.join(ctx.rootDir, 'secrets', name);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: the directory's launcher writes it (start it first, on the same platform folder)`);
    return file;
  };
  return {
    url,
    host: m[1],
    port: Number(m[2]),
    baseDn: l.baseDn,
    hostingDn: l.hostingDn,
    deletedDn: l.deletedDn,
    managerDn: l.managerDn,
    managerPasswordFile: secret('ldap-manager.password'),
    readerDn: l.readerDn,
    readerPasswordFile: secret('ldap-reader.password'),
  };
}
