import { ERROR_CODES, problemType } from '../../src/common/errors/problem';
import type { TopologyLayout } from './layout';

/** Passwords of the database roles, generated once per topology directory. */
export interface TopologySecrets {
  superuser: string;
  replication: string;
  rewind: string;
  app: string;
  /** Ed25519 private key (PKCS#8 PEM) every Provisio process signs audit checkpoints with. */
  auditSigningKey: string;
}

export const PATRONI_SCOPE = 'provisio';
export const APP_ROLE = 'provisio';
export const APP_DATABASE = 'provisio';

/**
 * Patroni's timing. A crash of the primary's PostgreSQL (Patroni alive) fails over at the next
 * HA loop (`primary_start_timeout: 0`: promote the synchronous standby rather than restart the
 * crashed primary); a dead primary node (Patroni gone too) fails over when its leader key expires
 * (`ttl`). Patroni requires loop_wait + 2 × retry_timeout ≤ ttl.
 */
export const PATRONI_TIMING = { ttl: 10, loop_wait: 1, retry_timeout: 4, primary_start_timeout: 0 };

/**
 * Synchronous replication, not strict (README "Deploying for fault tolerance"): a commit returns
 * only once the synchronous standby has flushed it, and Patroni never promotes a node that was not
 * the synchronous standby, so no failover loses an acknowledged commit. When the standby is gone
 * the primary keeps accepting writes alone (strict mode would stop every write after each
 * failover of a two-node cluster until the old primary rejoins).
 */
export const REPLICATION = { synchronous_mode: true, synchronous_mode_strict: false, synchronous_node_count: 1 };

/** Server settings every node gets (Patroni keeps them in the DCS, so both nodes agree). */
export const POSTGRES_PARAMETERS: Record<string, string | number> = {
  max_connections: 300,
  shared_buffers: '128MB',
  wal_level: 'replica',
  hot_standby: 'on',
  wal_log_hints: 'on',
  max_wal_senders: 10,
  max_replication_slots: 10,
  wal_keep_size: '256MB',
  synchronous_commit: 'on',
  // A standby or primary that stops answering is noticed in seconds, not the default minute:
  // until then a synchronous commit would wait for it.
  wal_sender_timeout: '5s',
  wal_receiver_timeout: '5s',
  password_encryption: 'scram-sha-256',
  log_min_messages: 'warning',
  log_line_prefix: '%m [%p] %q%u@%d ',
};

/**
 * Where the parts reach each other: loopback ports for `npm run topology`, service names and
 * standard ports for docker/compose.ha.yaml. The configurations are otherwise the same text.
 */
export interface HaAddressing {
  /** Address HAProxy binds its ports to. */
  bindHost: string;
  apiPort: number;
  databasePort: number;
  statsPort: number;
  etcd: { name: string; host: string; clientPort: number; peerPort: number }[];
  postgres: { name: string; host: string; port: number; restPort: number }[];
  apis: { name: string; host: string; port: number }[];
  errorFile: string;
  /** Clients allowed by pg_hba (the loopback address, or the compose network). */
  clientNetwork: string;
  /** Resolve server names through Docker's DNS at run time (containers come and go). */
  dockerDns?: boolean;
}

export function localAddressing(l: TopologyLayout): HaAddressing {
  return {
    bindHost: '127.0.0.1',
    apiPort: l.apiPort,
    databasePort: l.databasePort,
    statsPort: l.statsPort,
    etcd: l.etcd.map((e) => ({ name: e.name, host: '127.0.0.1', clientPort: e.clientPort, peerPort: e.peerPort })),
    postgres: l.postgres.map((p) => ({ name: p.name, host: '127.0.0.1', port: p.port, restPort: p.restPort })),
    apis: l.apiPorts.map((port, i) => ({ name: `api${i + 1}`, host: '127.0.0.1', port })),
    errorFile: l.haproxyErrorFile,
    clientNetwork: '127.0.0.1/32',
  };
}

