import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Pool } from 'pg';
import { PROJECT_ROOT } from '../../src/common/version';
import { freePort } from '../../src/database/free-port';
import { withNodeFlags } from '../../src/cli/node-flags';

/** The build the bench drives; BENCH_MAIN_JS points it at another build (A/B experiments). */
export const MAIN_JS = process.env.BENCH_MAIN_JS ? path.resolve(process.env.BENCH_MAIN_JS) : path.join(PROJECT_ROOT, 'dist/src/main.js');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value (not undefined/false) or the timeout passes. */
export async function waitUntil<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 60_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(everyMs);
  }
}

/** Peak (VmHWM) and current (VmRSS) resident set size of a live process, in MB. */
export function memoryOf(pid: number): { hwmMb: number; rssMb: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { hwmMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

export interface ProcessOptions {
  /** Extra environment (on top of the bench's defaults for the role). */
  env?: Record<string, string>;
  /** Where stdout/stderr go (appended). */
  logFile: string;
  /** `node --cpu-prof` into this directory. */
  cpuProfileDir?: string;
  /** Node flags (e.g. --max-old-space-size); none by default: we measure what users run. */
  nodeFlags?: string[];
  /** Another build's main.js (A/B against another commit: lib/build-ref.ts); MAIN_JS by default. */
  mainJs?: string;
}

/** A Provisio process (`node dist/src/main.js <role>`) the bench started and will stop. */
export class ProvisioProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Peak RSS seen by the last sample (VmHWM is kept by the kernel; sampled before exit). */
  peakHwmMb = 0;
  private sampler?: NodeJS.Timeout;

  constructor(
    readonly role: 'serve' | 'engine',
    args: string[],
    opts: ProcessOptions,
  ) {
    const out = fs.openSync(opts.logFile, 'a');
    // The V8 flags the product runs with (npm start, the provisio bin, the Dockerfile).
    const flags = withNodeFlags([...(opts.nodeFlags ?? [])]);
    if (opts.cpuProfileDir) {
      const dir = path.join(opts.cpuProfileDir, role);
      fs.mkdirSync(dir, { recursive: true });
      flags.push('--cpu-prof', `--cpu-prof-dir=${dir}`);
    }
    this.child = spawn(process.execPath, [...flags, opts.mainJs ?? MAIN_JS, role, ...args], {
      env: { ...process.env, PROVISIO_ROLE: role, ...(opts.env ?? {}) },
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    // Sample the peak every 250 ms, so a process that is SIGKILLed still has a figure.
    this.sampler = setInterval(() => this.sample(), 250);
    this.sampler.unref();
    void this.exited.then(() => clearInterval(this.sampler));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  sample(): number {
    const m = memoryOf(this.pid);
    if (m && Number.isFinite(m.hwmMb)) this.peakHwmMb = Math.max(this.peakHwmMb, m.hwmMb);
    return this.peakHwmMb;
  }

  kill(signal: NodeJS.Signals = 'SIGKILL') {
    if (this.alive) this.child.kill(signal);
  }

  /** SIGTERM (graceful: the API closes, an engine drains), SIGKILL after the timeout. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (!this.alive) return;
    this.sample();
    const timer = setTimeout(() => this.kill('SIGKILL'), timeoutMs);
    this.child.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }
}

export interface ApiProcess extends ProvisioProcess {
  base: string;
  port: number;
  dataDir: string;
  /** The hoster admin token `serve` wrote into DATA_DIR on first start. */
  adminToken: string;
}

/**
 * `provisio serve` against the bench database (it migrates, seeds the catalog and writes the
 * bootstrap token into DATA_DIR), live once /health/live answers 200 (ready needs an engine).
 */
export async function startApi(
  databaseUrl: string,
  dir: string,
  opts: { env?: Record<string, string>; cpuProfileDir?: string; mainJs?: string } = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = path.join(dir, 'api-data');
  fs.mkdirSync(dataDir, { recursive: true });
  const proc = new ProvisioProcess('serve', [], {
    logFile: path.join(dir, 'api.log'),
    cpuProfileDir: opts.cpuProfileDir,
    mainJs: opts.mainJs,
    env: { DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...(opts.env ?? {}) },
  }) as ApiProcess;
  proc.port = port;
  proc.base = `http://127.0.0.1:${port}`;
  proc.dataDir = dataDir;
  await waitUntil(
    async () => {
      if (!proc.alive) throw new Error(`the API exited during start (see ${path.join(dir, 'api.log')})`);
      const res = await fetch(`${proc.base}/health/live`).catch(() => undefined);
      return res?.status === 200;
    },
    'the API to be ready',
    120_000,
    100,
  );
  const tokenFile = path.join(dataDir, 'admin-token');
  proc.adminToken = fs.readFileSync(tokenFile, 'utf8').trim();
  return proc;
}

export interface EngineProcess extends ProvisioProcess {
  engineId: string;
}

/** `provisio engine`, registered once its `engines` row (by pid) is running. */
export async function startEngine(
  pool: Pool,
  databaseUrl: string,
  dir: string,
  opts: { env?: Record<string, string>; cpuProfileDir?: string; slot?: number; mainJs?: string } = {},
): Promise<EngineProcess> {
  const proc = new ProvisioProcess('engine', [], {
    logFile: path.join(dir, `engine-${opts.slot ?? 0}.log`),
    cpuProfileDir: opts.cpuProfileDir,
    mainJs: opts.mainJs,
    env: { DATABASE_URL: databaseUrl, PROVISIO_ENGINE_SLOT: String(opts.slot ?? 0), ...(opts.env ?? {}) },
  }) as EngineProcess;
  proc.engineId = await waitUntil(
    async () => {
      if (!proc.alive) throw new Error(`an engine exited during start (see ${dir})`);
      const r = await pool.query(`/* bench */ SELECT id FROM engines WHERE pid = $1 AND state = 'running' ORDER BY started_at DESC LIMIT 1`, [proc.pid]);
      return r.rows[0]?.id as string | undefined;
    },
    'an engine to register',
    // A shared machine at load 30+ took more than a minute to start one (the bench only waits).
    180_000,
    50,
  );
  return proc;
}
