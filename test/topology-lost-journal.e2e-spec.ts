import { Client, Pool } from 'pg';
import { newId } from '../src/common/ids';
import { sqlOfPg } from '../src/database/sql';
import { labDuplicates, labInventory } from '../src/provisioning/providers/lab';
import { replaceLabFaults } from '../src/provisioning/providers/lab/lab-faults';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { type EngineProcess, killAll, spawnEngine, submitXml, uniqueDomain, usersXml } from './helpers/engine-e2e';
import { waitFor } from './helpers/wait';

/**
 * What a database failover does to an engine that holds a run: engines commit their journal
 * asynchronously, so the new primary may lack the last entries the engine wrote before the old
 * primary died, while the engine, still holding the lease, remembers them. Here the loss is made
 * by hand while the engine is stopped for a moment (the last journal entries and the run's advance
 * removed, the platform's objects kept, as a platform outside the database keeps them). The run
 * must still end with a whole journal and every object exactly once: the engine may not write on
 * top of entries the database no longer has.
 */
describe('an engine whose last journal writes were lost with a failover', () => {
  let db: TestDatabase;
  let pool: Pool;
  const engines: EngineProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
    // Slow platform calls: the run stays mid-way long enough to lose a write under it.
    await replaceLabFaults(sqlOfPg(pool), { latencyMs: 250, jitterMs: 0, transientErrorRate: 0, permanentErrorRate: 0, rules: [] });
  });

  afterAll(async () => {
    await killAll(engines);
    await pool.end();
    await db.drop();
  });

  interface Snapshot {
    step_count: number;
    state: unknown;
    attempts: number;
    step_in_doubt: boolean;
  }

  /** Removes the journal entries after `to` and puts the run back where it was then. */
  async function loseWritesAfter(runId: string, to: Snapshot) {
    const admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      await admin.query('BEGIN');
      // The journal is insert-only (a trigger); a failover is the one thing allowed to forget.
      await admin.query(`SET LOCAL session_replication_role = replica`);
      await admin.query(`DELETE FROM provisioning_steps WHERE run_id = $1 AND seq > $2`, [runId, to.step_count]);
      await admin.query(`UPDATE provisioning_runs SET step_count = $2, state = $3, attempts = $4, step_in_doubt = $5 WHERE id = $1`, [
        runId,
        to.step_count,
        JSON.stringify(to.state),
        to.attempts,
        to.step_in_doubt,
      ]);
      await admin.query('COMMIT');
    } finally {
      await admin.end();
    }
  }

  it('resumes from what the database holds: the journal stays whole and every user exists once', async () => {
    const engine = spawnEngine(db.url, { ENGINE_LEASE_TTL: '2s' });
    engines.push(engine);
    await engine.engineId();
    const orgId = newId('org');
    const aliases = ['ann', 'bob', 'cy', 'dee', 'eve', 'fay'];
    const run = await submitXml(pool, usersXml(orgId, uniqueDomain('lost'), aliases));

    // Watch the run's durable advance; keep each state it passed through.
    const seen = new Map<number, Snapshot>();
    const current = async () =>
      (
        await pool.query<Snapshot & { status: string }>(`SELECT step_count, state, attempts, step_in_doubt, status FROM provisioning_runs WHERE id = $1`, [
          run.id,
        ])
      ).rows[0];
    const reached = await waitFor(
      async () => {
        const r = await current();
        seen.set(r.step_count, r);
        return r.step_count >= 3 && r.status === 'running' ? r : undefined;
      },
      'the run to be three steps in',
      60_000,
      5,
    );

    // The failover: the engine pauses, its newest writes vanish, it goes on.
    process.kill(engine.pid, 'SIGSTOP');
    const now = await current();
    const back = [...seen.values()].filter((s) => s.step_count < now.step_count).sort((a, b) => b.step_count - a.step_count)[0];
    expect(back).toBeDefined();
    await loseWritesAfter(run.id, back);
    process.kill(engine.pid, 'SIGCONT');
    expect(now.step_count).toBeGreaterThanOrEqual(reached.step_count);

    const done = await waitFor(
      async () => {
        const r = await current();
        return ['completed', 'failed', 'needs_attention'].includes(r.status) ? r : undefined;
      },
      'the run to end',
      120_000,
    );
    expect(done.status).toBe('completed');
    const seqs = (await pool.query<{ seq: number }>(`SELECT seq FROM provisioning_steps WHERE run_id = $1 ORDER BY seq`, [run.id])).rows.map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: done.step_count }, (_, i) => i + 1));
    const inventory = await labInventory(sqlOfPg(pool), orgId);
    expect(inventory.ous).toBe(1);
    expect(inventory.users).toBe(aliases.length);
    expect(await labDuplicates(sqlOfPg(pool))).toEqual([]);
  }, 180_000);
});
