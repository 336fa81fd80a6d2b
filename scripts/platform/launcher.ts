import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, portFree } from './ports';
import { MissingPackagesError, missingPackages } from './requirements';
import { ensureSecret } from './secrets';
import type { PlatformContext, PlatformService, PortRequest, Prepared } from './service';

/**
 * Starts real servers (slapd, PowerDNS, and whatever else is listed) in the foreground as child
 * processes, config and data in one folder, and stops them all again. Used by `npm run platform`
 * and by the platform test tier, so both run exactly the same servers.
 */

export interface StartOptions {
  /** The platform folder (`.provisio/platform`); each service gets `<dir>/<service>`. */
  dir: string;
  services: PlatformService[];
  /** Interface to listen on; loopback unless told otherwise (containers). */
  host?: string;
  /** `preferred`: each service's fixed port (npm run platform); `free`: kernel-chosen (tests). */
  ports?: 'preferred' | 'free';
  /** Port overrides by `<service>.<name>` (e.g. `slapd.ldap`). */
  portOverrides?: Record<string, number>;
  log?: (line: string) => void;
  readyTimeoutMs?: number;
  /** Aborting during the start stops what already started and rejects (Ctrl-C while starting). */
  signal?: AbortSignal;
}

export interface RunningService {
  name: string;
  info: unknown;
  env: Record<string, string>;
  hints: string[];
  logFile: string;
  pid: number | undefined;
}

export interface RunningPlatform {
  dir: string;
  /** Every service's Provisio environment, merged. */
  env: Record<string, string>;
  /** Per service name, what it published (URLs, ports, secret files). */
  info: Record<string, unknown>;
  services: RunningService[];
  /** Stops every server (reverse order); idempotent. */
  stop(): Promise<void>;
  /** Stops one server (its data stays), e.g. to see how Provisio copes with an outage. */
  stopService(name: string): Promise<void>;
  /** Starts a stopped server again, same configuration and ports. */
  startService(name: string): Promise<void>;
  /** Resolves when a server exits without being asked to. */
  unexpectedExit: Promise<{ service: string; code: number | null; signal: NodeJS.Signals | null }>;
}

interface Slot {
  service: PlatformService;
  prepared: Prepared<unknown>;
  dir: string;
  logFile: string;
  child?: ChildProcess;
  stopping: boolean;
  exited?: Promise<void>;
}

function orderByDependencies(services: PlatformService[]): PlatformService[] {
  const names = new Set<string>();
  for (const s of services) {
    for (const d of s.dependsOn ?? []) {
      if (!names.has(d)) throw new Error(`service ${s.name} depends on ${d}, which must be listed (and start) before it`);
    }
    if (names.has(s.name)) throw new Error(`service ${s.name} listed twice`);
    names.add(s.name);
  }
  return services;
}

function pidFile(dir: string): string {
  return path.join(dir, 'launcher.pid');
}

/**
 * A server left running by a launcher that was killed (SIGKILL leaves no chance to stop it): its
 * pid file points at a live process whose command line names this folder. Stopped before a new
 * start, so its ports and data files are free.
 */
async function stopLeftover(dir: string, log: (l: string) => void): Promise<void> {
  const file = pidFile(dir);
  if (!fs.existsSync(file)) return;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  fs.rmSync(file, { force: true });
  if (!Number.isInteger(pid) || pid <= 1) return;
  let cmdline: string;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return;
  }
  if (!cmdline.includes(dir)) return;
  log(`stopping a leftover server (pid ${pid}) of ${dir}`);
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && fs.existsSync(`/proc/${pid}`); i++) await sleep(50);
  if (fs.existsSync(`/proc/${pid}`)) process.kill(pid, 'SIGKILL');
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

type ExitReport = { service: string; code: number | null; signal: NodeJS.Signals | null };

/** A fixed port (preferred or overridden) that must be free, or a kernel-chosen one. */
async function choosePort(opts: StartOptions, host: string, key: string, req: PortRequest): Promise<number> {
  const wanted = opts.portOverrides?.[key] ?? (opts.ports === 'free' ? undefined : req.preferred);
  if (wanted === undefined) return freePort(host, req.udp);
  if (!(await portFree(host, wanted, req.udp))) {
    throw new Error(`port ${wanted} (${key}) on ${host} is in use: another \`npm run platform\`? Choose another with PLATFORM_PORTS=${key}=<port>`);
  }
  return wanted;
}

