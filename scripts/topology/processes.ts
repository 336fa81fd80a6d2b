import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as this user (Patroni and PostgreSQL refuse root). */
  user?: { uid: number; gid: number };
  logFile: string;
  /** Started again when it exits while the topology runs (what a process manager does). */
  restart: boolean;
  stopSignal?: NodeJS.Signals;
  stopTimeoutMs?: number;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(50);
  }
  return !isAlive(pid);
}

/** The command line of a live process ('' when it is gone), to recognise our own leftovers. */
export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/**
 * One long-running process of the topology, in a process group of its own (a terminal's Ctrl-C
 * reaches the topology first, which then stops everything in order), its output appended to a
 * log file, restarted when it exits unless the topology is stopping or it was told to stay down.
 */
export class Service {
  child?: ChildProcess;
  starts = 0;
  /** Exits not asked for by stop() (crashes and kills), with their signal or code. */
  readonly exits: { at: number; code: number | null; signal: NodeJS.Signals | null }[] = [];
  private stopping = false;
  private held = false;
  private restartTimer?: NodeJS.Timeout;
  private exited?: Promise<void>;
  private lastStart = 0;
  private quickExits = 0;

  constructor(
    readonly spec: ServiceSpec,
    private readonly onPid: (name: string, pid: number | undefined) => void = () => undefined,
  ) {}

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.alive ? this.child?.pid : undefined;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    if (this.alive || this.stopping) return;
    this.held = false;
    const out = fs.openSync(this.spec.logFile, 'a');
    const child = spawn(this.spec.command, this.spec.args, {
      env: this.spec.env ?? process.env,
      cwd: this.spec.cwd,
      stdio: ['ignore', out, out],
      detached: true,
      ...(this.spec.user ?? {}),
    });
    fs.closeSync(out);
    this.child = child;
    this.starts++;
    this.lastStart = Date.now();
    this.onPid(this.name, child.pid);
    this.exited = new Promise<void>((resolve) => {
      child.on('error', () => resolve());
      child.on('exit', (code, signal) => {
        if (this.child === child) this.onPid(this.name, undefined);
        if (!this.stopping) this.exits.push({ at: Date.now(), code, signal });
        resolve();
        this.scheduleRestart();
      });
    });
  }

  private scheduleRestart() {
    if (!this.spec.restart || this.stopping || this.held || this.restartTimer) return;
    // Back off when it keeps dying at start (e.g. its database is failing over).
    this.quickExits = Date.now() - this.lastStart < 5_000 ? this.quickExits + 1 : 0;
    const delay = Math.min(5_000, 250 * 2 ** Math.min(this.quickExits, 5));
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (!this.stopping && !this.held) this.start();
    }, delay);
  }

  /** Sends a signal to the whole process group (SIGKILL, SIGSTOP, SIGCONT …). */
  signal(signal: NodeJS.Signals): boolean {
    const pid = this.pid;
    if (!pid) return false;
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false;
    }
  }

  /** Kills it and keeps it down until start() (a node that stays dead for a while). */
  async killAndHold(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    this.held = true;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    this.signal(signal);
    await this.exited;
  }

  /** Graceful stop: the stop signal, SIGKILL to the group after the timeout; no restart. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const pid = this.pid;
    if (!pid) return;
    this.signal('SIGCONT');
    this.signal(this.spec.stopSignal ?? 'SIGTERM');
    if (!(await waitForExit(pid, this.spec.stopTimeoutMs ?? 20_000))) this.signal('SIGKILL');
    await this.exited;
  }
}
