import { type ChildProcess, spawn } from 'node:child_process';
import { rootLogger } from '../common/logging/logger';
import { withNodeFlags } from './node-flags';

interface Slot {
  index: number;
  child?: ChildProcess;
  startedAt: number;
  failures: number;
  timer?: NodeJS.Timeout;
}

export interface SupervisorOptions {
  count: number;
  script: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** How long a child may take to drain on stop before it is killed. */
  stopTimeoutMs?: number;
}

/**
 * Keeps N engine child processes alive: a child that dies is restarted with exponential back-off
 * (0.5 s, 1 s, 2 s … 30 s; reset after a minute of uptime), each death logged.
 */
export class Supervisor {
  private readonly slots: Slot[] = [];
  private stopping = false;
  private readonly log = rootLogger().child({ component: 'supervisor' });

  constructor(private readonly opts: SupervisorOptions) {}

  start() {
    for (let i = 0; i < this.opts.count; i++) {
      const slot: Slot = { index: i, startedAt: 0, failures: 0 };
      this.slots.push(slot);
      this.spawn(slot);
    }
  }

  pids(): number[] {
    return this.slots.map((s) => s.child?.pid).filter((p): p is number => !!p);
  }

  private spawn(slot: Slot) {
    if (this.stopping) return;
    slot.startedAt = Date.now();
    const child = spawn(process.execPath, [...withNodeFlags(process.execArgv), this.opts.script, ...this.opts.args], {
      env: { ...this.opts.env, PROVISIO_ENGINE_SLOT: String(slot.index) },
      // Own process group: a terminal Ctrl-C reaches the supervisor, which then stops engines in order.
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    slot.child = child;
    this.log.info({ slot: slot.index, pid: child.pid }, 'engine started');
    child.on('exit', (code, signal) => {
      if (slot.child === child) slot.child = undefined;
      if (this.stopping) return;
      const uptime = Date.now() - slot.startedAt;
      slot.failures = uptime > 60_000 ? 0 : slot.failures + 1;
      const delay = Math.min(30_000, 500 * 2 ** Math.max(0, slot.failures - 1));
      this.log.warn({ slot: slot.index, pid: child.pid, code, signal, uptimeMs: uptime, restartInMs: delay }, 'engine exited; restarting');
      slot.timer = setTimeout(() => this.spawn(slot), delay);
    });
    child.on('error', (err) => this.log.error({ err, slot: slot.index }, 'engine process error'));
  }

  /** SIGTERM every child (they drain and release their leases), SIGKILL stragglers. */
  async stop(): Promise<void> {
    this.stopping = true;
    const waits = this.slots.map((slot) => {
      clearTimeout(slot.timer);
      const child = slot.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const kill = setTimeout(() => {
          this.log.warn({ pid: child.pid }, 'engine did not stop in time; killing');
          child.kill('SIGKILL');
        }, this.opts.stopTimeoutMs ?? 30_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      });
    });
    await Promise.all(waits);
  }
}
