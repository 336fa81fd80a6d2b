import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { seedCatalogPlans } from '../src/catalog/catalog-seed';
import { createPlansProvider } from '../src/catalog/plans-provider';
import { reserve } from '../src/catalog/quota-ledger';
import { createSubscription } from '../src/catalog/subscriptions';
import { newId } from '../src/common/ids';
import { inTransaction, pgTransaction, sqlOfPg } from '../src/database/sql';
import { appendAuditEvent } from '../src/audit/audit-writer';
import { createRunHooks } from '../src/app/run-hooks';
import { Engine } from '../src/provisioning/engine/engine';
import { createMachine } from '../src/provisioning/language/machine';
import { NamespaceRegistry } from '../src/provisioning/namespaces/namespace-registry';
import { createLabProvider } from '../src/provisioning/providers/lab';
import { replaceLabFaults, resetLabFaults } from '../src/provisioning/providers/lab/lab-faults';
import { startTestApp, type TestApp } from './helpers/app';
import { submitXml, uniqueDomain } from './helpers/engine-e2e';
import { waitFor } from './helpers/wait';
import { bootstrapHoster, createCustomer } from './helpers/identity';

/**
 * The Plans namespace under a real engine: a request that commits an order's quota and activates
 * the subscription, and the same request failing after those steps, compensated back to a pending
 * subscription with the reservation still held (for the order to abandon).
 */
describe('Plans namespace under the engine', () => {
  let t: TestApp;
  let pool: Pool;
  let engine: Engine;
  let versionId: string;
  let hosterToken: string;
  let hosterId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const hoster = await bootstrapHoster(t);
    hosterToken = hoster.token;
    hosterId = hoster.orgId;
    await inTransaction(t.app.get(DataSource), (sql) => seedCatalogPlans(sql));
    versionId = (await t.pool.query(`SELECT current_version_id FROM plans WHERE name = 'business-basic'`)).rows[0].current_version_id;
    pool = new Pool({ connectionString: t.db.url, max: 20 });
    const registry = await NamespaceRegistry.load([createLabProvider(pool), createPlansProvider(pool)]);
    engine = new Engine({
      pool,
      resolver: registry,
      createMachine,
      hooks: createRunHooks(),
      audit: appendAuditEvent,
      capacity: 4,
      leaseTtlMs: 1000,
      pollIntervalMs: 100,
    });
    await engine.start();
  });
  afterAll(async () => {
    await engine?.stop();
    await pool?.end();
    await t?.close();
  });
  afterEach(() => resetLabFaults(sqlOfPg(t.pool)));

  async function subscribedCustomer() {
    const c = await createCustomer(t, hosterToken, { parentId: hosterId });
    const sub = await inTransaction(t.app.get(DataSource), (sql) =>
      createSubscription(sql, { organizationId: c.orgId, planVersionId: versionId, actor: { system: 'test' } }),
    );
    const orderId = newId('ord');
    await pgTransaction(pool, (sql) =>
      reserve(sql, {
        subscriptionId: sub.id,
        orderId,
        items: [
          { feature: 'exchange.mailboxes', amount: 2 },
          { feature: 'dns.zones', amount: 1 },
        ],
      }),
    );
    return { orgId: c.orgId, subscriptionId: sub.id, orderId };
  }

  const requestXml = (orgId: string, orderId: string, subscriptionId: string) => `<request xmlns="urn:provisio:request:1" onFailure="rollback">
  <data><order id="${orderId}"/><subscription id="${subscriptionId}"/><organization id="${orgId}" name="Org" domain="${uniqueDomain()}"/></data>
  <procedure>
    <execute namespace="Plans" procedure="CommitQuota"><before source="data" sourcePath="order" mode="insert"/></execute>
    <execute namespace="Plans" procedure="ActivateSubscription"><before source="data" sourcePath="subscription" mode="insert"/></execute>
    <execute namespace="Directory" procedure="CreateOrganization"><before source="data" sourcePath="organization" mode="insert"/></execute>
  </procedure>
</request>`;

  const runStatus = (id: string, statuses: string[]) =>
    waitFor(
      async () => {
        const r = (await t.pool.query(`SELECT status FROM provisioning_runs WHERE id = $1`, [id])).rows[0];
        return statuses.includes(r?.status) ? r.status : undefined;
      },
      `run ${id} to finish`,
      30_000,
      50,
    );
  const counters = async (subscriptionId: string) =>
    Object.fromEntries(
      (
        await t.pool.query(
          `SELECT feature, used::int, reserved::int FROM quota_ledger WHERE subscription_id = $1 AND feature IN ('exchange.mailboxes', 'dns.zones')`,
          [subscriptionId],
        )
      ).rows.map((r) => [r.feature, [r.used, r.reserved]]),
    );
  const subStatus = async (id: string) => (await t.pool.query(`SELECT status FROM subscriptions WHERE id = $1`, [id])).rows[0].status;

  it('commits the quota and activates the subscription', async () => {
    const s = await subscribedCustomer();
    const run = await submitXml(pool, requestXml(s.orgId, s.orderId, s.subscriptionId), { organizationId: s.orgId });
    expect(await runStatus(run.id, ['completed', 'failed', 'needs_attention'])).toBe('completed');
    expect(await subStatus(s.subscriptionId)).toBe('active');
    expect(await counters(s.subscriptionId)).toEqual({ 'exchange.mailboxes': [2, 0], 'dns.zones': [1, 0] });
    const actions = (
      await t.pool.query(`SELECT action, details FROM audit_events WHERE resource_id = ANY($1::text[]) ORDER BY id`, [[s.orderId, s.subscriptionId]])
    ).rows;
    expect(actions.map((a) => a.action)).toEqual(['subscription.created', 'quota.committed', 'subscription.activated']);
    expect(actions[1].details.system).toMatch(/^engine:eng_/);
  });

  it('compensates both steps when a later step fails for good', async () => {
    const s = await subscribedCustomer();
    await replaceLabFaults(sqlOfPg(t.pool), {
      latencyMs: 0,
      jitterMs: 0,
      transientErrorRate: 0,
      permanentErrorRate: 0,
      rules: [{ procedure: 'Directory.CreateOrganization', effect: 'permanent', times: 1, organizationId: s.orgId }],
    });
    const run = await submitXml(pool, requestXml(s.orgId, s.orderId, s.subscriptionId), { organizationId: s.orgId });
    expect(await runStatus(run.id, ['completed', 'failed', 'needs_attention'])).toBe('failed');
    expect(await subStatus(s.subscriptionId)).toBe('pending');
    // The reservation is held again, for the order to abandon (or retry).
    expect(await counters(s.subscriptionId)).toEqual({ 'exchange.mailboxes': [0, 2], 'dns.zones': [0, 1] });
    const actions = (
      await t.pool.query(`SELECT action FROM audit_events WHERE resource_id = ANY($1::text[]) ORDER BY id`, [[s.orderId, s.subscriptionId]])
    ).rows.map((r) => r.action);
    expect(actions).toEqual(['subscription.created', 'quota.committed', 'subscription.activated', 'subscription.status_restored', 'quota.commit_reverted']);
  });
});