/** docker/compose.ha.yaml: the same parts as services on one network, standard ports. */
export function dockerAddressing(): HaAddressing {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  return {
    bindHost: '0.0.0.0',
    apiPort: 3000,
    databasePort: 5000,
    statsPort: 7000,
    etcd: range(3).map((i) => ({ name: `etcd${i}`, host: `etcd${i}`, clientPort: 2379, peerPort: 2380 })),
    postgres: range(2).map((i) => ({ name: `pg${i}`, host: `pg${i}`, port: 5432, restPort: 8008 })),
    apis: range(2).map((i) => ({ name: `api${i}`, host: `api${i}`, port: 3000 })),
    errorFile: '/etc/haproxy/unavailable.http',
    clientNetwork: 'samenet',
    dockerDns: true,
  };
}

/** What all Patroni nodes share: DCS, bootstrap, replication settings (JSON is YAML). */
export function patroniShared(a: HaAddressing, binDir: string): Record<string, unknown> {
  return {
    scope: PATRONI_SCOPE,
    namespace: '/service/',
    etcd3: { hosts: a.etcd.map((e) => `${e.host}:${e.clientPort}`) },
    bootstrap: {
      dcs: {
        ...PATRONI_TIMING,
        ...REPLICATION,
        maximum_lag_on_failover: 1048576,
        postgresql: { use_pg_rewind: true, use_slots: true, parameters: POSTGRES_PARAMETERS },
      },
      initdb: [{ encoding: 'UTF8' }, { locale: 'C.UTF-8' }, 'data-checksums'],
    },
    postgresql: {
      bin_dir: binDir,
      // A failed primary always rejoins as a standby: what it has beyond the new primary was never
      // acknowledged to a client (synchronous replication), so it may be rewound or recloned.
      remove_data_directory_on_rewind_failure: true,
      remove_data_directory_on_diverged_timelines: true,
      pg_hba: ['local all all peer', `host replication replicator ${a.clientNetwork} scram-sha-256`, `host all all ${a.clientNetwork} scram-sha-256`],
    },
    tags: { nofailover: false, noloadbalance: false, clonefrom: false, nosync: false },
  };
}

/** Patroni's configuration of one node of the local topology. */
export function patroniConfig(l: TopologyLayout, index: number, secrets: TopologySecrets, binDir: string): Record<string, unknown> {
  const node = l.postgres[index];
  const shared = patroniShared(localAddressing(l), binDir);
  return {
    ...shared,
    name: node.name,
    restapi: { listen: `127.0.0.1:${node.restPort}`, connect_address: `127.0.0.1:${node.restPort}` },
    postgresql: {
      ...(shared.postgresql as object),
      listen: `127.0.0.1:${node.port}`,
      connect_address: `127.0.0.1:${node.port}`,
      data_dir: node.dataDir,
      pgpass: `${node.dir}/pgpass`,
      authentication: {
        superuser: { username: 'postgres', password: secrets.superuser },
        replication: { username: 'replicator', password: secrets.replication },
        rewind: { username: 'rewind', password: secrets.rewind },
      },
      parameters: { unix_socket_directories: node.dir },
    },
  };
}

/** Arguments of one etcd member of the three-member cluster. */
export function etcdArgs(a: HaAddressing, index: number, dataDir: string, listenHost = '127.0.0.1'): string[] {
  const m = a.etcd[index];
  return [
    `--name=${m.name}`,
    `--data-dir=${dataDir}`,
    `--listen-client-urls=http://${listenHost}:${m.clientPort}`,
    `--advertise-client-urls=http://${m.host}:${m.clientPort}`,
    `--listen-peer-urls=http://${listenHost}:${m.peerPort}`,
    `--initial-advertise-peer-urls=http://${m.host}:${m.peerPort}`,
    `--initial-cluster=${a.etcd.map((e) => `${e.name}=http://${e.host}:${e.peerPort}`).join(',')}`,
    '--initial-cluster-token=provisio-topology',
    '--initial-cluster-state=new',
    '--log-level=warn',
  ];
}

/**
 * HAProxy: the database port goes to whichever node Patroni's REST API calls primary (checked
 * every 500 ms; connections to a node marked down are cut, so nobody keeps writing to a demoted
 * primary); the API port balances the `provisio serve` processes by liveness (a process whose
 * database is failing over still answers its own 503 problem+json with Retry-After).
 */
