import * as path from 'node:path';
import type { Pool } from 'pg';
import { type BenchContext, type BenchDefinition } from './lib/context';
import { summarizeProfiles } from './lib/cpu-profile';
import { cpuDelta, cpuSnapshot } from './lib/cpu';
import { ApiClient, expectStatus } from './lib/http';
import { startBenchDatabase } from './lib/postgres';
import { type ApiProcess, type EngineProcess, startApi, startEngine } from './lib/processes';
import { atMost, type BenchResult } from './lib/results';
import { median, round } from './lib/stats';
import { createCustomers, subscribeAll, waitForOrder } from './lib/tenants';

/**
 * bulk-onboarding (QUALITY.md, issue 19): one customer, one add_users order of 1,000 users (100
 * with --quick), the lab answering every call after 50 ms, the default fleet (API + 2 engines,
 * default configuration): time from the POST to the order's completion as the client sees it
 * (long-poll), and journaled steps per second over the run. Each repetition is a fresh customer,
 * so every run does the same work. The customers are on a plan of the bench's own (the seeded
 * enterprise plan's features with users and mailboxes unlimited): the seeded plans stop at 500
 * users.
 *
 * A run's steps are what it journaled; "in flight" is the sum of the steps' provider time over
 * the run's duration (1 = one call at a time).
 */
export const LAB_LATENCY_MS = 50;
const USER_PLANS = ['standard-mailbox', 'mobile-mailbox'];
const BULK_PLAN = 'bench-bulk';

/** The hoster's bulk plan: enterprise's services and features, no limit on users. */
async function createBulkPlan(client: ApiClient, token: string): Promise<void> {
  const list = await client.get('/v1/plans?limit=100', token);
  expectStatus(list, 200, 'list the plans');
  const items = (list.body.items ?? list.body.data ?? list.body) as { id: string; name: string }[];
  const id = (name: string) => {
    const p = items.find((x) => x.name === name);
    if (!p) throw new Error(`seeded plan ${name} not found`);
    return p.id;
  };
  const enterprise = await client.get(`/v1/plans/${id('enterprise')}`, token);
  expectStatus(enterprise, 200, 'read the enterprise plan');
  const current = enterprise.body.current ?? enterprise.body.currentVersion ?? enterprise.body;
  const features = { ...(current.features ?? {}), 'directory.users': null, 'exchange.mailboxes': null, 'communications.users': null };
  const created = await client.post(
    '/v1/plans',
    { kind: 'organization', name: BULK_PLAN, displayName: 'Bench bulk', services: current.services, features, userPlanIds: USER_PLANS.map(id) },
    token,
  );
  expectStatus(created, 201, 'create the bulk plan');
  const published = await client.post(`/v1/plans/${created.body.id}/publish`, {}, token);
  expectStatus(published, 200, 'publish the bulk plan');
}

function usersBody(orgId: string, prefix: string, n: number) {
  return {
    type: 'add_users',
    organizationId: orgId,
    users: Array.from({ length: n }, (_, i) => ({ alias: `${prefix}${i}`, displayName: `Bulk user ${i}`, userPlan: USER_PLANS[i % USER_PLANS.length] })),
  };
}

async function runFigures(pool: Pool, runId: string) {
  const r = (
    await pool.query(
      `/* bench */ SELECT r.status, EXTRACT(EPOCH FROM r.finished_at - r.started_at) * 1000 AS window_ms,
              (SELECT count(*)::int FROM provisioning_steps s WHERE s.run_id = r.id) AS steps,
              (SELECT sum(duration_ms) FROM provisioning_steps s WHERE s.run_id = r.id) AS provider_ms
         FROM provisioning_runs r WHERE r.id = $1`,
      [runId],
    )
  ).rows[0];
  const windowMs = Number(r.window_ms);
  return {
    status: r.status as string,
    steps: r.steps as number,
    runWindowMs: Math.round(windowMs),
    stepsPerS: round((r.steps / windowMs) * 1000),
    inFlight: round(Number(r.provider_ms) / windowMs, 2),
  };
}

