import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../src/common/version';

export interface FleetOptions {
  count: number;
  databaseUrl: string;
  env?: Record<string, string>;
  /** Receives each output line of the engines (pino JSON, info level), when set. */
  onOutput?: (line: string) => void;
}

interface Slot {
  index: number;
  child?: ChildProcess;
  exited?: Promise<void>;
}

/**
 * Engine processes (`node dist/src/main.js engine`) the chaos run kills and restarts itself: the
 * `all` supervisor backs off after repeated deaths, which is right in production and wrong for a
 * storm of deliberate kills.
 */
export class EngineFleet {
  private readonly slots: Slot[] = [];
  private stopping = false;
  kills = 0;
  starts = 0;
  /** Processes that exited by themselves before they were ready (e.g. a start during the database restart). */
  unexpectedExits = 0;
  /** Processes that died by themselves after they were ready: a crash, with its last output lines. */
  readonly crashes: string[] = [];

  constructor(private readonly opts: FleetOptions) {}

  start() {
    for (let i = 0; i < this.opts.count; i++) {
      const slot: Slot = { index: i };
      this.slots.push(slot);
      this.spawn(slot);
    }
  }

  private spawn(slot: Slot) {
    if (this.stopping) return;
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/src/main.js'), 'engine'], {
      env: {
        ...process.env,
        DATABASE_URL: this.opts.databaseUrl,
        PROVISIO_ROLE: 'engine',
        PROVISIO_ENGINE_SLOT: String(slot.index),
        LOG_LEVEL: 'info',
        ...(this.opts.env ?? {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.starts++;
    let ready = false;
    const tail: string[] = [];
    const emit = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        if (!ready && line.includes('"msg":"engine process ready"')) ready = true;
        tail.push(line);
        if (tail.length > 8) tail.shift();
        this.opts.onOutput?.(line);
      }
    };
    child.stdout!.on('data', emit);
    child.stderr!.on('data', emit);
    slot.child = child;
    slot.exited = new Promise<void>((resolve) =>
      child.on('exit', (code, signal) => {
        const killedByUs = (child as any).killedByChaos;
        if (!killedByUs && !this.stopping) {
          if (ready) this.crashes.push(`engine pid ${child.pid} died by itself (code ${code}, signal ${signal}): ${tail.join(' | ').slice(-1500)}`);
          else this.unexpectedExits++;
        }
        if (slot.child === child) slot.child = undefined;
        resolve();
        // Whatever killed it, the slot gets a new engine (a failed start is retried the same way).
        if (!this.stopping) setTimeout(() => this.spawn(slot), killedByUs ? 50 : 300);
      }),
    );
  }

  /** SIGKILL a random live engine; it is restarted right away. */
  killRandom(random: () => number = Math.random): number | undefined {
    const live = this.slots.filter((s) => s.child && s.child.exitCode === null && s.child.signalCode === null);
    if (!live.length) return undefined;
    const slot = live[Math.floor(random() * live.length)];
    const child = slot.child!;
    (child as any).killedByChaos = true;
    child.kill('SIGKILL');
    this.kills++;
    return child.pid;
  }

  /** SIGTERM every engine (they drain and give their runs back); SIGKILL after the timeout. */
  async stop(timeoutMs = 20_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.slots.map(async (slot) => {
        const child = slot.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.kill('SIGTERM');
        await slot.exited;
        clearTimeout(timer);
      }),
    );
  }
}
