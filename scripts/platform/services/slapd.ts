import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tcpConnects } from '../ports';
import type { PlatformService } from '../service';
import { baseLdif, configLdif, schemaFiles, slapdLayout } from '../ldap/slapd-config';

/** What the slapd service publishes to dependents (Postfix, Dovecot, XMPP) and tests. */
export interface SlapdInfo {
  url: string;
  host: string;
  port: number;
  baseDn: string;
  hostingDn: string;
  deletedDn: string;
  managerDn: string;
  managerPasswordFile: string;
  /** Read-only account for the servers that read the directory. */
  readerDn: string;
  readerPasswordFile: string;
}

export interface SlapdOptions {
  baseDn?: string;
  preferredPort?: number;
}

/**
 * OpenLDAP's slapd from the Debian package, with a cn=config of ours (regenerated on every start
 * from code, so it never drifts) and an mdb database kept across restarts (created with the base
 * entries on first start). Foreground (`-d 0`), loopback, one port.
 */
export function slapdService(opts: SlapdOptions = {}): PlatformService<SlapdInfo> {
  const baseDn = opts.baseDn ?? 'dc=provisio,dc=test';
  return {
    name: 'slapd',
    requires: [
      { path: '/usr/sbin/slapd', package: 'slapd' },
      { path: '/usr/lib/ldap/back_mdb.so', package: 'slapd' },
      { path: '/etc/ldap/schema/inetorgperson.ldif', package: 'slapd' },
      { path: '/usr/bin/ldapsearch', package: 'ldap-utils' },
    ],
    async prepare(ctx) {
      const layout = slapdLayout(baseDn);
      const port = await ctx.port('ldap', { preferred: opts.preferredPort ?? 10389 });
      const manager = ctx.secret('ldap-manager.password');
      const reader = ctx.secret('ldap-reader.password');
      const configDir = writeDirectory(ctx.dir, baseDn, manager.value, reader.value, ctx.log);
      const url = `ldap://${ctx.host}:${port}`;
      const info: SlapdInfo = {
        url,
        host: ctx.host,
        port,
        baseDn,
        hostingDn: layout.hostingDn,
        deletedDn: layout.deletedDn,
        managerDn: layout.managerDn,
        managerPasswordFile: manager.file,
        readerDn: layout.readerDn,
        readerPasswordFile: reader.file,
      };
      return {
        command: '/usr/sbin/slapd',
        args: ['-d', process.env.PLATFORM_SLAPD_DEBUG ?? '0', '-h', `ldap://${ctx.host}:${port}/`, '-F', configDir],
        ready: () => tcpConnects(ctx.host, port),
        info,
        env: {
          PROVIDER_DIRECTORY: 'ldap',
          LDAP_URL: url,
          LDAP_BIND_DN: layout.managerDn,
          LDAP_BIND_PASSWORD_FILE: manager.file,
          LDAP_BASE_DN: baseDn,
        },
        hints: [`ldapsearch -x -H ${url} -D ${layout.managerDn} -y ${manager.file} -b ${layout.hostingDn} -LLL`],
      };
    },
  };
}

/**
 * cn=config regenerated from code on every start; the mdb database created with its base entries
 * on the first start only (a restart keeps the tenants). Returns the config folder.
 */
function writeDirectory(dir: string, baseDn: string, managerPassword: string, readerPassword: string, log: (l: string) => void): string {
  const layout = slapdLayout(baseDn);
  const configDir = path.join(dir, 'slapd.d');
  const dataDir = path.join(dir, 'data');
  const configFile = path.join(dir, 'config.ldif');
  fs.writeFileSync(configFile, configLdif({ layout, dataDir, runDir: dir, managerPassword, schemaFiles: schemaFiles() }), { mode: 0o600 });
  const fresh = !fs.existsSync(path.join(dataDir, 'data.mdb'));
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.rmSync(configDir, { recursive: true, force: true });
  fs.mkdirSync(configDir, { mode: 0o700 });
  execFileSync('/usr/sbin/slapadd', ['-n0', '-F', configDir, '-l', configFile], { stdio: 'pipe' });
  if (fresh) {
    const baseFile = path.join(dir, 'base.ldif');
    fs.writeFileSync(baseFile, baseLdif(layout, readerPassword), { mode: 0o600 });
    execFileSync('/usr/sbin/slapadd', ['-F', configDir, '-b', baseDn, '-l', baseFile], { stdio: 'pipe' });
    fs.rmSync(baseFile);
    log(`new directory ${baseDn} in ${dataDir}`);
  }
  return configDir;
}
