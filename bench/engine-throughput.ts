import * as path from 'node:path';
import type { Pool } from 'pg';
import { DBOS_SETTINGS, PGBOSS_SETTINGS, RAW_SETTINGS_ENGINE_MODE, runDbosBaseline, runPgBossBaseline, runRawBaseline } from './baselines/baselines';
import { type BenchContext, type BenchDefinition } from './lib/context';
import { ApiClient, expectStatus, mapLimit } from './lib/http';
import { BENCH_PG_SETTINGS, resetStatements, startBenchDatabase, topStatements } from './lib/postgres';
import { type ApiProcess, type EngineProcess, startApi, startEngine, waitUntil } from './lib/processes';
import { atLeast, atMost, type BenchResult, type TargetCheck } from './lib/results';
import { distribution, median, round } from './lib/stats';
import { addUserOrder, createCustomers, type Customer, subscribeAll } from './lib/tenants';
import type { BenchDatabase } from './lib/postgres';
import { summarizeProfiles } from './lib/cpu-profile';
import { cpuDelta, cpuSnapshot } from './lib/cpu';

/**
 * engine-throughput (QUALITY.md): 2 engine processes, the lab at zero latency, N add_users orders
 * (one user each; standard-mailbox and mobile-mailbox alternate, 3 and 5 steps: 4 on average)
 * placed through the real API over K customers. Each repetition measures, on the same database:
 *
 * - online: engines running while the client POSTs the orders (32 in flight); orders/s and
 *   steps/s from the first POST to the last completion; latency POST → completed per order.
 * - drain: the same number of orders placed while no engine runs, then 2 engines start; steps/s
 *   and orders/s from the first claim to the last completion (the engines' own capacity, the
 *   figure comparable with the baselines, which also drain a backlog).
 * - baselines (runBaselines): (a) a raw pg claim + start + complete loop in the engines' commit
 *   mode, 2 processes × 16 connections, as many jobs as the drain journaled steps; (b) DBOS
 *   Transact, one workflow per drained run with that run's step count, one row per step; (c)
 *   pg-boss 10, as many trivial jobs (reported only: its loop sleeps).
 *
 * Targets (issue 19), ratios of the same repetition: drain ≥ 50% of (a) and ≥ 1.5× (b), online
 * ≥ 30% of (a).
 *
 * The peak RSS of the API and of every engine process is the `memory` benchmark.
 */

const TERMINAL = ['completed', 'failed', 'needs_attention', 'cancelled'];

/** CPU ms per unit of work, per process group. */
function perUnit(cpu: Record<string, number>, units: number): Record<string, number> {
  return Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, round(v / Math.max(1, units), 3)]));
}
const USER_PLANS = ['standard-mailbox', 'mobile-mailbox'];

interface Placed {
  id: string;
  sentAt: number;
  acceptedAt: number;
}

async function placeAll(api: ApiClient, bodies: { body: unknown; token: string }[], concurrency: number): Promise<Placed[]> {
  return mapLimit(bodies, concurrency, async ({ body, token }) => {
    const sentAt = Date.now();
    const res = await api.post('/v1/orders', body, token);
    expectStatus(res, 202, 'place an order');
    return { id: res.body.id as string, sentAt, acceptedAt: Date.now() };
  });
}

async function waitAllTerminal(pool: Pool, ids: string[], timeoutMs: number): Promise<void> {
  await waitUntil(
    async () => {
      const r = await pool.query(`/* bench */ SELECT count(*)::int AS n FROM orders WHERE id = ANY($1) AND status = ANY($2)`, [ids, TERMINAL]);
      return r.rows[0].n >= ids.length;
    },
    `${ids.length} orders to finish`,
    timeoutMs,
    100,
  );
}

interface PhaseFigures {
  orders: number;
  completed: number;
  notCompleted: Record<string, number>;
  steps: number;
  stepsPerOrder: number;
  /** First claim → last completion (engine side). */
  engineWindowMs: number;
  /** Engine-side rates. */
  stepsPerS: number;
  ordersPerS: number;
}

