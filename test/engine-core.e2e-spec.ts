import { Pool } from 'pg';
import { appendAuditEvent } from '../src/audit/audit-writer';
import { createRun } from '../src/provisioning/engine/create-run';
import { Engine } from '../src/provisioning/engine/engine';
import { RunHookRegistry } from '../src/provisioning/engine/run-hooks';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { call, compiled, createTestTables, type Faults, linearMachine, newFaults, resolverOf, testProvider } from './helpers/engine-harness';
import { waitFor } from './helpers/wait';
import { pgTransaction, sqlOfPg } from '../src/database/sql';
import { resolveRun, retryRun, rollbackRun } from '../src/provisioning/runs/run-actions';

/**
 * The engine protocol against a real PostgreSQL with in-process engines and a test provider:
 * execution, journal, retries, compensation, parking, fencing, takeover, serialization keys,
 * hooks and graceful stop.
 */
describe('engine core', () => {
  let db: TestDatabase;
  let pool: Pool;
  let faults: Faults;
  const engines: Engine[] = [];
  let hooks: RunHookRegistry;

  async function startEngine(opts: { capacity?: number; ttl?: number; pollMs?: number } = {}) {
    const enginePool = new Pool({ connectionString: db.url, max: 10 });
    const engine = new Engine({
      pool: enginePool,
      resolver: resolverOf(testProvider(pool, faults)),
      createMachine: linearMachine,
      capacity: opts.capacity ?? 4,
      leaseTtlMs: opts.ttl ?? 1000,
      pollIntervalMs: opts.pollMs ?? 200,
      hooks,
      audit: appendAuditEvent,
    });
    const stop = engine.stop.bind(engine);
    let stopped: Promise<void> | undefined;
    engine.stop = () => (stopped ??= stop().then(() => enginePool.end()));
    await engine.start();
    engines.push(engine);
    return engine;
  }

  async function submit(ops: Parameters<typeof compiled>[0], opts: { onFailure?: 'rollback' | 'park'; key?: string; priority?: number } = {}) {
    return createRun(sqlOfPg(pool), { compiled: compiled(ops, opts.onFailure), serializationKey: opts.key, priority: opts.priority });
  }

  async function runStatus(id: string) {
    return (await pool.query(`SELECT * FROM provisioning_runs WHERE id = $1`, [id])).rows[0];
  }

  async function waitStatus(id: string, statuses: string[], timeoutMs = 20_000) {
    return waitFor(
      async () => {
        const r = await runStatus(id);
        return statuses.includes(r.status) ? r : undefined;
      },
      `run ${id} to reach ${statuses.join('|')}`,
      timeoutMs,
    );
  }

  async function journal(id: string) {
    return (await pool.query(`SELECT * FROM provisioning_steps WHERE run_id = $1 ORDER BY seq`, [id])).rows;
  }

  async function objects() {
    return (await pool.query(`SELECT key FROM test_objects ORDER BY key`)).rows.map((r) => r.key);
  }

  async function auditActions(id: string) {
    return (await pool.query(`SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY id`, [id])).rows.map((r) => r.action);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.ownerUrl, max: 6 });
    await createTestTables(pool);
  });

  beforeEach(async () => {
    faults = newFaults();
    hooks = new RunHookRegistry();
    await pool.query(`TRUNCATE test_objects, test_hook_calls`);
  });

  afterEach(async () => {
    await Promise.all(engines.splice(0).map((e) => e.stop()));
    // Runs left behind by a test must not leak into the next one.
    await pool.query(
      `UPDATE provisioning_runs SET status = 'cancelled', lease_owner = NULL WHERE status NOT IN ('completed', 'failed', 'cancelled', 'resolved')`,
    );
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('executes every step in order, journals each with the run state, and completes', async () => {
    await startEngine();
    const run = await submit([call('Create', { key: 'a' }), call('Create', { key: 'b' }), call('Read', { key: 'a' }, { kind: 'read' })]);
    const done = await waitStatus(run.id, ['completed']);
    expect(await objects()).toEqual(['a', 'b']);
    const steps = await journal(run.id);
    expect(steps.map((s) => [s.seq, s.phase, s.procedure, s.status, s.attempt])).toEqual([
      [1, 'execute', 'Create', 'completed', 1],
      [2, 'execute', 'Create', 'completed', 1],
      [3, 'execute', 'Read', 'completed', 1],
    ]);
    expect(steps[0].input).toEqual({ key: 'a' });
    expect(steps[0].output).toEqual({ created: 'a' });
    expect(steps[0].rollback_data).toEqual({ key: 'a' });
    expect(steps[0].natural_key).toBe('obj:a');
    expect(steps[2].output).toEqual({ exists: true });
    expect(done.state.pc).toBe(3);
    expect(done.lease_owner).toBeNull();
    expect(done.finished_at).not.toBeNull();
    expect(done.response_xml).toBe(
      '<response xmlns="urn:provisio:request:1" status="completed"><data><created>a</created><created>b</created><exists>true</exists></data></response>',
    );
    expect(await auditActions(run.id)).toEqual(['run.started', 'run.completed']);
    const actor = (await pool.query(`SELECT details FROM audit_events WHERE resource_id = $1 LIMIT 1`, [run.id])).rows[0].details;
    expect(actor.system).toBe(`engine:${engines[0].id}`);
  });

  it('retries a retryable failure with back-off and journals every attempt', async () => {
    await startEngine();
    faults.fail.set('a', { times: 2, retryable: true });
    const run = await submit([call('Create', { key: 'a' })]);
    await waitStatus(run.id, ['completed']);
    const steps = await journal(run.id);
    expect(steps.map((s) => [s.status, s.attempt, s.retryable, s.error?.code ?? null])).toEqual([
      ['failed', 1, true, 'T_TRANSIENT'],
      ['failed', 2, true, 'T_TRANSIENT'],
      ['completed', 3, null, null],
    ]);
    // The back-off separates attempts (base 20 ms, doubling, jitter ±25%).
    expect(new Date(steps[1].started_at).getTime() - new Date(steps[0].finished_at).getTime()).toBeGreaterThanOrEqual(14);
    expect(new Date(steps[2].started_at).getTime() - new Date(steps[1].finished_at).getTime()).toBeGreaterThanOrEqual(29);
  });

  it('compensates completed write steps newest first when a step fails for good, and ends failed', async () => {
    await startEngine();
    faults.fail.set('c', { times: 1, retryable: false });
    const run = await submit([
      call('Create', { key: 'a' }),
      call('Read', { key: 'a' }, { kind: 'read' }),
      call('Create', { key: 'b' }),
      call('Create', { key: 'c' }),
      call('Create', { key: 'd' }),
    ]);
    const done = await waitStatus(run.id, ['failed']);
    expect(await objects()).toEqual([]);
    const steps = await journal(run.id);
    expect(steps.map((s) => `${s.phase}:${s.path}:${s.status}`)).toEqual([
      'execute:Create[a]:completed',
      'execute:Read[a]:completed',
      'execute:Create[b]:completed',
      'execute:Create[c]:failed',
      'rollback:Create[b]:completed',
      'rollback:Create[a]:completed',
    ]);
    expect(steps[4].compensates_seq).toBe(3);
    expect(steps[5].compensates_seq).toBe(1);
    expect(done.error).toMatchObject({
      code: 'T_PERMANENT',
      retryable: false,
      phase: 'execute',
      namespace: 'T',
      procedure: 'Create',
      path: 'Create[c]',
      stepSeq: 4,
    });
    expect(done.response_xml).toContain('<response xmlns="urn:provisio:request:1" status="failed">');
    expect(done.response_xml).toContain(
      '<errorContext code="T_PERMANENT" retryable="false"><errorSource namespace="T" procedure="Create" step="Create[c]"/><description>injected failure of c</description></errorContext>',
    );
    expect(await auditActions(run.id)).toEqual(['run.started', 'run.compensated', 'run.failed']);
  });

  it('rolls back a failed step whose outcome is unknown (timeout) with the others', async () => {
    await startEngine();
    faults.delay.set('b', 80);
    const run = await submit([call('Create', { key: 'a' }), call('Create', { key: 'b' }, { timeoutMs: 50, retries: 0 })]);
    await waitStatus(run.id, ['failed']);
    const steps = await journal(run.id);
    expect(steps.map((s) => `${s.phase}:${s.path}:${s.status}:${s.outcome_unknown}`)).toEqual([
      'execute:Create[a]:completed:false',
      'execute:Create[b]:failed:true',
      'rollback:Create[b]:completed:false',
      'rollback:Create[a]:completed:false',
    ]);
    expect(steps[1].error.code).toBe('STEP_TIMEOUT');
    // The engine let the slow call settle before compensating, so its late insert was undone too.
    expect(await objects()).toEqual([]);
  });

  it('puts the run in needs_attention with the error when a rollback keeps failing', async () => {
    await startEngine();
    faults.fail.set('c', { times: 1, retryable: false });
    faults.failRollback.set('b', { times: 99, retryable: true });
    const run = await submit([call('Create', { key: 'a' }), call('Create', { key: 'b' }), call('Create', { key: 'c' })]);
    const done = await waitStatus(run.id, ['needs_attention']);
    expect(done.error).toMatchObject({ code: 'T_TRANSIENT', phase: 'rollback', procedure: 'Create', path: 'Create[b]' });
    expect(done.error.details.failure.code).toBe('T_PERMANENT');
    expect(done.response_xml).toContain('status="needs_attention"');
    expect(done.lease_owner).toBeNull();
    const steps = await journal(run.id);
    const rollbacks = steps.filter((s) => s.phase === 'rollback');
    expect(rollbacks.map((s) => [s.path, s.status, s.attempt])).toEqual([
      ['Create[b]', 'failed', 1],
      ['Create[b]', 'failed', 2],
      ['Create[b]', 'failed', 3],
    ]);
    // a was never rolled back: compensation stopped at b and says so instead of pretending.
    expect(await objects()).toEqual(['a', 'b']);
    expect(await auditActions(run.id)).toEqual(['run.started', 'run.needs_attention']);
  });

  it('parks a run whose request says onFailure="park", keeping its state before the failed step', async () => {
    await startEngine();
    faults.fail.set('b', { times: 1, retryable: false });
    const run = await submit([call('Create', { key: 'a' }), call('Create', { key: 'b' })], { onFailure: 'park' });
    const parked = await waitStatus(run.id, ['parked']);
    expect(parked.state.pc).toBe(1);
    expect(parked.lease_owner).toBeNull();
    expect(parked.parked_reason).toContain('T_PERMANENT');
    expect(await objects()).toEqual(['a']);
    expect(await auditActions(run.id)).toEqual(['run.started', 'run.parked']);
  });

  it('continues in the catch body when a step inside try fails', async () => {
    await startEngine();
    faults.fail.set('b', { times: 1, retryable: false });
    const run = await submit([
      { op: 'try', path: 'try', bindings: {}, catchAt: 3, endAt: 4 },
      call('Create', { key: 'b' }),
      { op: 'endTry', path: 'endTry', bindings: {}, endAt: 4 },
      call('Create', { key: 'caught' }),
      call('Create', { key: 'after' }),
    ]);
    await waitStatus(run.id, ['completed']);
    expect(await objects()).toEqual(['after', 'caught']);
  });

  it('fences off a write after the lease was taken away, and never writes for that run again', async () => {
    await startEngine();
    let resolveStarted!: () => void;
    const started = new Promise<void>((r) => (resolveStarted = r));
    faults.delay.set('slow', 400);
    faults.onExecute = (key) => key === 'slow' && resolveStarted();
    const run = await submit([call('Create', { key: 'slow' }), call('Create', { key: 'next' })]);
    await started;
    // Another holder appears (as after an expiry and a takeover): a new owner and epoch.
    await pool.query(
      `UPDATE provisioning_runs SET lease_owner = 'eng_other', lease_epoch = lease_epoch + 1, lease_expires_at = now() + interval '1 hour' WHERE id = $1`,
      [run.id],
    );
    await waitFor(async () => engines[0].stats().runsHeld === 0, 'the engine to abandon the run');
    expect(await journal(run.id)).toEqual([]);
    const r = await runStatus(run.id);
    expect(r.lease_owner).toBe('eng_other');
    expect(r.state.pc).toBe(0);
  });

  it('takes over a run whose lease expired, re-executes the in-flight step and audits the takeover', async () => {
    const run = await submit([call('Create', { key: 'a' }), call('Create', { key: 'b' })]);
    // A dead engine held it while executing step 1 (which had already created "a").
    await pool.query(`INSERT INTO test_objects (key, created_by) VALUES ('a', 'eng_dead')`);
    await pool.query(
      `UPDATE provisioning_runs SET status = 'running', started_at = now(), lease_owner = 'eng_dead', lease_epoch = 1, lease_expires_at = now() - interval '1 second' WHERE id = $1`,
      [run.id],
    );
    const engine = await startEngine();
    const done = await waitStatus(run.id, ['completed']);
    expect(await objects()).toEqual(['a', 'b']);
    const steps = await journal(run.id);
    expect(steps.map((s) => [s.path, s.attempt, s.engine_id, s.lease_epoch])).toEqual([
      ['Create[a]', 2, engine.id, 2],
      ['Create[b]', 1, engine.id, 2],
    ]);
    expect(done.lease_epoch).toBe(2);
    const events = (await pool.query(`SELECT action, details FROM audit_events WHERE resource_id = $1 ORDER BY id`, [run.id])).rows;
    expect(events.map((e) => e.action)).toEqual(['run.taken_over', 'run.completed']);
    expect(events[0].details.previousEngine).toBe('eng_dead');
  });

  it('keeps runs with the same serialization key in order and lets a parked run block its key', async () => {
    await startEngine({ capacity: 8 });
    faults.fail.set('p', { times: 1, retryable: false });
    faults.delay.set('k1', 150);
    const first = await submit([call('Create', { key: 'k1' })], { key: 'org:1' });
    const second = await submit([call('Create', { key: 'k2' })], { key: 'org:1' });
    const other = await submit([call('Create', { key: 'x' })], { key: 'org:2' });
    await waitStatus(second.id, ['completed']);
    const s1 = (await journal(first.id))[0];
    const s2 = (await journal(second.id))[0];
    expect(new Date(s2.started_at).getTime()).toBeGreaterThanOrEqual(new Date(s1.finished_at).getTime());
    await waitStatus(other.id, ['completed']);

    const parked = await submit([call('Create', { key: 'p' })], { key: 'org:3', onFailure: 'park' });
    await waitStatus(parked.id, ['parked']);
    const blocked = await submit([call('Create', { key: 'q' })], { key: 'org:3' });
    const free = await submit([call('Create', { key: 'r' })], { key: 'org:4' });
    await waitStatus(free.id, ['completed']);
    // The engine saw the blocked run (same poll, same NOTIFY) and left it queued.
    expect((await runStatus(blocked.id)).status).toBe('queued');
    await pool.query(`UPDATE provisioning_runs SET status = 'resolved', finished_at = now() WHERE id = $1`, [parked.id]);
    await pool.query(`SELECT pg_notify('provisio_runs', '')`);
    await waitStatus(blocked.id, ['completed']);
  });

  it('takes over a compensation in flight and finishes it, each rollback journaled once', async () => {
    await startEngine();
    faults.fail.set('c', { times: 1, retryable: false });
    faults.rollbackDelay.set('b', 300);
    let resolveStarted!: () => void;
    const started = new Promise<void>((r) => (resolveStarted = r));
    faults.onRollback = (key) => key === 'b' && resolveStarted();
    const run = await submit([call('Create', { key: 'a' }), call('Create', { key: 'b' }), call('Create', { key: 'c' })]);
    await started;
    // The engine compensating it "dies": its lease passes to a dead owner and expires at once.
    await pool.query(
      `UPDATE provisioning_runs SET lease_owner = 'eng_dead', lease_epoch = lease_epoch + 1, lease_expires_at = now() - interval '1 second' WHERE id = $1`,
      [run.id],
    );
    const done = await waitStatus(run.id, ['failed', 'needs_attention']);
    expect(done.status).toBe('failed');
    expect(done.error.code).toBe('T_PERMANENT');
    expect(await objects()).toEqual([]);
    const rollbacks = (await journal(run.id)).filter((s) => s.phase === 'rollback');
    // The rollback of b in flight at the takeover was fenced off and done again by the new holder.
    expect(rollbacks.map((s) => [s.path, s.status, s.lease_epoch])).toEqual([
      ['Create[b]', 'completed', done.lease_epoch],
      ['Create[a]', 'completed', done.lease_epoch],
    ]);
    expect(await auditActions(run.id)).toEqual(['run.started', 'run.taken_over', 'run.compensated', 'run.failed']);
  });

  it('lets an operator roll a needs_attention run back once the platform works again', async () => {
    await startEngine();
    faults.fail.set('c', { times: 1, retryable: false });
    faults.failRollback.set('b', { times: 3, retryable: false });
    const run = await submit([call('Create', { key: 'a' }), call('Create', { key: 'b' }), call('Create', { key: 'c' })]);
    const stuck = await waitStatus(run.id, ['needs_attention']);
    expect(stuck.error.phase).toBe('rollback');
    expect(await objects()).toEqual(['a', 'b']);
    // Fix the platform (the fault has 2 failures left: clear it), then compensate again.
    faults.failRollback.clear();
    const actor = { userId: null, system: 'test-operator' };
    await pgTransaction(pool, (sql) => rollbackRun(sql, run.id, actor, { hooks }));
    const done = await waitStatus(run.id, ['failed', 'needs_attention']);
    expect(done.status).toBe('failed');
    // The response reports the original failure again, not the rollback that was stuck.
    expect(done.error).toMatchObject({ code: 'T_PERMANENT', phase: 'execute', path: 'Create[c]' });
    expect(await objects()).toEqual([]);
    const rollbacks = (await journal(run.id)).filter((s) => s.phase === 'rollback');
    expect(rollbacks.map((s) => `${s.path}:${s.status}`)).toEqual(['Create[b]:failed', 'Create[b]:completed', 'Create[a]:completed']);
  });

  it('replays a failed run from the start on retry: what was rolled back is created again', async () => {
    await startEngine();
    faults.fail.set('c', { times: 1, retryable: false });
    const run = await submit([call('Create', { key: 'a' }), call('Create', { key: 'b' }), call('Create', { key: 'c' })]);
    await waitStatus(run.id, ['failed']);
    expect(await objects()).toEqual([]);
    const retried = await pgTransaction(pool, (sql) => retryRun(sql, run.id, { system: 'test-operator' }, { hooks }));
    expect(retried.status).toBe('queued');
    const done = await waitStatus(run.id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(await objects()).toEqual(['a', 'b', 'c']);
    const executes = (await journal(run.id)).filter((s) => s.phase === 'execute' && s.status === 'completed').map((s) => s.path);
    expect(executes).toEqual(['Create[a]', 'Create[b]', 'Create[a]', 'Create[b]', 'Create[c]']);
    // Resolving a completed run is refused.
    await expect(pgTransaction(pool, (sql) => resolveRun(sql, run.id, { system: 'test-operator' }, 'done', { hooks }))).rejects.toMatchObject({
      code: 'RUN_STATE_CONFLICT',
    });
  });

  it('wakes an idle engine with NOTIFY: a new run starts long before the next poll', async () => {
    await startEngine({ pollMs: 60_000 });
    // Let the engine's first claim (at start) pass, so only a notification can wake it.
    await new Promise((r) => setTimeout(r, 100));
    const run = await submit([call('Create', { key: 'n' })]);
    const done = await waitStatus(run.id, ['completed'], 5_000);
    expect(done.status).toBe('completed');
  });

  it('claims by priority, then age', async () => {
    const low = await submit([call('Create', { key: 'low' })], { priority: 200 });
    const high = await submit([call('Create', { key: 'high' })], { priority: 10 });
    await startEngine({ capacity: 1 });
    await waitStatus(low.id, ['completed']);
    const [h] = await journal(high.id);
    const [l] = await journal(low.id);
    expect(new Date(h.finished_at).getTime()).toBeLessThanOrEqual(new Date(l.started_at).getTime());
  });

  it('calls terminal and status hooks inside the transaction that changes the status', async () => {
    hooks.onStatus(async (sql, run, change) => {
      await sql.query(`INSERT INTO test_hook_calls (run_id, status, previous) VALUES ($1, $2, $3)`, [run.id, run.status, change.previousStatus]);
    });
    hooks.onTerminal(async (sql, run, change) => {
      await sql.query(`INSERT INTO test_hook_calls (run_id, status, previous) VALUES ($1, $2, $3)`, [run.id, run.status, change.previousStatus]);
    });
    await startEngine();
    faults.fail.set('f', { times: 1, retryable: false });
    const ok = await submit([call('Create', { key: 'ok' })]);
    const bad = await submit([call('Create', { key: 'a' }), call('Create', { key: 'f' })]);
    await waitStatus(ok.id, ['completed']);
    await waitStatus(bad.id, ['failed']);
    const calls = async (id: string) =>
      (await pool.query(`SELECT status, previous FROM test_hook_calls WHERE run_id = $1 ORDER BY at`, [id])).rows.map((r) => `${r.previous}>${r.status}`);
    expect(await calls(ok.id)).toEqual(['queued>running', 'running>completed']);
    expect(await calls(bad.id)).toEqual(['queued>running', 'running>compensating', 'compensating>failed']);
  });

  it('rolls the status change back when a terminal hook fails, and retries it later', async () => {
    let failures = 1;
    hooks.onTerminal(async () => {
      if (failures-- > 0) throw new Error('orders module unavailable');
    });
    await startEngine();
    const run = await submit([call('Create', { key: 'a' })]);
    const done = await waitStatus(run.id, ['completed'], 10_000);
    expect(done.status).toBe('completed');
    expect((await auditActions(run.id)).filter((a) => a === 'run.completed')).toHaveLength(1);
  });

  it('drains on stop: finishes the step in flight, gives the run back and marks the engine stopped', async () => {
    const engine = await startEngine();
    let resolveStarted!: () => void;
    const started = new Promise<void>((r) => (resolveStarted = r));
    faults.delay.set('slow', 300);
    faults.onExecute = (key) => key === 'slow' && resolveStarted();
    const run = await submit([call('Create', { key: 'slow' }), call('Create', { key: 'later' })]);
    await started;
    await engine.stop();
    const r = await runStatus(run.id);
    expect(r.status).toBe('running');
    expect(r.lease_owner).toBeNull();
    expect(r.state.pc).toBe(1);
    expect((await journal(run.id)).map((s) => s.path)).toEqual(['Create[slow]']);
    const e = (await pool.query(`SELECT state, steps_done, runs_held FROM engines WHERE id = $1`, [engine.id])).rows[0];
    expect(e).toMatchObject({ state: 'stopped', runs_held: 0 });
    expect(Number(e.steps_done)).toBe(1);
    // Another engine continues at once (handover, not takeover: no run.taken_over event).
    await startEngine();
    await waitStatus(run.id, ['completed']);
    expect(await auditActions(run.id)).toEqual(['run.started', 'run.completed']);
  });

  it('spreads runs over engines by their free capacity', async () => {
    const a = await startEngine({ capacity: 2 });
    const b = await startEngine({ capacity: 2 });
    for (const k of ['1', '2', '3', '4', '5', '6', '7', '8']) faults.delay.set(k, 60);
    const runs = await Promise.all(['1', '2', '3', '4', '5', '6', '7', '8'].map((k) => submit([call('Create', { key: k })])));
    for (const r of runs) await waitStatus(r.id, ['completed']);
    const by = (
      await pool.query(`SELECT engine_id, count(*)::int AS n FROM provisioning_steps WHERE run_id = ANY($1) GROUP BY engine_id`, [runs.map((r) => r.id)])
    ).rows;
    const counts = Object.fromEntries(by.map((r) => [r.engine_id, r.n]));
    expect(counts[a.id]).toBeGreaterThan(0);
    expect(counts[b.id]).toBeGreaterThan(0);
  });
});
