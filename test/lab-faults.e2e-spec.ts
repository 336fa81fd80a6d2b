import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { newId } from '../src/common/ids';
import { createLabProvider, labInventory, readLabFaults, replaceLabFaults, resetLabFaults } from '../src/provisioning/providers/lab';
import { customer, type LabHarness, startLab } from './lab-harness';

/** Fault injection: shared through the database, exact rule counts under concurrency, crashes after commit. */
describe('lab fault injection', () => {
  let lab: LabHarness;
  let exits: string[];
  let engineRole = false;
  beforeAll(async () => {
    exits = [];
    lab = await startLab({ faults: { isEngine: () => engineRole, exitProcess: () => void exits.push('exit') } }, 25);
  });
  afterAll(() => lab.close());
  afterEach(async () => {
    engineRole = false;
    await resetLabFaults(lab.sql);
  });

  const run = () => ({ runId: newId('run') });
  const none = { latencyMs: 0, jitterMs: 0, transientErrorRate: 0, permanentErrorRate: 0 };

  async function outcome(p: Promise<unknown>): Promise<string> {
    try {
      await p;
      return 'ok';
    } catch (e: any) {
      return e.code ?? String(e);
    }
  }

  it('fires a "fail n times" rule exactly n times across 20 concurrent calls', async () => {
    const c = customer(newId('org'), 'rule-count.example');
    await replaceLabFaults(lab.sql, { ...none, rules: [{ procedure: 'DNS.CreateZone', effect: 'transient', times: 3 }] });
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(lab.exec('DNS.CreateZone', c.zone, run()))));
    expect(results.filter((r) => r === 'LAB_TRANSIENT')).toHaveLength(3);
    expect(results.filter((r) => r === 'ok')).toHaveLength(17);
    const view = await readLabFaults(lab.sql);
    expect(view.rules).toEqual([
      expect.objectContaining({ procedure: 'DNS.CreateZone', effect: 'transient', times: 3, remaining: 0, phase: 'execute', organizationId: null }),
    ]);
    expect((await labInventory(lab.sql, c.organization.id)).zones).toBe(1);
  });

  it('makes transient faults retryable and permanent ones not, before anything is written', async () => {
    const c = customer(newId('org'), 'kinds.example');
    await replaceLabFaults(lab.sql, {
      ...none,
      rules: [
        { procedure: 'Directory.CreateOrganization', effect: 'transient', times: 1 },
        { procedure: 'Directory.CreateOrganization', effect: 'permanent', times: 1 },
      ],
    });
    const t = await lab.failure(lab.exec('Directory.CreateOrganization', c.ou, run()));
    expect({ code: t.code, retryable: t.retryable }).toEqual({ code: 'LAB_TRANSIENT', retryable: true });
    const p = await lab.failure(lab.exec('Directory.CreateOrganization', c.ou, run()));
    expect({ code: p.code, retryable: p.retryable }).toEqual({ code: 'LAB_PERMANENT', retryable: false });
    expect((await labInventory(lab.sql, c.organization.id)).ous).toBe(0);
    await lab.exec('Directory.CreateOrganization', c.ou, run());
    expect((await labInventory(lab.sql, c.organization.id)).ous).toBe(1);
  });

  it('limits a rule to its organization', async () => {
    const a = customer(newId('org'), 'org-a.example');
    const b = customer(newId('org'), 'org-b.example');
    await replaceLabFaults(lab.sql, {
      ...none,
      rules: [{ procedure: 'Directory.CreateOrganization', effect: 'permanent', times: 5, organizationId: a.organization.id }],
    });
    await lab.exec('Directory.CreateOrganization', b.ou, run());
    expect(await outcome(lab.exec('Directory.CreateOrganization', a.ou, run()))).toBe('LAB_PERMANENT');
    // The run's organization (context) counts when it is known.
    expect(await outcome(lab.exec('DNS.PublishZone', { zone: { name: 'org-a.example' } }, { organizationId: a.organization.id }))).toBe('LAB_NOT_FOUND');
    expect((await readLabFaults(lab.sql)).rules[0].remaining).toBe(4);
  });

  it('hits rollbacks only with rules for the rollback phase, and never with the permanent error rate', async () => {
    const c = customer(newId('org'), 'rollback-phase.example');
    const r = run();
    await lab.exec('Directory.CreateOrganization', c.ou, r);
    await replaceLabFaults(lab.sql, {
      ...none,
      permanentErrorRate: 1,
      rules: [{ procedure: 'Directory.CreateOrganization', phase: 'rollback', effect: 'transient', times: 1 }],
    });
    expect(await outcome(lab.exec('Directory.CreateOrganization', c.ou, r))).toBe('LAB_PERMANENT');
    expect(await outcome(lab.rollback('Directory.CreateOrganization', c.ou, undefined, r))).toBe('LAB_TRANSIENT');
    expect((await labInventory(lab.sql, c.organization.id)).ous).toBe(1);
    await lab.rollback('Directory.CreateOrganization', c.ou, undefined, r);
    expect((await labInventory(lab.sql, c.organization.id)).ous).toBe(0);
  });

  it('fails every call at a transient rate of 1 and none at 0', async () => {
    const c = customer(newId('org'), 'rates.example');
    await replaceLabFaults(lab.sql, { ...none, transientErrorRate: 1, rules: [] });
    const failing = await Promise.all(Array.from({ length: 10 }, () => outcome(lab.exec('DNS.CreateZone', c.zone, run()))));
    expect(failing).toEqual(Array(10).fill('LAB_TRANSIENT'));
    await replaceLabFaults(lab.sql, { ...none, rules: [] });
    expect(await outcome(lab.exec('DNS.CreateZone', c.zone, run()))).toBe('ok');
  });

  it('adds the configured latency to every call', async () => {
    const c = customer(newId('org'), 'latency.example');
    await replaceLabFaults(lab.sql, { ...none, latencyMs: 150, jitterMs: 50, rules: [] });
    const started = Date.now();
    await lab.exec('DNS.CreateZone', c.zone, run());
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('outside an engine, an "exit" rule commits the write and then fails transiently', async () => {
    const c = customer(newId('org'), 'exit-api.example');
    await replaceLabFaults(lab.sql, { ...none, rules: [{ procedure: 'DNS.CreateZone', effect: 'exit', times: 1 }] });
    const e = await lab.failure(lab.exec('DNS.CreateZone', c.zone, run()));
    expect({ code: e.code, retryable: e.retryable }).toEqual({ code: 'LAB_TRANSIENT', retryable: true });
    expect((await labInventory(lab.sql, c.organization.id)).zones).toBe(1);
    expect(exits).toEqual([]);
  });

  it('in an engine, an "exit" rule kills the process after the write committed', async () => {
    const c = customer(newId('org'), 'exit-engine.example');
    await replaceLabFaults(lab.sql, { ...none, rules: [{ procedure: 'DNS.CreateZone', effect: 'exit', times: 1 }] });
    engineRole = true;
    exits.length = 0;
    await outcome(lab.exec('DNS.CreateZone', c.zone, run()));
    expect(exits).toEqual(['exit']);
    const zonesWhenKilled = (await labInventory(lab.sql, c.organization.id)).zones;
    expect(zonesWhenKilled).toBe(1);
  });

  it('really SIGKILLs an engine process (PROVISIO_ROLE=engine) after the lab write committed', async () => {
    const c = customer(newId('org'), 'sigkill.example');
    await replaceLabFaults(lab.sql, { ...none, rules: [{ procedure: 'DNS.CreateZone', effect: 'exit', times: 1, organizationId: c.organization.id }] });
    const dist = path.resolve(__dirname, '../dist/src/provisioning/providers/lab/index.js');
    const script = `
      const { Pool } = require('pg');
      const { createLabProvider } = require(${JSON.stringify(dist)});
      const pool = new Pool({ connectionString: process.env.LAB_DB_URL, max: 2 });
      const p = createLabProvider(pool).procedures.find((x) => x.namespace === 'DNS' && x.name === 'CreateZone');
      p.execute(p.parseInput(JSON.parse(process.env.LAB_INPUT)), { runId: 'run_child', stepSeq: 1, attempt: 1, engineId: 'eng_child', organizationId: null })
        .then(() => process.exit(0), (e) => { console.error(e.code); process.exit(3); });`;
    const child = spawn(process.execPath, ['-e', script], {
      env: { ...process.env, PROVISIO_ROLE: 'engine', LAB_DB_URL: lab.db.url, LAB_INPUT: JSON.stringify(c.zone), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    expect({ ...exit, stderr }).toMatchObject({ code: null, signal: 'SIGKILL' });
    expect((await labInventory(lab.sql, c.organization.id)).zones).toBe(1);
    expect((await readLabFaults(lab.sql)).rules[0].remaining).toBe(0);
  });

  describe('cached configuration (no probe statement while nothing is injected)', () => {
    /** A second provider on the same database, as another process would have, counting its probes. */
    function otherProcess() {
      let probes = 0;
      const pool = new Proxy(lab.pool, {
        get(target, prop, receiver) {
          if (prop === 'query') {
            return (q: any, ...rest: any[]) => {
              if (typeof q === 'object' && q?.name?.startsWith('lab_fault_probe')) probes++;
              return (target.query as any)(q, ...rest);
            };
          }
          const v = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      const provider = createLabProvider(pool as typeof lab.pool);
      const proc = (id: string) => provider.procedures.find((p) => `${p.namespace}.${p.name}` === id)!;
      return {
        probes: () => probes,
        exec: (id: string, raw: Record<string, unknown>, r = run()) => proc(id).execute(proc(id).parseInput(raw), lab.ctx(r)),
        rollback: (id: string, raw: Record<string, unknown>, r = run()) => proc(id).rollback!(proc(id).parseInput(raw), undefined, lab.ctx(r)),
      };
    }

    it('probes once, then calls run without a probe until the configuration changes', async () => {
      const other = otherProcess();
      const c = customer(newId('org'), 'cached.example');
      await other.exec('DNS.CreateZone', c.zone);
      expect(other.probes()).toBe(1);
      await other.exec('DNS.AddRecord', c.record('www', 'A', '192.0.2.1'));
      await other.exec('DNS.AddRecord', c.record('www', 'A', '192.0.2.2'));
      expect(other.probes()).toBe(1);
      expect((await labInventory(lab.sql, c.organization.id)).records).toBe(2);
    });

    it('applies a change made elsewhere to the very next call (single statement, transaction, read)', async () => {
      const other = otherProcess();
      const c = customer(newId('org'), 'guarded.example');
      const r = run();
      await other.exec('Directory.CreateOrganization', c.ou, r);
      await other.exec('Directory.CreateUser', c.user('ann'), r);
      // Changed by "another process" (the cache of `other` still holds the old version).
      await replaceLabFaults(lab.sql, { ...none, transientErrorRate: 1, rules: [] });
      expect(await outcome(other.exec('Directory.CreateUser', c.user('bob'), r))).toBe('LAB_TRANSIENT');
      expect(await outcome(other.exec('Directory.DeleteUser', c.user('ann'), r))).toBe('LAB_TRANSIENT');
      expect(await outcome(other.exec('Directory.GetUser', c.user('ann'), r))).toBe('LAB_TRANSIENT');
      expect((await labInventory(lab.sql, c.organization.id)).users).toBe(1);
      await replaceLabFaults(lab.sql, { ...none, rules: [{ procedure: 'Directory.DeleteUser', effect: 'permanent', times: 1 }] });
      expect(await outcome(other.exec('Directory.CreateUser', c.user('bob'), r))).toBe('ok');
      expect(await outcome(other.exec('Directory.DeleteUser', c.user('ann'), r))).toBe('LAB_PERMANENT');
      expect(await outcome(other.exec('Directory.DeleteUser', c.user('ann'), r))).toBe('ok');
      expect((await labInventory(lab.sql, c.organization.id)).users).toBe(1);
      // Rollbacks (a tombstone restore in a transaction) are guarded the same way.
      await replaceLabFaults(lab.sql, { ...none, rules: [{ procedure: 'Directory.DeleteUser', phase: 'rollback', effect: 'transient', times: 1 }] });
      expect(await outcome(other.rollback('Directory.DeleteUser', c.user('ann'), r))).toBe('LAB_TRANSIENT');
      expect(await outcome(other.rollback('Directory.DeleteUser', c.user('ann'), r))).toBe('ok');
      expect((await labInventory(lab.sql, c.organization.id)).users).toBe(2);
    });

    it('draws each call once: a rate of 0.5 fails about half the calls on the cached path too', async () => {
      const other = otherProcess();
      const c = customer(newId('org'), 'half.example');
      await other.exec('DNS.CreateZone', c.zone);
      await replaceLabFaults(lab.sql, { ...none, transientErrorRate: 0.5, rules: [] });
      const results: string[] = [];
      for (let i = 0; i < 200; i++) results.push(await outcome(other.exec('DNS.AddRecord', c.record(`h${i}`, 'A', '192.0.2.1'))));
      const failed = results.filter((x) => x === 'LAB_TRANSIENT').length;
      // Binomial(200, 0.5): outside 60..140 has probability < 1e-8; a double draw would give ~150.
      expect(failed).toBeGreaterThan(60);
      expect(failed).toBeLessThan(140);
      expect(results.filter((x) => x === 'ok')).toHaveLength(200 - failed);
    });
  });

  it('resets to a well-behaved lab', async () => {
    await replaceLabFaults(lab.sql, {
      latencyMs: 10,
      jitterMs: 1,
      transientErrorRate: 0.5,
      permanentErrorRate: 0.25,
      rules: [{ procedure: 'DNS.AddRecord', effect: 'exit', times: 2 }],
    });
    await resetLabFaults(lab.sql);
    expect(await readLabFaults(lab.sql)).toMatchObject({ ...none, rules: [] });
  });
});