/** Starts a slot's server and waits until it answers (or exits, or the start is aborted). */
async function launch(slot: Slot, opts: StartOptions, log: (l: string) => void, reportExit: (e: ExitReport) => void): Promise<void> {
  await stopLeftover(slot.dir, log);
  const out = fs.openSync(slot.logFile, 'a');
  const { command, args, cwd } = slot.prepared;
  // Own process group: a terminal's Ctrl-C reaches the launcher only, which stops the servers in order.
  const child = spawn(command, args, { cwd: cwd ?? slot.dir, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  slot.child = child;
  slot.stopping = false;
  if (child.pid) fs.writeFileSync(pidFile(slot.dir), `${child.pid}\n`);
  let exitedEarly: string | undefined;
  slot.exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      fs.rmSync(pidFile(slot.dir), { force: true });
      exitedEarly = `exited with ${signal ?? `code ${code}`}`;
      if (!slot.stopping) reportExit({ service: slot.service.name, code, signal });
      resolve();
    });
    child.once('error', (e) => {
      exitedEarly = `could not start: ${e.message}`;
      resolve();
    });
  });
  await waitReady(slot, opts, () => exitedEarly);
}

async function waitReady(slot: Slot, opts: StartOptions, exitedEarly: () => string | undefined): Promise<void> {
  const timeoutMs = opts.readyTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    opts.signal?.throwIfAborted();
    const exited = exitedEarly();
    if (exited) throw new Error(`${slot.service.name} ${exited}; its log (${slot.logFile}) ends with:\n${tail(slot.logFile)}`);
    try {
      await slot.prepared.ready();
      return;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`${slot.service.name} not ready after ${timeoutMs} ms (${(lastError as Error)?.message}); log ${slot.logFile}:\n${tail(slot.logFile)}`);
    }
    await sleep(100);
  }
}

/** Signals the server's whole process group: a wrapper command's real server is reached too. */
function signalGroup(child: ChildProcess, sig: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, sig);
  } catch {
    child.kill(sig);
  }
}

async function halt(slot: Slot, log: (l: string) => void): Promise<void> {
  const child = slot.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  slot.stopping = true;
  signalGroup(child, slot.prepared.stopSignal ?? 'SIGTERM');
  const stopped = await Promise.race([slot.exited!.then(() => true), sleep(slot.prepared.stopTimeoutMs ?? 10_000).then(() => false)]);
  if (!stopped) {
    log(`${slot.service.name} did not stop in time: SIGKILL`);
    signalGroup(child, 'SIGKILL');
    await slot.exited;
  }
}

export async function startPlatform(opts: StartOptions): Promise<RunningPlatform> {
  const log = opts.log ?? (() => undefined);
  const host = opts.host ?? '127.0.0.1';
  const root = path.resolve(opts.dir);
  const services = orderByDependencies(opts.services);
  const missing = missingPackages(services);
  if (missing) throw new MissingPackagesError(missing);
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });

  const slots: Slot[] = [];
  const info: Record<string, unknown> = {};
  let reportExit!: (e: ExitReport) => void;
  const unexpectedExit = new Promise<ExitReport>((r) => (reportExit = r));
  const stopAll = async () => {
    for (const slot of [...slots].reverse()) await halt(slot, log);
  };

  for (const service of services) await stopLeftover(path.join(root, service.name), log);
  try {
    for (const service of services) {
      opts.signal?.throwIfAborted();
      const dir = path.join(root, service.name);
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const ctx: PlatformContext = {
        dir,
        rootDir: root,
        host,
        port: (name, req) => choosePort(opts, host, `${service.name}.${name}`, req),
        secret: (name) => ensureSecret(path.join(root, 'secrets'), name),
        started: { ...info },
        log: (l) => log(`[${service.name}] ${l}`),
      };
      const prepared = await service.prepare(ctx);
      const slot: Slot = { service, prepared, dir, logFile: path.join(dir, `${service.name}.log`), stopping: false };
      slots.push(slot);
      await launch(slot, opts, log, reportExit);
      await prepared.afterReady?.();
      info[service.name] = prepared.info;
      log(`${service.name} ready (pid ${slot.child?.pid})`);
    }
  } catch (e) {
    await stopAll();
    throw e;
  }
  return running(root, slots, info, { stopAll, unexpectedExit, launch: (slot) => launch(slot, opts, log, reportExit), halt: (slot) => halt(slot, log) });
}

interface Controls {
  stopAll(): Promise<void>;
  unexpectedExit: Promise<ExitReport>;
  launch(slot: Slot): Promise<void>;
  halt(slot: Slot): Promise<void>;
}

function running(root: string, slots: Slot[], info: Record<string, unknown>, c: Controls): RunningPlatform {
  const slotOf = (name: string) => {
    const s = slots.find((x) => x.service.name === name);
    if (!s) throw new Error(`no service ${name}`);
    return s;
  };
  let stopped: Promise<void> | undefined;
  return {
    dir: root,
    env: Object.assign({}, ...slots.map((s) => s.prepared.env)),
    info,
    services: slots.map((s) => ({
      name: s.service.name,
      info: s.prepared.info,
      env: s.prepared.env,
      hints: s.prepared.hints ?? [],
      logFile: s.logFile,
      pid: s.child?.pid,
    })),
    stop: () => (stopped ??= c.stopAll()),
    stopService: (name) => c.halt(slotOf(name)),
    startService: (name) => c.launch(slotOf(name)),
    unexpectedExit: c.unexpectedExit,
  };
}
