import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../../src/common/version';
import { portIsFree } from '../../src/database/free-port';
import { NODE_FLAGS } from '../../src/cli/node-flags';
import { clusterState, killPostgres, postmasterPid, stopOrphanPostgres } from './cluster';
import {
  APP_DATABASE,
  APP_ROLE,
  etcdArgs,
  haproxyConfig,
  initDatabaseSql,
  localAddressing,
  patroniConfig,
  type TopologySecrets,
  unavailableResponse,
} from './configs';
import { layoutPorts, type TopologyLayout, topologyLayout } from './layout';
import { findTopologyBinaries, type TopologyBinaries } from './packages';
import { commandLine, isAlive, Service, type ServiceSpec } from './processes';

export interface TopologyOptions {
  /** Where data, configs and logs live (`npm run topology`: .provisio/topology). */
  dir: string;
  portBase?: number;
  apis?: number;
  engines?: number;
  /** Wipe the directory first (a new cluster). */
  fresh?: boolean;
  /** Extra environment of every Provisio process (the chaos run shortens timeouts). */
  provisioEnv?: Record<string, string>;
  log?: (line: string) => void;
  /** Aborts a start in progress (Ctrl-C while it starts): what was started is stopped. */
  signal?: AbortSignal;
}

export interface TopologyEndpoints {
  api: string;
  /** Provisio's DATABASE_URL (through HAProxy, always the primary). */
  databaseUrl: string;
  /** Superuser URL through HAProxy (for checks and the chaos verdict). */
  superuserUrl: string;
  stats: string;
  patroni: string[];
  etcd: string[];
  adminTokenFile: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MAIN_JS = path.join(PROJECT_ROOT, 'dist/src/main.js');

async function waitUntil(what: string, timeoutMs: number, check: () => Promise<boolean>, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (signal?.aborted) throw new Error(`interrupted while waiting for ${what}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(200);
  }
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function loadSecrets(file: string): TopologySecrets {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const pw = () => randomBytes(18).toString('hex');
  const { privateKey } = generateKeyPairSync('ed25519');
  const secrets: TopologySecrets = {
    superuser: pw(),
    replication: pw(),
    rewind: pw(),
    app: pw(),
    auditSigningKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Kills what a previous run that was itself killed left behind (recorded pids, postmasters). */
async function sweepLeftovers(l: TopologyLayout): Promise<void> {
  if (fs.existsSync(l.pidsFile)) {
    const pids: Record<string, { pid: number; cmd: string }> = JSON.parse(fs.readFileSync(l.pidsFile, 'utf8'));
    for (const { pid, cmd } of Object.values(pids)) {
      if (isAlive(pid) && commandLine(pid) === cmd) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
  }
  for (const node of l.postgres) await stopOrphanPostgres(node.dataDir);
}

/**
 * The reference topology on one machine (README "Deploying for fault tolerance"): three etcd
 * members, two PostgreSQL nodes under Patroni with synchronous replication, HAProxy in front of
 * the primary and of the API processes, `apis` × `provisio serve`, `engines` × `provisio engine`.
 */
export class Topology {
  readonly services = new Map<string, Service>();
  private readonly pids: Record<string, { pid: number; cmd: string }> = {};
  private stopped?: Promise<void>;
  adminToken?: string;
  /** The token `seed` printed on this start (first start only). */
  newAdminToken?: string;

  private constructor(
    readonly layout: TopologyLayout,
    readonly bin: TopologyBinaries,
    readonly secrets: TopologySecrets,
    private readonly opts: TopologyOptions,
  ) {}

  static async start(opts: TopologyOptions): Promise<Topology> {
    const bin = findTopologyBinaries();
    const layout = topologyLayout(opts.dir, opts.portBase, opts.apis ?? 2);
    fs.mkdirSync(layout.dir, { recursive: true });
    await sweepLeftovers(layout);
    if (opts.fresh) {
      fs.rmSync(layout.dir, { recursive: true, force: true });
      fs.mkdirSync(layout.dir, { recursive: true });
    }
    const busy = [];
    for (const port of layoutPorts(layout)) if (!(await portIsFree(port))) busy.push(port);
    if (busy.length) throw new Error(`ports already in use: ${busy.join(', ')} (another topology? choose another base with --port-base)`);
    const t = new Topology(layout, bin, loadSecrets(layout.secretsFile), opts);
    try {
      await t.boot();
    } catch (e) {
      await t.stop();
      throw e;
    }
    return t;
  }

  get endpoints(): TopologyEndpoints {
    const l = this.layout;
    return {
      api: `http://127.0.0.1:${l.apiPort}`,
      databaseUrl: `postgres://${APP_ROLE}:${this.secrets.app}@127.0.0.1:${l.databasePort}/${APP_DATABASE}`,
      superuserUrl: `postgres://postgres:${this.secrets.superuser}@127.0.0.1:${l.databasePort}/${APP_DATABASE}`,
      stats: `http://127.0.0.1:${l.statsPort}/`,
      patroni: l.postgres.map((p) => `http://127.0.0.1:${p.restPort}`),
      etcd: l.etcd.map((e) => `http://127.0.0.1:${e.clientPort}`),
      adminTokenFile: path.join(l.provisioDataDir, 'admin-token'),
    };
  }

