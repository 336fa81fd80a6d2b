import * as path from 'node:path';

/**
 * Where every part of the reference topology listens and keeps its files. All on 127.0.0.1,
 * on ports counted from one base (default 15400), so two topologies (a developer's
 * `npm run topology` and a chaos run) can live side by side with different bases.
 */
export interface TopologyLayout {
  dir: string;
  portBase: number;
  /** HAProxy: the one HTTP endpoint clients use (balanced over the API processes). */
  apiPort: number;
  /** HAProxy: PostgreSQL, always the current primary (Patroni's REST check). */
  databasePort: number;
  /** HAProxy statistics page. */
  statsPort: number;
  apiPorts: number[];
  etcd: { name: string; clientPort: number; peerPort: number; dataDir: string }[];
  postgres: { name: string; port: number; restPort: number; dir: string; dataDir: string; configFile: string }[];
  haproxyConfig: string;
  /** Problem+json answer HAProxy gives when no API process can (errorfile). */
  haproxyErrorFile: string;
  logDir: string;
  /** DATA_DIR of the Provisio processes (bootstrap token). */
  provisioDataDir: string;
  secretsFile: string;
  pidsFile: string;
}

export const DEFAULT_PORT_BASE = 15400;
/** Ports the layout uses above the base (see `topologyLayout`). */
export const PORT_SPAN = 60;

export const ETCD_MEMBERS = 3;
export const POSTGRES_NODES = 2;

export function topologyLayout(dir: string, portBase = DEFAULT_PORT_BASE, apis = 2): TopologyLayout {
  const abs = path.resolve(dir);
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  return {
    dir: abs,
    portBase,
    apiPort: portBase,
    databasePort: portBase + 1,
    statsPort: portBase + 2,
    apiPorts: range(apis).map((i) => portBase + 10 + i),
    etcd: range(ETCD_MEMBERS).map((i) => ({
      name: `etcd${i + 1}`,
      clientPort: portBase + 40 + i,
      peerPort: portBase + 50 + i,
      dataDir: path.join(abs, `etcd${i + 1}`),
    })),
    postgres: range(POSTGRES_NODES).map((i) => ({
      name: `pg${i + 1}`,
      port: portBase + 20 + i,
      restPort: portBase + 30 + i,
      dir: path.join(abs, `pg${i + 1}`),
      dataDir: path.join(abs, `pg${i + 1}`, 'data'),
      configFile: path.join(abs, `pg${i + 1}`, 'patroni.yml'),
    })),
    haproxyConfig: path.join(abs, 'haproxy', 'haproxy.cfg'),
    haproxyErrorFile: path.join(abs, 'haproxy', 'unavailable.http'),
    logDir: path.join(abs, 'logs'),
    provisioDataDir: path.join(abs, 'provisio'),
    secretsFile: path.join(abs, 'secrets.json'),
    pidsFile: path.join(abs, 'pids.json'),
  };
}

/** Every port the layout binds (checked free before anything starts). */
export function layoutPorts(l: TopologyLayout): number[] {
  return [
    l.apiPort,
    l.databasePort,
    l.statsPort,
    ...l.apiPorts,
    ...l.etcd.flatMap((e) => [e.clientPort, e.peerPort]),
    ...l.postgres.flatMap((p) => [p.port, p.restPort]),
  ];
}
