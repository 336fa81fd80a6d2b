import { Pool } from 'pg';
import { newId } from '../src/common/ids';
import { sqlOfPg } from '../src/database/sql';
import { labDuplicates, labInventory } from '../src/provisioning/providers/lab';
import { type LabFaultConfig, replaceLabFaults, resetLabFaults } from '../src/provisioning/providers/lab/lab-faults';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { type EngineProcess, killAll, spawnEngine, submitXml, uniqueDomain } from './helpers/engine-e2e';
import { waitFor } from './helpers/wait';

/**
 * Parallel forEach (`parallel="N"`) run by real engine processes on a real PostgreSQL against the
 * lab: at most N calls of one run at a time, never two on one object, every call a journaled step;
 * a failure in one branch compensates every completed step in reverse order of completion; an
 * engine killed mid-way leaves the unfinished branches to the next engine, nothing duplicated.
 */
describe('parallel forEach on engine processes', () => {
  let db: TestDatabase;
  let pool: Pool;
  let engines: EngineProcess[] = [];
  const noFaults: LabFaultConfig = { latencyMs: 0, jitterMs: 0, transientErrorRate: 0, permanentErrorRate: 0, rules: [] };

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
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

  function start(): EngineProcess {
    const e = spawnEngine(db.url);
    engines.push(e);
    return e;
  }

  /** An OU, then per user (in parallel, up to `parallel`): create it, then rename it. */
  function requestXml(org: string, aliases: string[], parallel: number): string {
    const users = aliases.map((a) => `<user alias="${a}" displayName="User ${a}"/>`).join('');
    const orgOf = `<before source="data" sourcePath="organization/@id | organization/@domain" destinationPath="organization" mode="merge"/>`;
    return `<request xmlns="urn:provisio:request:1">
  <data><organization id="${org}" name="Org ${org}" domain="${uniqueDomain('par')}"/><users>${users}</users></data>
  <procedure>
    <execute namespace="Directory" procedure="CreateOrganization"><before source="data" sourcePath="organization" mode="insert"/></execute>
    <forEach name="u" root="data" path="users/user" parallel="${parallel}">
      <execute namespace="Directory" procedure="CreateUser">${orgOf}<before source="u" mode="insert"/></execute>
      <execute namespace="Directory" procedure="SetUserProperties"><executeData><user displayName="Renamed"/></executeData>${orgOf}<before source="u" sourcePath="@alias" destinationPath="user" mode="merge"/></execute>
    </forEach>
  </procedure>
</request>`;
  }

  interface Step {
    seq: number;
    phase: string;
    path: string;
    procedure: string;
    natural_key: string | null;
    status: string;
    compensates_seq: number | null;
    attempt: number;
    engine_id: string;
    started_at: Date;
    finished_at: Date;
  }

  const journal = async (runId: string) => (await pool.query<Step>(`SELECT * FROM provisioning_steps WHERE run_id = $1 ORDER BY seq`, [runId])).rows;

  const finished = (runId: string) =>
    waitFor(
      async () => {
        const r = (await pool.query(`SELECT status, error FROM provisioning_runs WHERE id = $1`, [runId])).rows[0];
        return ['completed', 'failed', 'needs_attention', 'parked'].includes(r.status) ? r : undefined;
      },
      `run ${runId} to finish`,
      120_000,
      50,
    );

  /** The most calls running at one instant (an end and a start at the same instant do not overlap). */
  function maxOverlap(steps: Step[]): number {
    const edges = steps.flatMap((s) => [
      { t: s.started_at.getTime(), d: 1 },
      { t: s.finished_at.getTime(), d: -1 },
    ]);
    edges.sort((a, b) => a.t - b.t || a.d - b.d);
    let open = 0;
    let max = 0;
    for (const e of edges) max = Math.max(max, (open += e.d));
    return max;
  }

  it('runs up to N iterations at a time, each call a journaled step, and never two calls on one object at once', async () => {
    await replaceLabFaults(sqlOfPg(pool), { ...noFaults, latencyMs: 150 });
    start();
    const org = newId('org');
    // ann and bob come twice: their calls must wait for the earlier iteration's.
    const aliases = ['ann', 'bob', 'cy', 'ann', 'dee', 'bob', 'eve', 'fay', 'gus'];
    const run = await submitXml(pool, requestXml(org, aliases, 3));
    expect((await finished(run.id)).status).toBe('completed');

    const steps = await journal(run.id);
    expect(steps.map((s) => s.seq)).toEqual(steps.map((_, i) => i + 1));
    const calls = steps.filter((s) => s.procedure !== 'CreateOrganization');
    expect(calls).toHaveLength(aliases.length * 2);
    expect(calls.every((s) => s.status === 'completed' && s.phase === 'execute')).toBe(true);
    const bound = maxOverlap(calls);
    expect(bound).toBeLessThanOrEqual(3);
    expect(bound).toBeGreaterThan(1);
    const byKey = new Map<string | null, Step[]>();
    for (const s of calls) byKey.set(s.natural_key, [...(byKey.get(s.natural_key) ?? []), s]);
    expect(byKey.get(`directory-user:${org}:ann`)).toHaveLength(4);
    for (const [, same] of byKey) expect(maxOverlap(same)).toBe(1);
    expect(await labInventory(sqlOfPg(pool), org)).toMatchObject({ ous: 1, users: 7 });
    expect(await labDuplicates(sqlOfPg(pool))).toEqual([]);
  });

  it('a failure in one branch lets the running calls finish, then compensates every completed step in reverse order of completion', async () => {
    const org = newId('org');
    await replaceLabFaults(sqlOfPg(pool), {
      ...noFaults,
      latencyMs: 100,
      jitterMs: 100,
      rules: [{ procedure: 'Directory.SetUserProperties', effect: 'permanent', times: 1, organizationId: org }],
    });
    start();
    const run = await submitXml(pool, requestXml(org, ['ann', 'bob', 'cy', 'dee', 'eve', 'fay'], 3));
    const done = await finished(run.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatchObject({ code: 'LAB_PERMANENT', procedure: 'SetUserProperties' });

    const steps = await journal(run.id);
    const executed = steps.filter((s) => s.phase === 'execute' && s.status === 'completed');
    const rollbacks = steps.filter((s) => s.phase === 'rollback');
    // More than the OU and the failed iteration's user: other branches had completed calls.
    expect(executed.length).toBeGreaterThan(2);
    expect(rollbacks.every((s) => s.status === 'completed')).toBe(true);
    expect(rollbacks.map((s) => s.compensates_seq)).toEqual(executed.map((s) => s.seq).reverse());
    // Every rollback comes after the last execution: the calls in flight at the failure settled first.
    expect(Math.min(...rollbacks.map((s) => s.seq))).toBeGreaterThan(Math.max(...steps.filter((s) => s.phase === 'execute').map((s) => s.seq)));
    expect(await labInventory(sqlOfPg(pool), org)).toMatchObject({ ous: 0, users: 0 });
  });

  it('an engine killed mid-way: the next one resumes every unfinished branch, nothing duplicated, nothing lost', async () => {
    const org = newId('org');
    // The first engine dies right after a rename committed in the lab, with other branches in flight.
    await replaceLabFaults(sqlOfPg(pool), {
      ...noFaults,
      latencyMs: 100,
      rules: [{ procedure: 'Directory.SetUserProperties', effect: 'exit', times: 1, organizationId: org }],
    });
    const first = start();
    const firstId = await first.engineId();
    const aliases = ['ann', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus', 'hal'];
    const run = await submitXml(pool, requestXml(org, aliases, 4));
    expect((await first.exited).signal).toBe('SIGKILL');
    const before = await journal(run.id);
    expect(before.every((s) => s.engine_id === firstId)).toBe(true);
    expect(before.length).toBeLessThan(1 + aliases.length * 2);

    const second = start();
    const secondId = await second.engineId();
    expect((await finished(run.id)).status).toBe('completed');
    const steps = await journal(run.id);
    const completed = steps.filter((s) => s.status === 'completed');
    // Every call completed exactly once in the journal; the second engine did all that was left.
    expect(completed).toHaveLength(1 + aliases.length * 2);
    expect(new Set(completed.map((s) => s.path)).size).toBe(completed.length);
    expect(steps.slice(before.length).every((s) => s.engine_id === secondId)).toBe(true);
    const resumed = new Set(steps.slice(before.length).map((s) => s.path.match(/u\[([^\]]+)\]/)?.[1]));
    expect(resumed.size).toBeGreaterThan(1);
    expect(await labDuplicates(sqlOfPg(pool))).toEqual([]);
    expect(await labInventory(sqlOfPg(pool), org)).toMatchObject({ ous: 1, users: aliases.length });
    const names = (await pool.query(`SELECT DISTINCT display_name FROM lab.directory_users WHERE organization_id = $1`, [org])).rows;
    expect(names).toEqual([{ display_name: 'Renamed' }]);
  });
});