  private waitUntil(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
    return waitUntil(what, timeoutMs, check, this.opts.signal);
  }

  private log(line: string) {
    this.opts.log?.(line);
  }

  private add(spec: Omit<ServiceSpec, 'logFile'>): Service {
    const service = new Service({ ...spec, logFile: path.join(this.layout.logDir, `${spec.name}.log`) }, (name, pid) => {
      if (pid) this.pids[name] = { pid, cmd: commandLine(pid) || [spec.command, ...spec.args].join(' ') };
      else delete this.pids[name];
      fs.writeFileSync(this.layout.pidsFile, JSON.stringify(this.pids, null, 2));
    });
    this.services.set(spec.name, service);
    service.start();
    return service;
  }

  service(name: string): Service {
    const s = this.services.get(name);
    if (!s) throw new Error(`no service ${name}`);
    return s;
  }

  private async boot(): Promise<void> {
    const l = this.layout;
    fs.mkdirSync(l.logDir, { recursive: true });
    fs.mkdirSync(path.dirname(l.haproxyConfig), { recursive: true });
    fs.mkdirSync(l.provisioDataDir, { recursive: true, mode: 0o700 });
    await this.startEtcd();
    await this.startPatroni();
    fs.writeFileSync(l.haproxyErrorFile, unavailableResponse());
    fs.writeFileSync(l.haproxyConfig, haproxyConfig(localAddressing(l)));
    this.add({ name: 'haproxy', command: this.bin.haproxy, args: ['-db', '-f', l.haproxyConfig], restart: true });
    await this.prepareDatabase();
    await this.startProvisio();
  }

  private async startEtcd() {
    for (let i = 0; i < this.layout.etcd.length; i++) {
      const m = this.layout.etcd[i];
      this.add({ name: m.name, command: this.bin.etcd, args: etcdArgs(localAddressing(this.layout), i, m.dataDir), restart: true });
    }
    this.log('etcd: 3 members starting');
    await this.waitUntil('etcd to be healthy', 60_000, async () => {
      for (const m of this.layout.etcd) {
        const res = await fetch(`http://127.0.0.1:${m.clientPort}/health`, { signal: AbortSignal.timeout(1000) });
        if ((await res.json()).health !== 'true') return false;
      }
      return true;
    });
  }

  private async startPatroni() {
    const user = postgresUser();
    for (let i = 0; i < this.layout.postgres.length; i++) {
      const node = this.layout.postgres[i];
      fs.mkdirSync(node.dir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(node.configFile, JSON.stringify(patroniConfig(this.layout, i, this.secrets, this.bin.postgresBin), null, 2), { mode: 0o600 });
      if (user) execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, node.dir]);
      this.add({
        name: node.name,
        command: this.bin.patroni,
        args: [node.configFile],
        user,
        cwd: node.dir,
        env: { PATH: `${this.bin.postgresBin}:/usr/bin:/bin`, HOME: node.dir, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
        restart: true,
        stopTimeoutMs: 60_000,
      });
    }
    this.log(`patroni: ${this.layout.postgres.map((p) => p.name).join(', ')} starting (PostgreSQL ${this.bin.postgresMajor}, synchronous replication)`);
    await this.waitUntil('a Patroni leader and a synchronous standby', 300_000, async () => {
      const c = await clusterState(this.layout);
      return !!c?.leader && !!c.syncStandby;
    });
  }