export const bulkOnboarding: BenchDefinition = {
  name: 'bulk-onboarding',
  description: `one customer, one add_users order of 1,000 users, lab latency ${LAB_LATENCY_MS} ms per call, default fleet (API + 2 engines): time to complete and steps/s`,
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const users = ctx.quick ? 100 : 1000;
    const started = Date.now();
    const db = await startBenchDatabase('bulk');
    const profileDir = ctx.profile ? path.join(db.dir, 'profiles') : undefined;
    let api: ApiProcess | undefined;
    let engines: EngineProcess[] = [];
    try {
      api = await startApi(db.url, db.dir, { cpuProfileDir: profileDir });
      engines = await Promise.all([0, 1].map((slot) => startEngine(db.pool, db.url, db.dir, { slot, cpuProfileDir: profileDir })));
      const client = new ApiClient(api.base);
      const faults = await client.request('PUT', '/v1/lab/faults', {
        token: api.adminToken,
        body: { latencyMs: LAB_LATENCY_MS, jitterMs: 0, transientErrorRate: 0, permanentErrorRate: 0, rules: [] },
      });
      expectStatus(faults, 200, 'set the lab latency');
      await createBulkPlan(client, api.adminToken);
      const customers = await createCustomers(client, api.adminToken, ctx.reps, 'bulk');
      await subscribeAll(client, customers, BULK_PLAN);
      ctx.log(
        `API pid ${api.pid}, engines ${engines.map((e) => e.pid).join(', ')}; ${customers.length} customers on ${BULK_PLAN}; ${users} users per order, lab latency ${LAB_LATENCY_MS} ms`,
      );

      const runs: Record<string, any>[] = [];
      for (const [i, c] of customers.entries()) {
        const pids = { api: [api.pid], engines: engines.map((e) => e.pid) };
        const cpu0 = cpuSnapshot(db.embedded.pid, pids);
        const t0 = performance.now();
        const placed = await client.post('/v1/orders', usersBody(c.orgId, `b${i}u`, users), c.token);
        expectStatus(placed, 202, `place an add_users order of ${users} users`);
        const postMs = performance.now() - t0;
        const done = await waitForOrder(client, placed.body.id, c.token, 30 * 60_000);
        const totalMs = performance.now() - t0;
        const cpuMs = cpuDelta(cpu0, cpuSnapshot(db.embedded.pid, pids));
        const fig = await runFigures(db.pool, done.runId ?? placed.body.runId);
        if (done.status !== 'completed')
          throw new Error(`the bulk order ended ${done.status}: ${JSON.stringify(done.errorContext ?? done.error ?? {}).slice(0, 300)}`);
        const run = {
          rep: i + 1,
          users,
          totalS: round(totalMs / 1000, 2),
          postMs: Math.round(postMs),
          ...fig,
          cpuMsPerStep: round(cpuMs.total / fig.steps, 2),
          cpuMs,
        };
        runs.push(run);
        ctx.log(
          `rep ${run.rep}: ${run.totalS} s POST → completed (POST ${run.postMs} ms), ${run.steps} steps, ${run.stepsPerS} steps/s, ${run.inFlight} calls in flight on average`,
        );
      }
      const med = (f: (r: any) => number) => round(median(runs.map(f)), 2);
      const summary = {
        users,
        totalS: med((r) => r.totalS),
        stepsPerS: med((r) => r.stepsPerS),
        steps: med((r) => r.steps),
        inFlight: med((r) => r.inFlight),
        /** One call at a time: the floor the lab's latency alone puts under a sequential run. */
        sequentialFloorS: round((med((r) => r.steps) * LAB_LATENCY_MS) / 1000, 1),
        cpuMsPerStep: med((r) => r.cpuMsPerStep),
      };
      const result: BenchResult = {
        ...ctx.header('bulk-onboarding', this.description),
        durationS: 0,
        setup: {
          fleet: '`provisio serve` + 2 × `provisio engine` (ENGINES=2, the default of `provisio all`), default configuration',
          lab: `latency ${LAB_LATENCY_MS} ms per call, no jitter, no faults`,
          plan: `${BULK_PLAN}: enterprise's services and features, users and mailboxes unlimited`,
          order: `add_users of ${users} users, standard-mailbox and mobile-mailbox alternating`,
          clock: 'client: POST sent → the long poll saw completed',
        },
        repetitions: ctx.reps,
        runs,
        summary,
        checks: users === 1000 ? [atMost('POST → completed, 1,000 users, median', summary.totalS, 30, 's')] : [],
        notes: users === 1000 ? [] : [`${users} users (--quick): no target`],
      };
      await Promise.all(engines.map((e) => e.stop()));
      await api.stop();
      if (profileDir) {
        result.profile = { cpu: { engines: summarizeProfiles(path.join(profileDir, 'engine')), api: summarizeProfiles(path.join(profileDir, 'serve')) } };
        ctx.keepProfiles(profileDir, 'bulk-onboarding');
      }
      result.durationS = Math.round((Date.now() - started) / 1000);
      return [result];
    } finally {
      await Promise.all(engines.map((e) => e.stop(10_000)));
      await api?.stop(10_000);
      await db.stop();
    }
  },
};