async function phaseFigures(pool: Pool, ids: string[]): Promise<PhaseFigures & { finishedAt: Map<string, number>; lastFinishedAt: number; runIds: string[] }> {
  const orders = (await pool.query(`/* bench */ SELECT id, status, run_id, finished_at FROM orders WHERE id = ANY($1)`, [ids])).rows as {
    id: string;
    status: string;
    run_id: string;
    finished_at: Date | null;
  }[];
  const runIds = orders.map((o) => o.run_id);
  const s = (
    await pool.query(
      `/* bench */ SELECT (SELECT count(*)::int FROM provisioning_steps WHERE run_id = ANY($1)) AS steps,
              (SELECT EXTRACT(EPOCH FROM min(started_at)) * 1000 FROM provisioning_runs WHERE id = ANY($1)) AS first_start,
              (SELECT EXTRACT(EPOCH FROM max(finished_at)) * 1000 FROM provisioning_runs WHERE id = ANY($1)) AS last_finish`,
      [runIds],
    )
  ).rows[0];
  const notCompleted: Record<string, number> = {};
  for (const o of orders) if (o.status !== 'completed') notCompleted[o.status] = (notCompleted[o.status] ?? 0) + 1;
  const engineWindowMs = Number(s.last_finish) - Number(s.first_start);
  const finishedAt = new Map(orders.map((o) => [o.id, o.finished_at ? new Date(o.finished_at).getTime() : NaN]));
  return {
    orders: orders.length,
    completed: orders.filter((o) => o.status === 'completed').length,
    notCompleted,
    steps: s.steps,
    stepsPerOrder: round(s.steps / orders.length, 2),
    engineWindowMs: Math.round(engineWindowMs),
    stepsPerS: round((s.steps / engineWindowMs) * 1000),
    ordersPerS: round((orders.length / engineWindowMs) * 1000),
    finishedAt,
    lastFinishedAt: Number(s.last_finish),
    runIds,
  };
}

const pctOf = (ratio: number) => `${round(ratio * 100, 1)}%`;

/** A baseline's figures as stored per repetition. */
function baselineFigures(b: { jobsPerS: number; windowMs: number; cpuMs: Record<string, number>; completed: number }) {
  return { ...b, jobsPerS: round(b.jobsPerS), windowMs: Math.round(b.windowMs), cpuMsPerJob: perUnit(b.cpuMs, b.completed) };
}

/**
 * The baselines of one repetition, on the drain's database, for the work the drain did:
 * (a) the raw loop in the engines' commit mode, as many jobs as the drain journaled steps;
 * (b) DBOS Transact, one workflow per drained run with that run's journaled step count;
 * (c) pg-boss, as many jobs (reported, no target: its loop sleeps).
 */
async function runBaselines(ctx: BenchContext, db: BenchDatabase, rep: number, runIds: string[], steps: number) {
  const counts = (
    await db.pool.query(`/* bench */ SELECT count(*)::int AS n FROM provisioning_steps WHERE run_id = ANY($1) GROUP BY run_id ORDER BY run_id`, [runIds])
  ).rows.map((r) => r.n as number);
  const raw = baselineFigures(await runRawBaseline(db.pool, db.embedded.ownerUrl, db.embedded.pid, steps, db.dir, RAW_SETTINGS_ENGINE_MODE));
  ctx.log(
    `rep ${rep} raw loop (synchronous_commit=off): ${raw.jobsPerS} jobs/s (${raw.completed} jobs in ${raw.windowMs} ms; CPU ${JSON.stringify(raw.cpuMsPerJob)} ms/job)`,
  );
  const dbos = baselineFigures(await runDbosBaseline(db.pool, db.embedded.ownerUrl, db.embedded.pid, counts, db.dir));
  ctx.log(
    `rep ${rep} DBOS Transact: ${dbos.jobsPerS} steps/s (${counts.length} workflows, ${dbos.completed} steps in ${dbos.windowMs} ms; CPU ${JSON.stringify(dbos.cpuMsPerJob)} ms/step)`,
  );
  const pgboss = baselineFigures(await runPgBossBaseline(db.pool, db.embedded.ownerUrl, db.embedded.pid, steps, db.dir));
  ctx.log(
    `rep ${rep} pg-boss: ${pgboss.jobsPerS} jobs/s (${pgboss.completed} jobs in ${pgboss.windowMs} ms; CPU ${JSON.stringify(pgboss.cpuMsPerJob)} ms/job)`,
  );
  return { raw, dbos, pgboss };
}

