import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { seedCatalogPlans } from '../src/catalog/catalog-seed';
import { createPlansProvider } from '../src/catalog/plans-provider';
import { abandon, commit, releaseFreed, reserve, scheduleRelease, uncommit, unreleaseFreed } from '../src/catalog/quota-ledger';
import {
  changeSubscriptionPlan,
  createSubscription,
  findOpenSubscription,
  requireWithinPlanLimit,
  resolveUserPlan,
  type SubscriptionDetails,
} from '../src/catalog/subscriptions';
import { ProblemError } from '../src/common/errors/problem';
import { newId } from '../src/common/ids';
import { inTransaction, pgTransaction } from '../src/database/sql';
import type { LeafProcedure, ProcedureContext } from '../src/provisioning/providers/provider';
import { startTestApp, type TestApp } from './helpers/app';
import { type Actor, bootstrapHoster, createCustomer, createReseller } from './helpers/identity';

/**
 * The quota ledger against real PostgreSQL: atomic reservations under concurrency, settling
 * (commit, release, abandon) and their reverses idempotent, reseller pools as the minimum along
 * the chain, plan changes that must fit, and the Plans provider the engines run.
 */
describe('quota ledger', () => {
  let t: TestApp;
  let pool: Pool;
  let hoster: Actor;
  let reseller: Actor;
  let plans: Map<string, { id: string; versionId: string }>;

  const ds = () => t.app.get(DataSource);
  const tx = <T>(fn: Parameters<typeof pgTransaction<T>>[1]) => pgTransaction(pool, fn);
  const counter = async (subscriptionId: string, feature = 'exchange.mailboxes') =>
    (
      await t.pool.query(`SELECT limit_value, used::int, reserved::int, freeing::int FROM quota_ledger WHERE subscription_id = $1 AND feature = $2`, [
        subscriptionId,
        feature,
      ])
    ).rows[0];
  const poolCounter = async (resellerId: string, feature = 'exchange.mailboxes') =>
    (
      await t.pool.query(`SELECT limit_value::int, used::int, reserved::int, freeing::int FROM quota_ledger WHERE reseller_org_id = $1 AND feature = $2`, [
        resellerId,
        feature,
      ])
    ).rows[0];
  const mailbox = (n = 1) => [{ feature: 'exchange.mailboxes', amount: n }];

  async function subscribe(organizationId: string, planVersionId: string): Promise<SubscriptionDetails> {
    return inTransaction(ds(), (sql) => createSubscription(sql, { organizationId, planVersionId, actor: { system: 'test' }, orderId: newId('ord') }));
  }

  /** A customer of the hoster subscribed to business-basic (10 mailboxes). */
  async function directCustomer(): Promise<SubscriptionDetails> {
    const c = await createCustomer(t, hoster.token, { parentId: hoster.orgId });
    return subscribe(c.orgId, plans.get('business-basic')!.versionId);
  }

  beforeAll(async () => {
    t = await startTestApp();
    pool = new Pool({ connectionString: t.db.url, max: 50 });
    hoster = await bootstrapHoster(t);
    reseller = await createReseller(t, hoster.token);
    expect(await inTransaction(ds(), (sql) => seedCatalogPlans(sql))).toEqual([
      'standard-mailbox',
      'mobile-mailbox',
      'executive',
      'business-basic',
      'business-premium',
      'enterprise',
    ]);
    const rows = (await t.pool.query(`SELECT id, name, current_version_id FROM plans`)).rows;
    plans = new Map(rows.map((r) => [r.name, { id: r.id, versionId: r.current_version_id }]));
  });
  afterAll(async () => {
    await pool.end();
    await t.close();
  });

  it('seeds the sample catalog once, published, with examples of every kind', async () => {
    expect(await inTransaction(ds(), (sql) => seedCatalogPlans(sql))).toEqual([]);
    const list = await t.get('/v1/plans?kind=organization', { token: hoster.token });
    expect(list.body.items.map((p: any) => [p.name, p.status])).toEqual(
      expect.arrayContaining([
        ['business-basic', 'published'],
        ['business-premium', 'published'],
        ['enterprise', 'published'],
      ]),
    );
    const enterprise = list.body.items.find((p: any) => p.name === 'enterprise');
    expect(enterprise.currentVersion.userPlans.map((u: any) => u.name)).toEqual(['standard-mailbox', 'mobile-mailbox', 'executive']);
    expect(enterprise.currentVersion.features).toMatchObject({ 'communications.federation': true, 'communications.conferencing': true });
    const basic = list.body.items.find((p: any) => p.name === 'business-basic');
    expect(basic.currentVersion.services).toEqual(['directory', 'exchange', 'dns']);
    expect(basic.currentVersion.features).toMatchObject({ 'exchange.mailboxes': 10, 'exchange.mailbox_size_mb': 2048, 'dns.zones': 1, 'dns.records': 50 });
  });

  it('grants exactly 10 of 50 parallel reservations against a quota of 10; the ledger equals what was granted', async () => {
    const sub = await directCustomer();
    const orders = Array.from({ length: 50 }, () => newId('ord'));
    const results = await Promise.allSettled(orders.map((orderId) => tx((sql) => reserve(sql, { subscriptionId: sub.id, orderId, items: mailbox() }))));
    const granted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(granted).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(ProblemError);
      expect(r.reason.code).toBe('QUOTA_EXCEEDED');
      expect(r.reason.status).toBe(409);
      expect(r.reason.extra).toEqual({ feature: 'exchange.mailboxes', limit: 10, used: 0, reserved: 10, requested: 1, limitedBy: 'plan' });
    }
    expect(await counter(sub.id)).toMatchObject({ used: 0, reserved: 10 });
    const entries = (await t.pool.query(`SELECT order_id, amount::int, status FROM quota_entries WHERE subscription_id = $1`, [sub.id])).rows;
    expect(entries).toHaveLength(10);
    expect(entries.every((e) => e.status === 'pending' && e.amount === 1)).toBe(true);
    const grantedOrders = orders.filter((_, i) => results[i].status === 'fulfilled');
    expect(entries.map((e) => e.order_id).sort()).toEqual(grantedOrders.sort());
  });

  it('reserves several features all or nothing', async () => {
    const sub = await directCustomer();
    const refused = tx((sql) =>
      reserve(sql, {
        subscriptionId: sub.id,
        orderId: newId('ord'),
        items: [
          { feature: 'exchange.mailboxes', amount: 2 },
          { feature: 'communications.users', amount: 1 },
        ],
      }),
    );
    await expect(refused).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', extra: { feature: 'communications.users', limit: 0, requested: 1 } });
    expect(await counter(sub.id)).toMatchObject({ reserved: 0 });
    // Even when the caller does not roll back, nothing stays reserved.
    await inTransaction(ds(), async (sql) => {
      await expect(
        reserve(sql, {
          subscriptionId: sub.id,
          orderId: newId('ord'),
          items: [
            { feature: 'dns.records', amount: 10 },
            { feature: 'dns.zones', amount: 2 },
          ],
        }),
      ).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    });
    expect(await counter(sub.id, 'dns.records')).toMatchObject({ reserved: 0 });
    // Unlimited features are never refused; uncounted features are a programming error.
    await tx((sql) =>
      reserve(sql, {
        subscriptionId: sub.id,
        orderId: newId('ord'),
        items: [
          { feature: 'exchange.mailboxes', amount: 2 },
          { feature: 'dns.records', amount: 50 },
        ],
      }),
    );
    expect(await counter(sub.id, 'dns.records')).toMatchObject({ reserved: 50 });
    await expect(
      tx((sql) => reserve(sql, { subscriptionId: sub.id, orderId: newId('ord'), items: [{ feature: 'exchange.owa', amount: 1 }] })),
    ).rejects.toMatchObject({ code: 'QUOTA_FEATURE_NOT_COUNTED' });
  });

  it('settles orders idempotently: commit, free, abandon, and the reverses for rollback', async () => {
    const sub = await directCustomer();
    const a = newId('ord');
    const b = newId('ord');
    await tx((sql) => reserve(sql, { subscriptionId: sub.id, orderId: a, items: mailbox(3) }));
    await tx((sql) => reserve(sql, { subscriptionId: sub.id, orderId: b, items: mailbox(2) }));

    expect(await tx((sql) => commit(sql, a))).toEqual({ entries: 1, byFeature: { 'exchange.mailboxes': 3 } });
    expect(await tx((sql) => commit(sql, a))).toEqual({ entries: 0, byFeature: {} });
    expect(await counter(sub.id)).toMatchObject({ used: 3, reserved: 2 });

    // Rollback of the commit: usage back to a reservation, once.
    await tx((sql) => uncommit(sql, a));
    await tx((sql) => uncommit(sql, a));
    expect(await counter(sub.id)).toMatchObject({ used: 0, reserved: 5 });
    await tx((sql) => commit(sql, a));

    // b fails: its reservation goes, once.
    await tx((sql) => abandon(sql, b));
    await tx((sql) => abandon(sql, b));
    expect(await counter(sub.id)).toMatchObject({ used: 3, reserved: 0 });
    expect(await tx((sql) => commit(sql, b))).toEqual({ entries: 0, byFeature: {} });

    // A removal of 2 mailboxes: counted until it completes.
    const removal = newId('ord');
    await tx((sql) => scheduleRelease(sql, { subscriptionId: sub.id, orderId: removal, items: mailbox(2) }));
    expect(await counter(sub.id)).toMatchObject({ used: 3, freeing: 2 });
    await expect(tx((sql) => scheduleRelease(sql, { subscriptionId: sub.id, orderId: newId('ord'), items: mailbox(2) }))).rejects.toMatchObject({
      code: 'QUOTA_RELEASE_EXCEEDS_USAGE',
    });
    await tx((sql) => releaseFreed(sql, removal));
    await tx((sql) => releaseFreed(sql, removal));
    expect(await counter(sub.id)).toMatchObject({ used: 1, freeing: 0 });
    await tx((sql) => unreleaseFreed(sql, removal));
    expect(await counter(sub.id)).toMatchObject({ used: 3, freeing: 2 });
    // The removal fails after all: the scheduled free is dropped, usage stays.
    await tx((sql) => abandon(sql, removal));
    expect(await counter(sub.id)).toMatchObject({ used: 3, reserved: 0, freeing: 0 });
    const statuses = (await t.pool.query(`SELECT order_id, kind, status FROM quota_entries WHERE subscription_id = $1 ORDER BY id`, [sub.id])).rows;
    expect(statuses.map((s) => [s.order_id, s.kind, s.status])).toEqual([
      [a, 'reserve', 'applied'],
      [b, 'reserve', 'released'],
      [removal, 'free', 'dropped'],
    ]);
  });

  it('refuses reservations on a subscription that is not pending or active', async () => {
    const sub = await directCustomer();
    await t.pool.query(`UPDATE subscriptions SET status = 'suspended' WHERE id = $1`, [sub.id]);
    await expect(tx((sql) => reserve(sql, { subscriptionId: sub.id, orderId: newId('ord'), items: mailbox() }))).rejects.toMatchObject({
      code: 'SUBSCRIPTION_NOT_ACTIVE',
    });
  });

  describe('reseller pools', () => {
    let derivedVersionId: string;

    beforeAll(async () => {
      const offer = await t.post(`/v1/plans/${plans.get('business-basic')!.id}/availability`, { resellerIds: [reseller.orgId] }, { token: hoster.token });
      expect(offer.status).toBe(200);
      const derived = await t.post(
        '/v1/plans',
        { kind: 'organization', name: 'reseller-basic', displayName: 'Reseller Basic', basePlanId: plans.get('business-basic')!.id },
        { token: reseller.token },
      );
      expect(derived.status).toBe(201);
      const published = await t.post(`/v1/plans/${derived.body.id}/publish`, {}, { token: reseller.token });
      expect(published.status).toBe(200);
      derivedVersionId = published.body.currentVersion.id;
    });

    const resellerCustomer = async () => subscribe((await createCustomer(t, reseller.token)).orgId, derivedVersionId);

    it('starts a pool from what the subtree already uses and holds, and caps every customer by what is left', async () => {
      const a = await resellerCustomer();
      const b = await resellerCustomer();
      const committed = newId('ord');
      const pending = newId('ord');
      await tx((sql) => reserve(sql, { subscriptionId: a.id, orderId: committed, items: mailbox(4) }));
      await tx((sql) => commit(sql, committed));
      await tx((sql) => reserve(sql, { subscriptionId: a.id, orderId: pending, items: mailbox(2) }));

      // A cap below what is used and reserved is refused.
      const low = await t.post(
        `/v1/plans/${plans.get('business-basic')!.id}/availability`,
        { resellerIds: [reseller.orgId], quotaPools: { 'exchange.mailboxes': 5 } },
        { token: hoster.token },
      );
      expect(low.status).toBe(409);
      expect(low.body.code).toBe('QUOTA_POOL_BELOW_USAGE');
      expect(await poolCounter(reseller.orgId)).toBeUndefined();

      const set = await t.post(
        `/v1/plans/${plans.get('business-basic')!.id}/availability`,
        { resellerIds: [reseller.orgId], quotaPools: { 'exchange.mailboxes': 12 } },
        { token: hoster.token },
      );
      expect(set.status).toBe(200);
      expect(await poolCounter(reseller.orgId)).toEqual({ limit_value: 12, used: 4, reserved: 2, freeing: 0 });

      // B's own plan allows 10, but only 6 are left in the pool.
      const refused = tx((sql) => reserve(sql, { subscriptionId: b.id, orderId: newId('ord'), items: mailbox(7) }));
      await expect(refused).rejects.toMatchObject({
        code: 'QUOTA_EXCEEDED',
        extra: { feature: 'exchange.mailboxes', limit: 6, used: 0, reserved: 0, requested: 7, limitedBy: 'reseller' },
      });
      const view = await t.get(`/v1/subscriptions/${b.id}`, { token: hoster.token });
      expect(view.body.quotas.find((q: any) => q.feature === 'exchange.mailboxes')).toMatchObject({ limit: 10, available: 6 });

      // Settling the reservation made before the pool existed moves the pool too.
      await tx((sql) => commit(sql, pending));
      expect(await poolCounter(reseller.orgId)).toMatchObject({ used: 6, reserved: 0 });
      const freeing = newId('ord');
      await tx((sql) => scheduleRelease(sql, { subscriptionId: a.id, orderId: freeing, items: mailbox(1) }));
      await tx((sql) => releaseFreed(sql, freeing));
      expect(await poolCounter(reseller.orgId)).toMatchObject({ used: 5, freeing: 0 });
      expect(await counter(a.id)).toMatchObject({ used: 5 });

      // Concurrent reservations from two customers never exceed the pool: 7 left.
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) => tx((sql) => reserve(sql, { subscriptionId: i % 2 ? a.id : b.id, orderId: newId('ord'), items: mailbox() }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
      expect(await poolCounter(reseller.orgId)).toMatchObject({ used: 5, reserved: 7 });
      const ownA = await counter(a.id);
      const ownB = await counter(b.id);
      expect(ownA.reserved + ownB.reserved).toBe(7);
      expect(ownA.used + ownA.reserved).toBeLessThanOrEqual(10);
    });
  });

  describe('plan changes', () => {
    it('moves a subscription to another offered version only if its usage fits', async () => {
      const c = await createCustomer(t, hoster.token, { parentId: hoster.orgId });
      const sub = await subscribe(c.orgId, plans.get('business-premium')!.versionId);
      const order = newId('ord');
      await tx((sql) => reserve(sql, { subscriptionId: sub.id, orderId: order, items: mailbox(12) }));
      await tx((sql) => commit(sql, order));
      const down = inTransaction(ds(), (sql) =>
        changeSubscriptionPlan(sql, { subscriptionId: sub.id, planVersionId: plans.get('business-basic')!.versionId, actor: { system: 'test' } }),
      );
      await expect(down).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', extra: { feature: 'exchange.mailboxes', limit: 10, used: 12 } });
      const up = await inTransaction(ds(), (sql) =>
        changeSubscriptionPlan(sql, { subscriptionId: sub.id, planVersionId: plans.get('enterprise')!.versionId, actor: { system: 'test' } }),
      );
      expect(up.planName).toBe('enterprise');
      expect(up.quotas.find((q) => q.feature === 'exchange.mailboxes')).toMatchObject({ limit: 500, used: 12, available: 488 });
      expect(up.userPlans.map((u) => u.name)).toEqual(['standard-mailbox', 'mobile-mailbox', 'executive']);
    });
  });

  describe('what the orders module reads', () => {
    it('resolves user plans by name, name@version or id, and checks limit features against the plan', async () => {
      const c = await createCustomer(t, hoster.token, { parentId: hoster.orgId });
      await subscribe(c.orgId, plans.get('business-premium')!.versionId);
      const sub = (await inTransaction(ds(), (sql) => findOpenSubscription(sql, c.orgId)))!;
      const mobile = resolveUserPlan(sub, 'mobile-mailbox@1');
      expect(resolveUserPlan(sub, 'mobile-mailbox')).toBe(mobile);
      expect(resolveUserPlan(sub, mobile.versionId)).toBe(mobile);
      expect(mobile.settings).toEqual({
        mailbox: { sizeMb: 2048, owa: true },
        activeSync: { requirePin: true, maxDevices: 3 },
        sip: { im: true, presence: true, federation: false, conferencing: false },
      });
      expect(mobile.quotaItems).toEqual([
        { feature: 'directory.users', amount: 1 },
        { feature: 'exchange.mailboxes', amount: 1 },
        { feature: 'communications.users', amount: 1 },
      ]);
      const standard = resolveUserPlan(sub, 'standard-mailbox');
      expect(standard.settings).toEqual({ mailbox: { sizeMb: 1024, owa: true }, activeSync: null, sip: null });
      expect(standard.quotaItems).toEqual([
        { feature: 'directory.users', amount: 1 },
        { feature: 'exchange.mailboxes', amount: 1 },
      ]);
      expect(() => resolveUserPlan(sub, 'executive')).toThrow(expect.objectContaining({ code: 'USER_PLAN_NOT_ALLOWED' }));
      expect(() => requireWithinPlanLimit(sub, 'exchange.mailbox_size_mb', 4096)).not.toThrow();
      expect(() => requireWithinPlanLimit(sub, 'exchange.mailbox_size_mb', 8192)).toThrow(expect.objectContaining({ code: 'QUOTA_EXCEEDED' }));
      expect(() => requireWithinPlanLimit(sub, 'sharepoint.storage_mb', 10240)).not.toThrow();
    });
  });

  describe('the Plans provider', () => {
    let procs: Map<string, LeafProcedure>;
    const ctx = (runId: string, engineId = 'eng_test'): ProcedureContext => ({ runId, stepSeq: 1, attempt: 1, engineId });
    const run = (name: string, input: Record<string, unknown>, c: ProcedureContext) => {
      const p = procs.get(name)!;
      return p.execute(p.parseInput(input), c);
    };
    const undo = (name: string, input: Record<string, unknown>, c: ProcedureContext) => {
      const p = procs.get(name)!;
      return p.rollback!(p.parseInput(input), undefined, c);
    };
    const status = async (id: string) => (await t.pool.query(`SELECT status FROM subscriptions WHERE id = $1`, [id])).rows[0].status;

    beforeAll(() => {
      procs = new Map(createPlansProvider(pool).procedures.map((p) => [`${p.namespace}.${p.name}`, p]));
    });

    it('implements every Plans leaf procedure as an idempotent write with a rollback', () => {
      expect([...procs.keys()].sort()).toEqual([
        'Plans.ActivateSubscription',
        'Plans.CancelSubscription',
        'Plans.CommitQuota',
        'Plans.ReleaseQuota',
        'Plans.SuspendSubscription',
      ]);
      for (const p of procs.values()) {
        expect(p.kind).toBe('write');
        expect(typeof p.rollback).toBe('function');
      }
      expect(() => procs.get('Plans.CommitQuota')!.parseInput({})).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', retryable: false }));
      expect(() => procs.get('Plans.ActivateSubscription')!.parseInput({ subscription: { id: 'nope' } })).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    });

    it("commits and releases an order's quota once, and rolls back once, audited as the engine", async () => {
      const sub = await directCustomer();
      const order = newId('ord');
      await tx((sql) => reserve(sql, { subscriptionId: sub.id, orderId: order, items: mailbox(2) }));
      const c = ctx(newId('run'));
      await run('Plans.CommitQuota', { order: { id: order } }, c);
      await run('Plans.CommitQuota', { order: [{ id: order }] }, c);
      expect(await counter(sub.id)).toMatchObject({ used: 2, reserved: 0 });
      await undo('Plans.CommitQuota', { order: { id: order } }, c);
      await undo('Plans.CommitQuota', { order: { id: order } }, c);
      expect(await counter(sub.id)).toMatchObject({ used: 0, reserved: 2 });
      await run('Plans.CommitQuota', { order: { id: order } }, c);

      const removal = newId('ord');
      await tx((sql) => scheduleRelease(sql, { subscriptionId: sub.id, orderId: removal, items: mailbox(1) }));
      await run('Plans.ReleaseQuota', { order: { id: removal } }, c);
      await run('Plans.ReleaseQuota', { order: { id: removal } }, c);
      expect(await counter(sub.id)).toMatchObject({ used: 1, freeing: 0 });
      await undo('Plans.ReleaseQuota', { order: { id: removal } }, c);
      expect(await counter(sub.id)).toMatchObject({ used: 2, freeing: 1 });

      const events = (
        await t.pool.query(`SELECT action, details, organization_id FROM audit_events WHERE resource_id = ANY($1::text[]) ORDER BY id`, [[order, removal]])
      ).rows;
      expect(events.map((e) => e.action)).toEqual(['quota.committed', 'quota.commit_reverted', 'quota.committed', 'quota.released', 'quota.release_reverted']);
      expect(events.every((e) => e.details.system === 'engine:eng_test' && e.organization_id === sub.organizationId)).toBe(true);
    });

    it('settles once when the same commit runs 4 times at once (5 orders of one subscription, 20 transactions, no deadlock)', async () => {
      const sub = await directCustomer();
      const orders = Array.from({ length: 5 }, () => newId('ord'));
      for (const o of orders) await tx((sql) => reserve(sql, { subscriptionId: sub.id, orderId: o, items: mailbox(1) }));
      // Each order's commit 4 times (an engine re-executing a step after a takeover), all at once.
      const results = await Promise.all(orders.flatMap((o) => Array.from({ length: 4 }, () => tx((sql) => commit(sql, o)))));
      expect(results.filter((r) => r.entries === 1)).toHaveLength(orders.length);
      expect(results.filter((r) => r.entries === 0)).toHaveLength(orders.length * 3);
      expect(await counter(sub.id)).toMatchObject({ used: 5, reserved: 0 });
      // The step's audit event carries the customer and its path (from the settle statement).
      const c = ctx(newId('run'));
      const order = newId('ord');
      await tx((sql) => reserve(sql, { subscriptionId: sub.id, orderId: order, items: mailbox(1) }));
      await run('Plans.CommitQuota', { order: { id: order } }, c);
      const path = (await t.pool.query(`SELECT path FROM organizations WHERE id = $1`, [sub.organizationId])).rows[0].path;
      const events = (
        await t.pool.query(`SELECT organization_id, organization_path FROM audit_events WHERE resource_id = $1 AND action = 'quota.committed'`, [order])
      ).rows;
      expect(events).toEqual([{ organization_id: sub.organizationId, organization_path: path }]);
    });

    it('moves the subscription through its lifecycle and restores the previous status on rollback', async () => {
      const sub = await directCustomer();
      const input = { subscription: { id: sub.id } };
      const runA = ctx(newId('run'));
      await run('Plans.ActivateSubscription', input, runA);
      await run('Plans.ActivateSubscription', input, runA);
      expect(await status(sub.id)).toBe('active');
      await undo('Plans.ActivateSubscription', input, runA);
      await undo('Plans.ActivateSubscription', input, runA);
      expect(await status(sub.id)).toBe('pending');
      // Suspending a pending subscription is a permanent failure, not a retry.
      await expect(run('Plans.SuspendSubscription', input, runA)).rejects.toMatchObject({ code: 'SUBSCRIPTION_STATE_CONFLICT', retryable: false });
      await run('Plans.ActivateSubscription', input, runA);

      const runB = ctx(newId('run'));
      await run('Plans.SuspendSubscription', input, runB);
      expect(await status(sub.id)).toBe('suspended');
      // A rollback by a run that did not set the status changes nothing.
      await undo('Plans.SuspendSubscription', input, ctx(newId('run')));
      expect(await status(sub.id)).toBe('suspended');
      await undo('Plans.SuspendSubscription', input, runB);
      expect(await status(sub.id)).toBe('active');

      const runC = ctx(newId('run'));
      await run('Plans.CancelSubscription', input, runC);
      expect(await status(sub.id)).toBe('cancelled');
      await expect(run('Plans.ActivateSubscription', input, ctx(newId('run')))).rejects.toMatchObject({ code: 'SUBSCRIPTION_STATE_CONFLICT' });
      await undo('Plans.CancelSubscription', input, runC);
      expect(await status(sub.id)).toBe('active');
      await expect(run('Plans.ActivateSubscription', { subscription: { id: newId('sub') } }, runC)).rejects.toMatchObject({
        code: 'SUBSCRIPTION_NOT_FOUND',
        retryable: false,
      });

      const actions = (await t.pool.query(`SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY id`, [sub.id])).rows.map((r) => r.action);
      expect(actions).toEqual([
        'subscription.created',
        'subscription.activated',
        'subscription.status_restored',
        'subscription.activated',
        'subscription.suspended',
        'subscription.status_restored',
        'subscription.cancelled',
        'subscription.status_restored',
      ]);
    });
  });
});
