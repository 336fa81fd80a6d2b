import fs from 'node:fs';
import path from 'node:path';
import { ejabberdConfig, erlCommand } from '../mail/ejabberd-config';
import type { PlatformService } from '../service';
import { letServersThrough, directoryDependency, directoryOf, readerAccess, requireRoot, uidGid } from './mail-common';

export interface EjabberdInfo {
  host: string;
  c2sPort: number;
  apiUrl: string;
  hostsFile: string;
  serverHost: string;
}

export interface EjabberdOptions {
  preferredPorts?: Partial<Record<'c2s' | 'api' | 'dist', number>>;
  serverHost?: string;
}

/**
 * Who may rewrite the tenants file, i.e. who runs Provisio's engines: `PLATFORM_TENANTS_UID` (a
 * container's engines), else the user who ran `sudo npm run platform`, else root.
 */
function tenantsOwner(): { uid: number; gid: number } {
  const uid = Number(process.env.PLATFORM_TENANTS_UID ?? process.env.SUDO_UID);
  const gid = Number(process.env.PLATFORM_TENANTS_UID ?? process.env.SUDO_GID);
  return Number.isInteger(uid) && uid > 0 && Number.isInteger(gid) ? { uid, gid } : { uid: 0, gid: 0 };
}

/**
 * ejabberd from the Debian package, a node of its own (`ejabberdctl … foreground`, run as the
 * ejabberd user): XMPP client connections and the admin HTTP API on loopback ports, users from
 * the directory. Tenant vhosts come from `tenants/hosts.yml`, which the Communications driver
 * rewrites (the folder belongs to whoever runs Provisio's engines: here root, or the user behind
 * sudo) before it asks ejabberd to reload.
 */
export function ejabberdService(opts: EjabberdOptions = {}): PlatformService<EjabberdInfo> {
  const pref = { c2s: 10222, api: 10280, dist: 10299, ...opts.preferredPorts };
  const serverHost = opts.serverHost ?? 'xmpp.provisio.test';
  return {
    name: 'ejabberd',
    dependsOn: directoryDependency(),
    requires: [{ path: '/usr/sbin/ejabberdctl', package: 'ejabberd' }],
    async prepare(ctx) {
      requireRoot('ejabberd');
      const ports = {
        c2s: await ctx.port('c2s', { preferred: pref.c2s }),
        api: await ctx.port('api', { preferred: pref.api }),
        dist: await ctx.port('dist', { preferred: pref.dist }),
      };
      const ej = uidGid('ejabberd');
      // Its own folder (PLATFORM_XMPP_TENANTS_DIR: a volume the engines' containers mount too).
      const tenantsDir = process.env.PLATFORM_XMPP_TENANTS_DIR ?? path.join(ctx.dir, 'tenants');
      const hostsFile = path.join(tenantsDir, 'hosts.yml');
      fs.mkdirSync(tenantsDir, { recursive: true, mode: 0o755 });
      const owner = tenantsOwner();
      fs.chownSync(tenantsDir, owner.uid, owner.gid);
      if (!fs.existsSync(hostsFile)) {
        fs.writeFileSync(hostsFile, '# Tenant vhosts, rewritten by the Communications driver.\n{}\n', { mode: 0o644 });
        fs.chownSync(hostsFile, owner.uid, owner.gid);
      }
      for (const sub of ['spool', 'log']) {
        fs.mkdirSync(path.join(ctx.dir, sub), { recursive: true, mode: 0o700 });
        fs.chownSync(path.join(ctx.dir, sub), ej.uid, ej.gid);
      }
      const configFile = path.join(ctx.dir, 'ejabberd.yml');
      const input = { dir: ctx.dir, host: ctx.host, ports, serverHost, hostsFile, directory: readerAccess(directoryOf(ctx)) };
      fs.writeFileSync(configFile, ejabberdConfig(input), { mode: 0o600 });
      fs.chownSync(configFile, ej.uid, ej.gid);
      letServersThrough(ctx.rootDir, ctx.dir);
      const apiUrl = `http://${ctx.host}:${ports.api}/api`;
      const info: EjabberdInfo = { host: ctx.host, c2sPort: ports.c2s, apiUrl, hostsFile, serverHost };
      const spool = path.join(ctx.dir, 'spool');
      return {
        // What `ejabberdctl foreground` runs, without its su: setpriv and env exec, so the
        // launcher's SIGTERM reaches the Erlang VM itself (which then stops ejabberd cleanly).
        command: '/usr/bin/env',
        args: erlCommand({ configFile, spool, logDir: path.join(ctx.dir, 'log'), distPort: ports.dist }),
        async ready() {
          const r = await fetch(`${apiUrl}/status`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(1000) });
          if (!r.ok) throw new Error(`ejabberd API answered ${r.status}`);
        },
        info,
        env: { PROVIDER_COMMUNICATIONS: 'xmpp', XMPP_API_URL: apiUrl, XMPP_HOSTS_FILE: hostsFile },
        hints: [
          `curl -s -X POST ${apiUrl}/registered_vhosts -d '{}'     # tenant vhosts`,
          `curl -s -X POST ${apiUrl}/connected_users_info -d '{}'`,
          `tail ${path.join(ctx.dir, 'log', 'ejabberd.log')}`,
        ],
        stopTimeoutMs: 20_000,
      };
    },
  };
}
