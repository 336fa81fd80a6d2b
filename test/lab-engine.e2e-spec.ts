import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { Pool } from 'pg';
import { newId } from '../src/common/ids';
import { sqlOfPg } from '../src/database/sql';
import { appendAuditEvent } from '../src/audit/audit-writer';
import { createRunHooks } from '../src/app/run-hooks';
import { createRun } from '../src/provisioning/engine/create-run';
import { Engine } from '../src/provisioning/engine/engine';
import { compileRequest } from '../src/provisioning/language/compiler';
import { createMachine } from '../src/provisioning/language/machine';
import { NamespaceRegistry } from '../src/provisioning/namespaces/namespace-registry';
import { createLabProvider, type FaultRule, labDuplicates, labInventory, labState, replaceLabFaults, resetLabFaults } from '../src/provisioning/providers/lab';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { waitFor } from './helpers/wait';

/**
 * The lab under the real engine: injected faults are retried or compensated, and an engine
 * killed right after a lab write leaves, once another engine finished the run, exactly one of
 * every object.
 */
describe('lab provider under the engine', () => {
  let db: TestDatabase;
  let pool: Pool;
  let registry: NamespaceRegistry;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 8 });
    registry = await NamespaceRegistry.load([createLabProvider(pool)]);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });
  afterEach(() => resetLabFaults(sqlOfPg(pool)));

  const noFaults = { latencyMs: 0, jitterMs: 0, transientErrorRate: 0, permanentErrorRate: 0 };

  /** OU, Exchange, accepted domain, two users with mailboxes (Hosted User.Create) and a site. */
  function onboarding(orgId: string, domain: string): string {
    return `<request xmlns="urn:provisio:request:1" onFailure="rollback">
  <data>
    <organization id="${orgId}" name="Fabrikam" domain="${domain}"/>
    <users><user alias="ann" displayName="Ann Lee" mailboxSizeMb="1024"/><user alias="bob" displayName="Bob Ray" mailboxSizeMb="2048"/></users>
    <site url="https://sites.lab.example/${domain}" title="Intranet" quotaMb="500"/>
  </data>
  <procedure>
    <execute namespace="Directory" procedure="CreateOrganization"><before source="data" sourcePath="organization" mode="insert"/></execute>
    <execute namespace="Exchange" procedure="EnableOrganization"><before source="data" sourcePath="organization/@id | organization/@name" destinationPath="organization" mode="merge"/></execute>
    <execute namespace="Exchange" procedure="AddAcceptedDomain"><before source="data" sourcePath="organization/@id | organization/@domain" destinationPath="organization" mode="merge"/></execute>
    <forEach name="u" root="data" path="users/user">
      <execute namespace="Hosted User" procedure="Create">
        <before source="data" sourcePath="organization" mode="insert"/>
        <before source="u" mode="insert"/>
      </execute>
    </forEach>
    <execute namespace="SharePoint" procedure="CreateSiteCollection">
      <before source="data" sourcePath="organization/@id" destinationPath="organization" mode="merge"/>
      <before source="data" sourcePath="site" mode="insert"/>
    </execute>
  </procedure>
</request>`;
  }

  async function submit(orgId: string, domain: string) {
    const id = newId('run');
    const compiled = compileRequest(onboarding(orgId, domain), { registry, context: { request: id, organization: null }, allowTrusted: true });
    return createRun(sqlOfPg(pool), { id, compiled });
  }

  async function finished(runId: string, timeoutMs = 30_000): Promise<string> {
    return waitFor(
      async () => {
        const r = await pool.query(`SELECT status FROM provisioning_runs WHERE id = $1`, [runId]);
        const s = r.rows[0]?.status;
        return ['completed', 'failed', 'needs_attention', 'parked'].includes(s) ? s : undefined;
      },
      `run ${runId} to finish`,
      timeoutMs,
    );
  }

  async function withEngine<T>(fn: () => Promise<T>): Promise<T> {
    const enginePool = new Pool({ connectionString: db.url, max: 12 });
    const engine = new Engine({
      pool: enginePool,
      resolver: await NamespaceRegistry.load([createLabProvider(enginePool)]),
      createMachine,
      hooks: createRunHooks(),
      audit: appendAuditEvent,
      capacity: 4,
      leaseTtlMs: 1000,
      pollIntervalMs: 100,
    });
    await engine.start();
    try {
      return await fn();
    } finally {
      await engine.stop();
      await enginePool.end();
    }
  }

  const faults = (rules: FaultRule[]) => replaceLabFaults(sqlOfPg(pool), { ...noFaults, rules });

  it('completes through transient faults and a lost answer, with exactly one of every object', async () => {
    const org = newId('org');
    await faults([
      { procedure: 'Exchange.CreateMailbox', effect: 'transient', times: 2, organizationId: org },
      // Outside an engine process the "exit" fault is a transient error *after* the write committed.
      { procedure: 'Directory.CreateUser', effect: 'exit', times: 1, organizationId: org },
    ]);
    const run = await submit(org, 'fabrikam-ok.example');
    expect(await withEngine(() => finished(run.id))).toBe('completed');
    expect(await labInventory(sqlOfPg(pool), org)).toMatchObject({
      ous: 1,
      exchangeOrganizations: 1,
      acceptedDomains: 1,
      users: 2,
      mailboxes: 2,
      siteCollections: 1,
    });
    expect(await labDuplicates(sqlOfPg(pool))).toEqual([]);
  });

  it('compensates every lab object when a later step fails for good', async () => {
    const org = newId('org');
    await faults([{ procedure: 'SharePoint.CreateSiteCollection', effect: 'permanent', times: 1, organizationId: org }]);
    const run = await submit(org, 'fabrikam-fail.example');
    expect(await withEngine(() => finished(run.id))).toBe('failed');
    const left = await labInventory(sqlOfPg(pool), org);
    expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);
  });

  it('leaves the run needing attention when a rollback keeps failing, with the lab state intact', async () => {
    const org = newId('org');
    await faults([
      { procedure: 'SharePoint.CreateSiteCollection', effect: 'permanent', times: 1, organizationId: org },
      { procedure: 'Exchange.AddAcceptedDomain', phase: 'rollback', effect: 'permanent', times: 1_000, organizationId: org },
    ]);
    const run = await submit(org, 'fabrikam-stuck.example');
    expect(await withEngine(() => finished(run.id))).toBe('needs_attention');
    // Compensation stopped at the accepted domain: it and what it depends on are still there.
    expect(await labInventory(sqlOfPg(pool), org)).toMatchObject({ ous: 1, exchangeOrganizations: 1, acceptedDomains: 1, users: 0, mailboxes: 0 });
  });

  it('finishes on another engine after an engine process is SIGKILLed right after a lab write', async () => {
    const org = newId('org');
    await faults([{ procedure: 'Exchange.CreateMailbox', effect: 'exit', times: 1, organizationId: org }]);
    const main = path.resolve(__dirname, '../dist/src/main.js');
    const env = { ...process.env, DATABASE_URL: db.url, ENGINE_LEASE_TTL: '1s', ENGINE_POLL_INTERVAL: '200ms', LOG_LEVEL: 'silent', PROVISIO_ROLE: 'engine' };
    const children: ChildProcess[] = [];
    const spawnEngine = () => {
      const child = spawn(process.execPath, [main, 'engine'], { env, stdio: 'ignore' });
      children.push(child);
      return { child, exited: new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal))) };
    };
    try {
      const first = spawnEngine();
      const run = await submit(org, 'fabrikam-kill.example');
      expect(await first.exited).toBe('SIGKILL');
      // The mailbox the killed engine created is there, its step never journaled.
      expect((await labInventory(sqlOfPg(pool), org)).mailboxes).toBe(1);
      spawnEngine();
      expect(await finished(run.id)).toBe('completed');
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    }
    const state = await labState(sqlOfPg(pool), org);
    expect(state.mailboxes.map((m) => m.primarySmtpAddress)).toEqual(['ann@fabrikam-kill.example', 'bob@fabrikam-kill.example']);
    expect(await labInventory(sqlOfPg(pool), org)).toMatchObject({ ous: 1, users: 2, mailboxes: 2, siteCollections: 1 });
    expect(await labDuplicates(sqlOfPg(pool))).toEqual([]);
  });
});
