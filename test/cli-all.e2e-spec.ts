import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../src/database/free-port';
import { waitFor } from './helpers/wait';

/**
 * `provisio all` as a user runs it (what `npm start` does after building): a real process tree
 * with its embedded PostgreSQL and supervised engines, driven over real HTTP.
 */
const MAIN = path.resolve(__dirname, '..', 'dist', 'src', 'main.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  base: string;
}

function processesUsing(marker: string): string[] {
  try {
    return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(marker) && !l.includes('ps -eo'));
  } catch {
    return [];
  }
}

describe('provisio all: start, supervise, stop, restart', () => {
  let dir: string;
  let port: number;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-all-'));
    fs.chmodSync(dir, 0o755);
    port = await freePort();
    env = { ...process.env, DATA_DIR: path.join(dir, '.provisio'), PORT: String(port), ENGINES: '2', LOG_LEVEL: 'info', ENGINE_LEASE_TTL: '1s' };
    delete env.DATABASE_URL;
  });
  afterAll(() => {
    for (const r of started) {
      try {
        process.kill(-r.child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
      r.child.stdout?.destroy();
      r.child.stderr?.destroy();
    }
    for (const line of processesUsing(dir)) {
      const pid = Number(line.trim().split(/\s+/)[0]);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const started: Running[] = [];
  function start(): Running {
    let out = '';
    // Own process group, like a terminal session: Ctrl-C is a SIGINT to the whole group.
    const child = spawn(process.execPath, [MAIN, 'all'], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const r = { child, output: () => out, base: `http://127.0.0.1:${port}` };
    started.push(r);
    return r;
  }

  async function ready(r: Running) {
    return waitFor(
      async () => {
        if (r.child.exitCode !== null) throw new Error(`exited early:\n${r.output()}`);
        const res = await fetch(`${r.base}/health/ready`);
        return res.status === 200 ? true : undefined;
      },
      '/health/ready = 200',
      60_000,
      200,
    );
  }

  async function stop(r: Running, signal: NodeJS.Signals) {
    const exited = new Promise<number | null>((resolve) => r.child.once('exit', (code) => resolve(code)));
    process.kill(-r.child.pid!, signal);
    const code = await Promise.race([exited, new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), 45_000))]);
    expect(code).toBe(0);
  }

  it('runs, restarts a killed engine, stops cleanly on Ctrl-C and keeps its data', async () => {
    const first = start();
    const t0 = Date.now();
    await ready(first);
    expect(Date.now() - t0).toBeLessThan(60_000);

    const tokenFile = path.join(dir, '.provisio', 'admin-token');
    expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    const token = fs.readFileSync(tokenFile, 'utf8').trim();
    expect(first.output()).toContain(token); // printed once on first start
    const auth = { authorization: `Bearer ${token}` };

    const docs = await fetch(`${first.base}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');

    const engines = async () => ((await (await fetch(`${first.base}/v1/engines`, { headers: auth })).json()) as any).items as any[];
    const running = await waitFor(
      async () => {
        const e = (await engines()).filter((x) => x.state === 'running');
        return e.length === 2 ? e : undefined;
      },
      'two running engines',
      20_000,
      200,
    );

    // SIGKILL one engine child: the supervisor starts a new one within 5 s.
    const victim = running[0];
    process.kill(victim.pid, 'SIGKILL');
    const killedAt = Date.now();
    const replacement = await waitFor(
      async () => {
        const e = (await engines()).find((x) => x.state === 'running' && x.pid !== victim.pid && !running.some((r: any) => r.id === x.id));
        return e;
      },
      'a replacement engine',
      10_000,
      200,
    );
    expect(Date.now() - killedAt).toBeLessThan(5_000 + 1_000);
    expect(replacement.pid).not.toBe(victim.pid);
    expect(first.output()).toMatch(/engine exited; restarting/);

    // An operator command next to the running installation uses the same database.
    const cliToken = execFileSync(process.execPath, [MAIN, 'token', 'create', '--user', 'admin', '--expires', '1h'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    expect(cliToken).toMatch(/^pvs_/);
    const me = await fetch(`${first.base}/v1/me`, { headers: { authorization: `Bearer ${cliToken}` } });
    expect(me.status).toBe(200);

    // Ctrl-C: everything stops, nothing is left running.
    await stop(first, 'SIGINT');
    await waitFor(async () => processesUsing(dir).length === 0, 'no process left', 10_000, 200);

    // Second start: same data directory, same data, no second bootstrap.
    const second = start();
    await ready(second);
    expect(second.output()).not.toContain('bootstrap');
    expect(fs.readFileSync(tokenFile, 'utf8').trim()).toBe(token);
    const again = await fetch(`${second.base}/v1/me`, { headers: auth });
    expect(again.status).toBe(200);
    await stop(second, 'SIGTERM');
    await waitFor(async () => processesUsing(dir).length === 0, 'no process left', 10_000, 200);
  }, 180_000);
});