  /** The application role and database (idempotent), created by the superuser through HAProxy. */
  private async prepareDatabase() {
    const admin = new URL(this.endpoints.superuserUrl);
    admin.pathname = '/postgres';
    await this.waitUntil('HAProxy to route to the primary', 60_000, async () => {
      const c = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 2_000 });
      try {
        await c.connect();
        const r = await c.query('SELECT pg_is_in_recovery() AS standby');
        return r.rows[0].standby === false;
      } finally {
        await c.end().catch(() => undefined);
      }
    });
    // The same SQL docker/compose.ha.yaml's db-init runs (docker/ha/init-db.sql).
    const file = path.join(this.layout.dir, 'init-db.sql');
    fs.writeFileSync(file, initDatabaseSql());
    execFileSync(
      path.join(this.bin.postgresBin, 'psql'),
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-v', `app_password=${this.secrets.app}`, '-f', file, admin.toString()],
      {
        env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  }

  private provisioEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      DATABASE_URL: this.endpoints.databaseUrl,
      DATA_DIR: this.layout.provisioDataDir,
      AUDIT_SIGNING_KEY: this.secrets.auditSigningKey,
      HOST: '127.0.0.1',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'info',
      ...(this.opts.provisioEnv ?? {}),
      ...extra,
    };
  }

  /** `provisio seed` (migrations, bootstrap admin, sample catalog), then the APIs and engines. */
  private async startProvisio() {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [...NODE_FLAGS, MAIN_JS, 'seed'], {
        env: this.provisioEnv({ PROVISIO_ROLE: 'seed' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`provisio seed failed (${code}):\n${text.slice(-3000)}`))));
    });
    this.newAdminToken = /(pvs_[A-Za-z0-9_-]+)/.exec(out)?.[1];
    this.adminToken = fs.readFileSync(this.endpoints.adminTokenFile, 'utf8').trim();
    this.layout.apiPorts.forEach((port, i) =>
      this.add({
        name: `api${i + 1}`,
        command: process.execPath,
        args: [...NODE_FLAGS, MAIN_JS, 'serve'],
        env: this.provisioEnv({ PORT: String(port), PROVISIO_ROLE: 'serve' }),
        restart: true,
      }),
    );
    for (let i = 0; i < (this.opts.engines ?? 3); i++) {
      this.add({
        name: `engine${i + 1}`,
        command: process.execPath,
        args: [...NODE_FLAGS, MAIN_JS, 'engine'],
        env: this.provisioEnv({ PROVISIO_ROLE: 'engine' }),
        restart: true,
        stopTimeoutMs: 30_000,
      });
    }
    this.log(`provisio: ${this.layout.apiPorts.length} API processes, ${this.opts.engines ?? 3} engines starting`);
    await this.waitUntil('the API to be ready through HAProxy', 120_000, async () => {
      const res = await fetch(`${this.endpoints.api}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      return res.status === 200;
    });
  }

  /** The node Patroni calls leader (and runs the primary), if any. */
  async primary(): Promise<TopologyLayout['postgres'][number] | undefined> {
    const c = await clusterState(this.layout);
    return this.layout.postgres.find((p) => p.name === c?.leader?.name);
  }

  /** SIGKILLs the primary's PostgreSQL (Patroni stays, and fails over); returns the node. */
  async killPrimaryPostgres(): Promise<{ node: string; pid: number }> {
    const node = await this.primary();
    if (!node) throw new Error('no primary to kill');
    const pid = killPostgres(node.dataDir);
    if (!pid) throw new Error(`no postmaster running for ${node.name}`);
    return { node: node.name, pid };
  }

  /** SIGKILLs the primary node whole (Patroni and PostgreSQL); it stays down until restartNode. */
  async killPrimaryNode(): Promise<{ node: string; pid: number }> {
    const node = await this.primary();
    if (!node) throw new Error('no primary to kill');
    const pid = postmasterPid(node.dataDir) ?? 0;
    await Promise.all([this.service(node.name).killAndHold('SIGKILL'), Promise.resolve(killPostgres(node.dataDir))]);
    return { node: node.name, pid };
  }

  restartNode(name: string): void {
    this.service(name).start();
  }

  /** Everything down in order: engines drain, APIs close, HAProxy, standby, primary, etcd. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      const group = (prefix: string) => [...this.services.values()].filter((s) => s.name.startsWith(prefix));
      await Promise.all(group('engine').map((s) => s.stop()));
      await Promise.all(group('api').map((s) => s.stop()));
      await Promise.all(group('haproxy').map((s) => s.stop()));
      const leader = (await clusterState(this.layout).catch(() => undefined))?.leader?.name;
      const nodes = group('pg').sort((a, b) => (a.name === leader ? 1 : b.name === leader ? -1 : 0));
      for (const s of nodes) await s.stop();
      for (const node of this.layout.postgres) await stopOrphanPostgres(node.dataDir);
      await Promise.all(group('etcd').map((s) => s.stop()));
      for (const s of this.services.values()) if (s.alive) s.signal('SIGKILL');
    })();
    return this.stopped;
  }
}