export function haproxyConfig(a: HaAddressing): string {
  const resolve = a.dockerDns ? ' resolvers docker init-addr last,libc,none' : '';
  const pgServers = a.postgres.map((p) => `  server ${p.name} ${p.host}:${p.port} check port ${p.restPort}`);
  const apiServers = a.apis.map((s) => `  server ${s.name} ${s.host}:${s.port} check`);
  return [
    '# Generated by scripts/topology/configs.ts (npm run topology; docker/ha/ for docker/compose.ha.yaml).',
    'global',
    '  maxconn 4000',
    '  log stderr format iso local0 info',
    '',
    ...(a.dockerDns ? ['resolvers docker', '  nameserver dns 127.0.0.11:53', '  hold valid 1s', ''] : []),
    'defaults',
    '  log global',
    '  timeout connect 2s',
    '  timeout check 1s',
    '  retries 3',
    '',
    'listen postgres_primary',
    '  mode tcp',
    '  option tcplog',
    '  option dontlog-normal',
    `  bind ${a.bindHost}:${a.databasePort}`,
    // Pooled and LISTEN connections may stay idle for long.
    '  timeout client 24h',
    '  timeout server 24h',
    '  option httpchk OPTIONS /primary',
    '  http-check expect status 200',
    `  default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 1 on-marked-down shutdown-sessions${resolve}`,
    ...pgServers,
    '',
    'frontend api',
    '  mode http',
    `  bind ${a.bindHost}:${a.apiPort}`,
    '  option forwardfor',
    // One request per client connection. When a process dies under a request that came on a
    // kept-alive client connection, HAProxy closes that connection without an answer (HTTP lets
    // clients retry then); on a connection's first request it answers 502, which the errorfile
    // turns into 503 + Retry-After. So every client gets an answer, at a TCP handshake each.
    '  option httpclose',
    // Requests that ended abnormally are logged (with HAProxy's termination state).
    '  option httplog',
    '  option dontlog-normal',
    '  timeout client 90s',
    '  default_backend provisio_api',
    '',
    'backend provisio_api',
    '  mode http',
    '  balance leastconn',
    '  option httpchk GET /health/live',
    '  http-check expect status 200',
    // A request that could not reach a process goes to another one; one that reached a process
    // that died answers 503 + Retry-After (the errorfiles): its outcome is unknown, and a retry
    // with the same Idempotency-Key is safe.
    '  option redispatch',
    '  retry-on conn-failure',
    '  timeout connect 1s',
    // Long polls (?wait=) last up to MAX_WAIT_SECONDS (60 s).
    '  timeout server 75s',
    `  errorfile 502 ${a.errorFile}`,
    `  errorfile 503 ${a.errorFile}`,
    `  errorfile 504 ${a.errorFile}`,
    `  default-server inter 1s fastinter 250ms fall 2 rise 1${resolve}`,
    ...apiServers,
    '',
    'listen stats',
    '  mode http',
    '  no log',
    `  bind ${a.bindHost}:${a.statsPort}`,
    '  timeout client 30s',
    '  timeout server 30s',
    '  stats enable',
    '  stats uri /',
    '  stats refresh 2s',
    '',
  ].join('\n');
}

/**
 * The application role and database, created by the superuser through HAProxy (psql, with the
 * password in the psql variable `app_password`); idempotent, so every start may run it.
 */
export function initDatabaseSql(): string {
  return [
    '-- Generated by scripts/topology/configs.ts: the role and database Provisio connects with.',
    `SELECT format('CREATE ROLE ${APP_ROLE} LOGIN PASSWORD %L', :'app_password') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') \\gexec`,
    `SELECT format('ALTER ROLE ${APP_ROLE} LOGIN PASSWORD %L', :'app_password') \\gexec`,
    `SELECT 'CREATE DATABASE ${APP_DATABASE} OWNER ${APP_ROLE}' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${APP_DATABASE}') \\gexec`,
    '',
  ].join('\n');
}

/** The raw HTTP answer HAProxy sends when no API process answered: the API's own 503 problem. */
export function unavailableResponse(): string {
  const body = JSON.stringify({
    type: problemType('SERVICE_UNAVAILABLE'),
    title: ERROR_CODES.SERVICE_UNAVAILABLE.title,
    status: 503,
    detail: 'No API process could answer; try again (with the same Idempotency-Key for an order)',
    code: 'SERVICE_UNAVAILABLE',
  });
  return [
    'HTTP/1.1 503 Service Unavailable',
    'Content-Type: application/problem+json',
    'Retry-After: 1',
    'Cache-Control: no-store',
    'Connection: close',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}
