import { Pool } from 'pg';
import { newId } from '../src/common/ids';
import { sqlOfPg } from '../src/database/sql';
import { labDuplicates, labInventory } from '../src/provisioning/providers/lab';
import { replaceLabFaults, resetLabFaults } from '../src/provisioning/providers/lab/lab-faults';
import type { RunRow } from '../src/provisioning/engine/run-row';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { type EngineProcess, killAll, onboardXml, spawnEngine, submitXml, uniqueDomain, usersXml } from './helpers/engine-e2e';
import { waitFor } from './helpers/wait';

/**
 * Engines as real processes (`node dist/src/main.js engine`, lease ttl 1 s) on a real PostgreSQL,
 * killed with real signals: crash and restart, load spreading over three engines, failover after
 * SIGKILL, and fencing of an engine paused past its lease.
 */
describe('engine processes: failover, fencing, load', () => {
  const TTL_MS = 1000;
  let db: TestDatabase;
  let pool: Pool;
  let engines: EngineProcess[] = [];

  const noFaults = { latencyMs: 0, jitterMs: 0, transientErrorRate: 0, permanentErrorRate: 0, rules: [] };

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 8 });
  });

  afterEach(async () => {
    await killAll(engines);
    engines = [];
    await resetLabFaults(sqlOfPg(pool));
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  async function start(n: number, env: Record<string, string> = {}) {
    const started = Array.from({ length: n }, () => spawnEngine(db.url, env));
    engines.push(...started);
    const ids = await Promise.all(started.map((e) => e.engineId()));
    return started.map((e, i) => ({ proc: e, id: ids[i] }));
  }

  async function run(id: string) {
    return (await pool.query(`SELECT * FROM provisioning_runs WHERE id = $1`, [id])).rows[0];
  }

  async function waitStatus(id: string, statuses: string[], timeoutMs = 60_000) {
    return waitFor(
      async () => {
        const r = await run(id);
        return statuses.includes(r.status) ? r : undefined;
      },
      `run ${id} to reach ${statuses.join('|')}`,
      timeoutMs,
      25,
    );
  }

  async function journal(id: string) {
    return (await pool.query(`SELECT * FROM provisioning_steps WHERE run_id = $1 ORDER BY seq`, [id])).rows;
  }

  it('finishes a run after its engine is killed in the middle of a step and started again, with no duplicate object', async () => {
    const org = newId('org');
    // The lab kills the engine process right after ann's mailbox was written, before the call
    // returns (the worst case for idempotency), and kills the next engine the same way.
    await replaceLabFaults(sqlOfPg(pool), { ...noFaults, rules: [{ procedure: 'Exchange.CreateMailbox', effect: 'exit', times: 2, organizationId: org }] });
    const [first] = await start(1);
    const r = await submitXml(pool, onboardXml(org, uniqueDomain('crash')));
    const died = await first.proc.exited;
    expect(died.signal).toBe('SIGKILL');
    const mid = await run(r.id);
    expect(mid.status).toBe('running');
    expect(mid.lease_owner).toBe(first.id);

    // The second engine takes the run over, re-executes the mailbox and dies too; a third survives.
    const [second] = await start(1);
    expect((await second.proc.exited).signal).toBe('SIGKILL');
    const [third] = await start(1);
    const done = await waitStatus(r.id, ['completed', 'failed', 'needs_attention']);
    expect(done.status).toBe('completed');
    expect(await labDuplicates(sqlOfPg(pool))).toEqual([]);
    expect(await labInventory(sqlOfPg(pool), org)).toMatchObject({ ous: 1, users: 3, mailboxes: 3, siteCollections: 1 });
    const steps = await journal(r.id);
    // Each takeover re-executed the step that was in flight, as a new attempt, by the new owner.
    const mailboxes = steps.filter((s) => s.procedure === 'CreateMailbox');
    expect(mailboxes.map((s) => [s.path, s.status, s.attempt, s.engine_id])).toEqual([
      ['4/u[ann]/Hosted User.Create/2/Exchange.CreateMailbox', 'completed', 3, third.id],
      ['4/u[bob]/Hosted User.Create/2/Exchange.CreateMailbox', 'completed', 1, third.id],
      ['4/u[cy]/Hosted User.Create/2/Exchange.CreateMailbox', 'completed', 1, third.id],
    ]);
    expect(steps.filter((s) => s.engine_id === second.id)).toEqual([]);
    const events = (await pool.query(`SELECT action, details FROM audit_events WHERE resource_id = $1 ORDER BY id`, [r.id])).rows;
    expect(events.map((e) => e.action)).toEqual(['run.started', 'run.taken_over', 'run.taken_over', 'run.completed']);
    expect(events[1].details.previousEngine).toBe(first.id);
    expect(events[2].details.previousEngine).toBe(second.id);
  });

  it('spreads 300 runs over 3 engine processes: all complete, every engine takes a share, nothing is duplicated', async () => {
    const started = await start(3);
    const runs: { org: string; run: RunRow }[] = [];
    for (let i = 0; i < 300; i++) {
      const org = newId('org');
      runs.push({ org, run: await submitXml(pool, usersXml(org, uniqueDomain('load'), ['ann', 'bob'])) });
    }
    await waitFor(
      async () => {
        const r = await pool.query(
          `SELECT count(*)::int AS n FROM provisioning_runs WHERE id = ANY($1) AND status IN ('completed', 'failed', 'needs_attention')`,
          [runs.map((x) => x.run.id)],
        );
        return r.rows[0].n === runs.length;
      },
      '300 runs to finish',
      120_000,
      100,
    );
    const statuses = (
      await pool.query(`SELECT status, count(*)::int AS n FROM provisioning_runs WHERE id = ANY($1) GROUP BY status`, [runs.map((x) => x.run.id)])
    ).rows;
    expect(statuses).toEqual([{ status: 'completed', n: 300 }]);
    const share = (
      await pool.query(`SELECT engine_id, count(*)::int AS n FROM provisioning_steps WHERE run_id = ANY($1) GROUP BY engine_id`, [runs.map((x) => x.run.id)])
    ).rows;
    const byEngine = Object.fromEntries(share.map((s) => [s.engine_id, s.n]));
    for (const e of started) expect(byEngine[e.id] ?? 0).toBeGreaterThan(0);
    expect(share.reduce((a, s) => a + s.n, 0)).toBe(900);
    expect(await labDuplicates(sqlOfPg(pool))).toEqual([]);
    const inv = await labInventory(sqlOfPg(pool));
    const mine = (
      await pool.query(
        `SELECT count(*)::int AS ous, (SELECT count(*)::int FROM lab.directory_users WHERE organization_id = ANY($1)) AS users FROM lab.directory_ous WHERE organization_id = ANY($1)`,
        [runs.map((x) => x.org)],
      )
    ).rows[0];
    expect(mine).toEqual({ ous: 300, users: 600 });
    expect(inv.ous).toBeGreaterThanOrEqual(300);
    // The heartbeat reports each engine's steps.
    await waitFor(async () => {
      const r = await pool.query(`SELECT sum(steps_done)::int AS n FROM engines WHERE id = ANY($1)`, [started.map((e) => e.id)]);
      return r.rows[0].n === 900;
    }, 'engines to report their steps');
  });

  it('fails over within 3 lease ttls when the engine holding a run is SIGKILLed mid-step', async () => {
    await replaceLabFaults(sqlOfPg(pool), { ...noFaults, latencyMs: 150 });
    const [a, b] = await start(2);
    const org = newId('org');
    const r = await submitXml(pool, onboardXml(org, uniqueDomain('fo')));
    // Wait until the run has journaled two steps: the third is in flight now (150 ms per call).
    const holder = await waitFor(
      async () => {
        const x = await run(r.id);
        return x.step_count >= 2 ? x.lease_owner : undefined;
      },
      'two journaled steps',
      30_000,
      5,
    );
    const victim = holder === a.id ? a : b;
    const survivor = holder === a.id ? b : a;
    const killedAt = Date.now();
    process.kill(victim.proc.pid, 'SIGKILL');
    await victim.proc.exited;
    const stepsAtKill = (await journal(r.id)).length;

    const firstBySurvivor = await waitFor(
      async () => {
        const rows = (await pool.query(`SELECT * FROM provisioning_steps WHERE run_id = $1 AND engine_id = $2 ORDER BY seq LIMIT 1`, [r.id, survivor.id])).rows;
        return rows[0];
      },
      'the survivor to journal a step',
      30_000,
      10,
    );
    const failoverMs = new Date(firstBySurvivor.finished_at).getTime() - killedAt;
    expect(failoverMs).toBeLessThan(3 * TTL_MS);
    const done = await waitStatus(r.id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    const steps = await journal(r.id);
    // The victim may have journaled the in-flight step just before dying; everything after is the survivor's.
    expect(steps.slice(stepsAtKill + 1).every((s) => s.engine_id === survivor.id)).toBe(true);
    expect(steps.filter((s) => s.status === 'completed')).toHaveLength(10);
    expect(new Set(steps.filter((s) => s.status === 'completed').map((s) => s.path)).size).toBe(10);
    expect(await labDuplicates(sqlOfPg(pool))).toEqual([]);
    expect(await labInventory(sqlOfPg(pool), org)).toMatchObject({ ous: 1, users: 3, mailboxes: 3, siteCollections: 1 });
    const dead = (await pool.query(`SELECT heartbeat_at < now() - interval '1 second' AS stale, state FROM engines WHERE id = $1`, [victim.id])).rows[0];
    expect(dead).toEqual({ stale: true, state: 'running' });
  });

  it('fences off an engine paused past its lease: after SIGCONT its write is refused and it abandons the run', async () => {
    await replaceLabFaults(sqlOfPg(pool), { ...noFaults, latencyMs: 400 });
    const [a, b] = await start(2);
    const org = newId('org');
    const r = await submitXml(pool, onboardXml(org, uniqueDomain('stop')));
    const holderId = await waitFor(
      async () => {
        const x = await run(r.id);
        return x.step_count >= 1 ? x.lease_owner : undefined;
      },
      'one journaled step',
      30_000,
      5,
    );
    const paused = holderId === a.id ? a : b;
    const successor = holderId === a.id ? b : a;
    // The holder is inside the 400 ms call of step 2 now: freeze it past its lease.
    process.kill(paused.proc.pid, 'SIGSTOP');
    const pausedEpoch = (await run(r.id)).lease_epoch;
    const taken = await waitFor(
      async () => {
        const x = await run(r.id);
        return x.lease_owner === successor.id ? x : undefined;
      },
      'the successor to take the run over',
      30_000,
      20,
    );
    expect(taken.lease_epoch).toBe(pausedEpoch + 1);
    // Let the successor journal the step the paused engine was in the middle of.
    await waitFor(async () => (await journal(r.id)).some((s) => s.engine_id === successor.id), 'a step by the successor', 30_000, 20);
    process.kill(paused.proc.pid, 'SIGCONT');
    await waitFor(
      async () => paused.proc.output.some((l) => l.includes(r.id) && /fenced off|lease lost|not renewed in time/.test(l)),
      'the paused engine to abandon the run',
      30_000,
      20,
    );
    const done = await waitStatus(r.id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    const steps = await journal(r.id);
    // Nothing the paused engine did after its lease expired is in the journal.
    expect(steps.filter((s) => s.engine_id === paused.id).every((s) => s.lease_epoch === pausedEpoch)).toBe(true);
    expect(steps.filter((s) => s.engine_id === paused.id)).toHaveLength(1);
    expect(steps.slice(1).every((s) => s.engine_id === successor.id && s.lease_epoch === pausedEpoch + 1)).toBe(true);
    expect(steps.filter((s) => s.status === 'completed')).toHaveLength(10);
    expect(await labDuplicates(sqlOfPg(pool))).toEqual([]);
    expect(await labInventory(sqlOfPg(pool), org)).toMatchObject({ ous: 1, users: 3, mailboxes: 3, siteCollections: 1 });
    // The paused engine is alive and well: it goes on claiming other work.
    expect(paused.proc.child.exitCode).toBeNull();
  });

  it('drains on SIGTERM: the step in flight finishes, the run is handed over, the engine stops', async () => {
    await replaceLabFaults(sqlOfPg(pool), { ...noFaults, latencyMs: 300 });
    const [a] = await start(1);
    const org = newId('org');
    const r = await submitXml(pool, onboardXml(org, uniqueDomain('term')));
    await waitFor(async () => (await run(r.id)).step_count >= 1, 'one journaled step', 30_000, 5);
    process.kill(a.proc.pid, 'SIGTERM');
    const exit = await a.proc.exited;
    expect(exit.code).toBe(0);
    const mid = await run(r.id);
    expect(mid.lease_owner).toBeNull();
    expect(mid.status).toBe('running');
    expect(mid.step_count).toBeGreaterThanOrEqual(2);
    expect((await pool.query(`SELECT state FROM engines WHERE id = $1`, [a.id])).rows[0].state).toBe('stopped');
    const [b] = await start(1);
    const done = await waitStatus(r.id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    const actions = (await pool.query(`SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY id`, [r.id])).rows.map((x) => x.action);
    expect(actions).toEqual(['run.started', 'run.completed']);
    expect((await journal(r.id)).at(-1).engine_id).toBe(b.id);
  });
});