export interface ThroughputOptions {
  reps: number;
  orders: number;
  customers: number;
  postConcurrency: number;
  engines: number;
  profile: boolean;
}

export const engineThroughput: BenchDefinition = {
  name: 'engine-throughput',
  also: ['memory'],
  description:
    "2 engine processes, lab at zero latency, add_users orders through the real API; baselines a raw pg claim/start/complete loop in the engines' commit mode, DBOS Transact, pg-boss 10",
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const opts: ThroughputOptions = {
      reps: ctx.reps,
      orders: ctx.quick ? 400 : 2000,
      customers: ctx.quick ? 40 : 200,
      postConcurrency: 32,
      engines: 2,
      profile: ctx.profile,
    };
    const started = Date.now();
    const db = await startBenchDatabase('throughput');
    const profileDir = ctx.profile ? path.join(db.dir, 'profiles') : undefined;
    let api: ApiProcess | undefined;
    let engines: EngineProcess[] = [];
    const engineMemory: { pid: number; phase: string; hwmMb: number }[] = [];
    let engineSlot = 0;
    const startEngines = async (phase: string) => {
      engines = await Promise.all(
        Array.from({ length: opts.engines }, () => startEngine(db.pool, db.url, db.dir, { slot: engineSlot++, cpuProfileDir: profileDir })),
      );
      return phase;
    };
    const stopEngines = async (phase: string) => {
      await Promise.all(engines.map((e) => e.stop()));
      for (const e of engines) engineMemory.push({ pid: e.pid, phase, hwmMb: round(e.peakHwmMb) });
      engines = [];
    };
    try {
      ctx.log(`PostgreSQL ${db.version} in ${db.dir}`);
      api = await startApi(db.url, db.dir, { cpuProfileDir: profileDir });
      const client = new ApiClient(api.base);
      await startEngines('setup');
      ctx.log(`API pid ${api.pid}, engines ${engines.map((e) => e.pid).join(', ')}; creating ${opts.customers} customers on the enterprise plan`);
      const customers: Customer[] = await createCustomers(client, api.adminToken, opts.customers);
      await subscribeAll(client, customers, 'enterprise');
      await stopEngines('setup');

      const runs: Record<string, unknown>[] = [];
      let orderSerial = 0;
      const makeOrders = (rep: number, phase: string) =>
        Array.from({ length: opts.orders }, (_, i) => {
          const c = customers[i % customers.length];
          const alias = `${phase[0]}${rep}u${orderSerial++}`;
          return { body: addUserOrder(c, alias, USER_PLANS[i % USER_PLANS.length]), token: c.token };
        });
      let statements: Record<string, unknown> = {};

      for (let rep = 1; rep <= opts.reps; rep++) {
        // --- online: engines run while the orders arrive
        await startEngines('online');
        await db.pool.query('/* bench */ CHECKPOINT');
        await resetStatements(db.pool);
        const onlineBodies = makeOrders(rep, 'online');
        const onlinePids = { api: [api.pid], engines: engines.map((e) => e.pid) };
        const onlineCpu0 = cpuSnapshot(db.embedded.pid, onlinePids);
        const t0 = Date.now();
        const placedOnline = await placeAll(client, onlineBodies, opts.postConcurrency);
        const placedAt = Date.now();
        await waitAllTerminal(
          db.pool,
          placedOnline.map((p) => p.id),
          10 * 60_000,
        );
        const onlineCpu = cpuDelta(onlineCpu0, cpuSnapshot(db.embedded.pid, onlinePids));
        const online = await phaseFigures(
          db.pool,
          placedOnline.map((p) => p.id),
        );
        const onlineStatements = await topStatements(db.pool);
        const windowMs = online.lastFinishedAt - t0;
        const latencies = placedOnline.map((p) => online.finishedAt.get(p.id)! - p.sentAt);
        const onlineRun = {
          orders: online.orders,
          completed: online.completed,
          notCompleted: online.notCompleted,
          steps: online.steps,
          stepsPerOrder: online.stepsPerOrder,
          placementMs: placedAt - t0,
          placedPerS: round((opts.orders / (placedAt - t0)) * 1000),
          windowMs,
          ordersPerS: round((online.orders / windowMs) * 1000),
          stepsPerS: round((online.steps / windowMs) * 1000),
          engineStepsPerS: online.stepsPerS,
          latencyMs: distribution(latencies, 0),
          roundTripsPerOrder: round(onlineStatements.totalCalls / online.orders, 1),
          cpuMs: onlineCpu,
          cpuMsPerStep: perUnit(onlineCpu, online.steps),
        };
        await stopEngines('online');
        ctx.log(
          `rep ${rep} online: ${onlineRun.stepsPerS} steps/s, ${onlineRun.ordersPerS} orders/s, p50 ${onlineRun.latencyMs.p50} ms, p99 ${onlineRun.latencyMs.p99} ms (placed ${onlineRun.placedPerS}/s; CPU ${JSON.stringify(onlineRun.cpuMsPerStep)} ms/step)`,
        );

        // --- drain: a backlog placed with no engine running, then 2 engines drain it
        const drainBodies = makeOrders(rep, 'drain');
        const d0 = Date.now();
        const placedDrain = await placeAll(client, drainBodies, opts.postConcurrency);
        const placementOnlyPerS = round((opts.orders / (Date.now() - d0)) * 1000);
        await db.pool.query('/* bench */ CHECKPOINT');
        await resetStatements(db.pool);
        await startEngines('drain');
        const drainPids = { api: [api.pid], engines: engines.map((e) => e.pid) };
        const drainCpu0 = cpuSnapshot(db.embedded.pid, drainPids);
        await waitAllTerminal(
          db.pool,
          placedDrain.map((p) => p.id),
          10 * 60_000,
        );
        const drainCpu = cpuDelta(drainCpu0, cpuSnapshot(db.embedded.pid, drainPids));
        const drain = await phaseFigures(
          db.pool,
          placedDrain.map((p) => p.id),
        );
        const drainStatements = await topStatements(db.pool);
        const drainAudit = (
          await db.pool.query(
            `/* bench */ SELECT action, count(*)::int AS n FROM audit_events WHERE resource_id = ANY($1) OR details->>'orderId' = ANY($2) GROUP BY action ORDER BY 2 DESC`,
            [[...drain.runIds, ...placedDrain.map((p) => p.id)], placedDrain.map((p) => p.id)],
          )
        ).rows.map((r) => ({ action: r.action as string, perOrder: round(r.n / drain.orders, 2) }));
        await stopEngines('drain');
        const drainRun = {
          orders: drain.orders,
          completed: drain.completed,
          notCompleted: drain.notCompleted,
          steps: drain.steps,
          stepsPerOrder: drain.stepsPerOrder,
          windowMs: drain.engineWindowMs,
          stepsPerS: drain.stepsPerS,
          ordersPerS: drain.ordersPerS,
          apiPlacementOnlyPerS: placementOnlyPerS,
          roundTripsPerStep: round(drainStatements.totalCalls / drain.steps, 2),
          dbTimePerStepMs: round(drainStatements.totalMs / drain.steps, 3),
          auditEventsPerOrder: round(
            drainAudit.reduce((a, x) => a + x.perOrder, 0),
            2,
          ),
          cpuMs: drainCpu,
          cpuMsPerStep: perUnit(drainCpu, drain.steps),
        };
        ctx.log(
          `rep ${rep} drain: ${drainRun.stepsPerS} steps/s, ${drainRun.ordersPerS} orders/s over ${drainRun.windowMs} ms (${drainRun.steps} steps; ${drainRun.roundTripsPerStep} statements/step; CPU ${JSON.stringify(drainRun.cpuMsPerStep)} ms/step)`,
        );
        statements = { online: onlineStatements, drain: drainStatements, drainAuditActions: drainAudit };

        // --- baselines, same database, the same work as the drain journaled
        const base = await runBaselines(ctx, db, rep, drain.runIds, drain.steps);
        runs.push({
          rep,
          online: onlineRun,
          drain: drainRun,
          ...base,
          ratios: {
            drainVsRaw: round(drainRun.stepsPerS / base.raw.jobsPerS, 3),
            drainVsDbos: round(drainRun.stepsPerS / base.dbos.jobsPerS, 2),
            onlineVsRaw: round(onlineRun.stepsPerS / base.raw.jobsPerS, 3),
            drainVsPgboss: round(drainRun.stepsPerS / base.pgboss.jobsPerS, 2),
            onlineVsPgboss: round(onlineRun.stepsPerS / base.pgboss.jobsPerS, 2),
            onlineVsDbos: round(onlineRun.stepsPerS / base.dbos.jobsPerS, 2),
          },
        });
        ctx.log(
          `rep ${rep} ratios: drain ÷ raw loop ${pctOf(drainRun.stepsPerS / base.raw.jobsPerS)}, drain ÷ DBOS ${round(drainRun.stepsPerS / base.dbos.jobsPerS, 2)}×, online ÷ raw loop ${pctOf(onlineRun.stepsPerS / base.raw.jobsPerS)}`,
        );
      }

      api.sample();
      const apiPeak = round(api.peakHwmMb);
      await api.stop();
      const apiFinal = round(Math.max(apiPeak, api.peakHwmMb));
      api = undefined;

      const pick = (f: (r: any) => number) => runs.map(f);
      const med = (f: (r: any) => number) => round(median(pick(f)), 2);
      const summary = {
        drain: {
          stepsPerS: med((r) => r.drain.stepsPerS),
          ordersPerS: med((r) => r.drain.ordersPerS),
          stepsPerOrder: med((r) => r.drain.stepsPerOrder),
          roundTripsPerStep: med((r) => r.drain.roundTripsPerStep),
          apiPlacementOnlyPerS: med((r) => r.drain.apiPlacementOnlyPerS),
        },
        online: {
          stepsPerS: med((r) => r.online.stepsPerS),
          ordersPerS: med((r) => r.online.ordersPerS),
          latencyP50Ms: med((r) => r.online.latencyMs.p50),
          latencyP99Ms: med((r) => r.online.latencyMs.p99),
          placedPerS: med((r) => r.online.placedPerS),
          roundTripsPerOrder: med((r) => r.online.roundTripsPerOrder),
        },
        cpuMsPerStep: {
          drain: med((r) => r.drain.cpuMsPerStep.total),
          drainEngines: med((r) => r.drain.cpuMsPerStep.engines),
          drainPostgres: med((r) => r.drain.cpuMsPerStep.postgres),
          online: med((r) => r.online.cpuMsPerStep.total),
          onlineApi: med((r) => r.online.cpuMsPerStep.api),
          rawPerJob: med((r) => r.raw.cpuMsPerJob.total),
          dbosPerStep: med((r) => r.dbos.cpuMsPerJob.total),
          pgbossPerJob: med((r) => r.pgboss.cpuMsPerJob.total),
        },
        /** What the CPU cost implies on an otherwise idle machine of this many cores. */
        idleMachineCapacity: {
          drainStepsPerS: round((ctx.machine.cores * 1000) / med((r) => r.drain.cpuMsPerStep.total)),
          onlineStepsPerS: round((ctx.machine.cores * 1000) / med((r) => r.online.cpuMsPerStep.total)),
          rawJobsPerS: round((ctx.machine.cores * 1000) / med((r) => r.raw.cpuMsPerJob.total)),
          dbosStepsPerS: round((ctx.machine.cores * 1000) / med((r) => r.dbos.cpuMsPerJob.total)),
        },
        rawJobsPerS: med((r) => r.raw.jobsPerS),
        dbosStepsPerS: med((r) => r.dbos.jobsPerS),
        pgbossJobsPerS: med((r) => r.pgboss.jobsPerS),
        ratios: {
          drainVsRaw: med((r) => r.ratios.drainVsRaw),
          drainVsDbos: med((r) => r.ratios.drainVsDbos),
          onlineVsRaw: med((r) => r.ratios.onlineVsRaw),
          onlineVsDbos: med((r) => r.ratios.onlineVsDbos),
          drainVsPgboss: med((r) => r.ratios.drainVsPgboss),
          onlineVsPgboss: med((r) => r.ratios.onlineVsPgboss),
        },
        notCompleted: runs.reduce((n, r: any) => n + (r.online.orders - r.online.completed) + (r.drain.orders - r.drain.completed), 0),
      };
      // Issue 19's targets: ratios to baselines of the same run (QUALITY.md), no absolute rate.
      const raw = { name: "raw pg loop, engines' commit mode", value: summary.rawJobsPerS, unit: 'jobs/s' };
      const checks: TargetCheck[] = [
        atLeast('drain steps/s ÷ raw loop jobs/s, median of per-rep ratios', round(summary.ratios.drainVsRaw * 100, 1), 50, '%', { baseline: raw }),
        atLeast('drain steps/s ÷ DBOS Transact steps/s, median of per-rep ratios', summary.ratios.drainVsDbos, 1.5, '×', {
          baseline: { name: 'DBOS Transact 5, default durability', value: summary.dbosStepsPerS, unit: 'steps/s' },
        }),
        atLeast('online steps/s ÷ raw loop jobs/s, median of per-rep ratios', round(summary.ratios.onlineVsRaw * 100, 1), 30, '%', { baseline: raw }),
        atMost('orders not completed', summary.notCompleted, 0, 'orders'),
      ];
      const setup = {
        engines: opts.engines,
        engineConfig: 'defaults: ENGINE_CONCURRENCY=16, ENGINE_LEASE_TTL=2s, ENGINE_POLL_INTERVAL=500ms, LOG_LEVEL=info',
        api: '`provisio serve`, default configuration (pool 20, rate limit 6000/min per token, LOG_LEVEL=info)',
        lab: 'zero latency, no faults (defaults)',
        ordersPerPhase: opts.orders,
        customers: opts.customers,
        ordersPerCustomerPerPhase: opts.orders / opts.customers,
        customerPlan: 'enterprise',
        order: 'add_users with one user; user plans standard-mailbox (3 steps) and mobile-mailbox (5 steps) alternate',
        postConcurrency: opts.postConcurrency,
        raw: { ...RAW_SETTINGS_ENGINE_MODE, commitsPerJob: 3, jobs: 'as many as the drain journaled steps' },
        dbos: {
          ...DBOS_SETTINGS,
          workflows: "one per run of the drain, with that run's journaled step count",
          step: 'inserts one row (its own pg pool), checkpointed by DBOS',
        },
        pgboss: {
          ...PGBOSS_SETTINGS,
          jobs: 'as many as the drain journaled steps',
          handler: 'trivial (returns at once)',
          note: 'weak: its loop sleeps between fetches; reported, no target',
        },
        engineCommits:
          'every commit of an engine process is asynchronous (synchronous_commit=off: src/provisioning/engine/README.md, "Durability"); the raw loop runs in that mode, DBOS in its default (durable) mode',
        postgres: { version: db.version, settings: db.settings, benchSettings: BENCH_PG_SETTINGS },
        latencyClock: 'POST sent (client clock) → orders.finished_at (same host clock)',
      };
      const profile: Record<string, unknown> = { statementsLastRep: statements };
      const notes: string[] = [];
      const now = { date: new Date().toISOString(), durationS: Math.round((Date.now() - started) / 1000) };

      const memoryResult: BenchResult = {
        ...ctx.header('memory', 'Peak RSS (VmHWM, sampled every 250 ms and at stop) of the API and of each engine process during engine-throughput'),
        ...now,
        setup: { during: 'engine-throughput', api: setup.api, engines: setup.engineConfig },
        repetitions: opts.reps,
        runs: [{ apiPid: 'serve', apiPeakMb: apiFinal }, ...engineMemory.map((m) => ({ enginePid: m.pid, phase: m.phase, peakMb: m.hwmMb }))],
        summary: {
          apiPeakMb: apiFinal,
          enginePeakMb: round(Math.max(...engineMemory.map((m) => m.hwmMb))),
          engineMedianPeakMb: round(median(engineMemory.map((m) => m.hwmMb))),
        },
        checks: [
          atMost('API peak RSS', apiFinal, 200, 'MB'),
          atMost('engine peak RSS (max over engine processes)', round(Math.max(...engineMemory.map((m) => m.hwmMb))), 150, 'MB'),
        ],
      };
      const throughputResult: BenchResult = {
        ...ctx.header('engine-throughput', this.description),
        ...now,
        setup,
        repetitions: opts.reps,
        runs,
        summary,
        checks,
        profile,
        notes,
      };
      await stopEngines('end');
      if (profileDir) {
        profile.cpu = { engines: summarizeProfiles(path.join(profileDir, 'engine')), api: summarizeProfiles(path.join(profileDir, 'serve')) };
        ctx.keepProfiles(profileDir, 'engine-throughput');
      }
      return [throughputResult, memoryResult];
    } finally {
      await Promise.all(engines.map((e) => e.stop(10_000)));
      await api?.stop(10_000);
      await db.stop();
    }
  },
};
