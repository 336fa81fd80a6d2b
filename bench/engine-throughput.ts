import * as path from 'node:path';
import type { Pool } from 'pg';
import { PGBOSS_SETTINGS, RAW_SETTINGS, runPgBossBaseline, runRawBaseline } from './baselines/baselines';
import { type BenchContext, type BenchDefinition } from './lib/context';
import { ApiClient, expectStatus, mapLimit } from './lib/http';
import { BENCH_PG_SETTINGS, resetStatements, startBenchDatabase, topStatements } from './lib/postgres';
import { type ApiProcess, type EngineProcess, startApi, startEngine, waitUntil } from './lib/processes';
import { atLeast, atMost, type BenchResult, type TargetCheck } from './lib/results';
import { distribution, median, round } from './lib/stats';
import { addUserOrder, createCustomers, type Customer, subscribeAll } from './lib/tenants';
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
 * - baseline (a): pg-boss 10, 2 workers, as many trivial jobs as the drain journaled steps.
 * - baseline (b): raw pg claim + start + complete loop, 2 processes × 16 connections, as many jobs.
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
  const orders = (await pool.query(`/* bench */ SELECT id, status, run_id, finished_at FROM orders WHERE id = ANY($1)`, [ids])).rows as { id: string; status: string; run_id: string; finished_at: Date | null }[];
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
  description: '2 engine processes, lab at zero latency, add_users orders through the real API; baselines pg-boss 10 and a raw pg claim/start/complete loop',
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
        await waitAllTerminal(db.pool, placedOnline.map((p) => p.id), 10 * 60_000);
        const onlineCpu = cpuDelta(onlineCpu0, cpuSnapshot(db.embedded.pid, onlinePids));
        const online = await phaseFigures(db.pool, placedOnline.map((p) => p.id));
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
        ctx.log(`rep ${rep} online: ${onlineRun.stepsPerS} steps/s, ${onlineRun.ordersPerS} orders/s, p50 ${onlineRun.latencyMs.p50} ms, p99 ${onlineRun.latencyMs.p99} ms (placed ${onlineRun.placedPerS}/s; CPU ${JSON.stringify(onlineRun.cpuMsPerStep)} ms/step)`);

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
        await waitAllTerminal(db.pool, placedDrain.map((p) => p.id), 10 * 60_000);
        const drainCpu = cpuDelta(drainCpu0, cpuSnapshot(db.embedded.pid, drainPids));
        const drain = await phaseFigures(db.pool, placedDrain.map((p) => p.id));
        const drainStatements = await topStatements(db.pool);
        const drainAudit = (
          await db.pool.query(`/* bench */ SELECT action, count(*)::int AS n FROM audit_events WHERE resource_id = ANY($1) OR details->>'orderId' = ANY($2) GROUP BY action ORDER BY 2 DESC`, [[...drain.runIds, ...placedDrain.map((p) => p.id)], placedDrain.map((p) => p.id)])
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
          auditEventsPerOrder: round(drainAudit.reduce((a, x) => a + x.perOrder, 0), 2),
          cpuMs: drainCpu,
          cpuMsPerStep: perUnit(drainCpu, drain.steps),
        };
        ctx.log(`rep ${rep} drain: ${drainRun.stepsPerS} steps/s, ${drainRun.ordersPerS} orders/s over ${drainRun.windowMs} ms (${drainRun.steps} steps; ${drainRun.roundTripsPerStep} statements/step; CPU ${JSON.stringify(drainRun.cpuMsPerStep)} ms/step)`);
        statements = { online: onlineStatements, drain: drainStatements, drainAuditActions: drainAudit };

        // --- baselines, same database, same number of jobs as the drain journaled steps
        const jobs = drain.steps;
        const pgboss = await runPgBossBaseline(db.pool, db.url, db.embedded.pid, jobs, db.dir);
        ctx.log(`rep ${rep} pg-boss: ${round(pgboss.jobsPerS)} jobs/s (${pgboss.completed} jobs in ${Math.round(pgboss.windowMs)} ms; CPU ${JSON.stringify(perUnit(pgboss.cpuMs, pgboss.completed))} ms/job)`);
        const raw = await runRawBaseline(db.pool, db.url, db.embedded.pid, jobs, db.dir);
        ctx.log(`rep ${rep} raw loop: ${round(raw.jobsPerS)} jobs/s (${raw.completed} jobs in ${Math.round(raw.windowMs)} ms; CPU ${JSON.stringify(perUnit(raw.cpuMs, raw.completed))} ms/job)`);
        // The same loop with the commit mode of the engines' journal connections (synchronous_commit=off).
        const rawAsync = await runRawBaseline(db.pool, db.url, db.embedded.pid, jobs, db.dir, { ...RAW_SETTINGS, synchronousCommit: false });
        ctx.log(`rep ${rep} raw loop, synchronous_commit=off: ${round(rawAsync.jobsPerS)} jobs/s (CPU ${JSON.stringify(perUnit(rawAsync.cpuMs, rawAsync.completed))} ms/job)`);
        runs.push({
          rep,
          online: onlineRun,
          drain: drainRun,
          pgboss: { ...pgboss, jobsPerS: round(pgboss.jobsPerS), windowMs: Math.round(pgboss.windowMs), cpuMsPerJob: perUnit(pgboss.cpuMs, pgboss.completed) },
          raw: { ...raw, jobsPerS: round(raw.jobsPerS), windowMs: Math.round(raw.windowMs), cpuMsPerJob: perUnit(raw.cpuMs, raw.completed) },
          rawAsync: { ...rawAsync, jobsPerS: round(rawAsync.jobsPerS), windowMs: Math.round(rawAsync.windowMs), cpuMsPerJob: perUnit(rawAsync.cpuMs, rawAsync.completed) },
          ratios: {
            drainVsPgboss: round(drainRun.stepsPerS / pgboss.jobsPerS, 2),
            drainVsRaw: round(drainRun.stepsPerS / raw.jobsPerS, 3),
            onlineVsPgboss: round(onlineRun.stepsPerS / pgboss.jobsPerS, 2),
            onlineVsRaw: round(onlineRun.stepsPerS / raw.jobsPerS, 3),
            drainVsRawAsync: round(drainRun.stepsPerS / rawAsync.jobsPerS, 3),
          },
        });
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
          pgbossPerJob: med((r) => r.pgboss.cpuMsPerJob.total),
          rawPerJob: med((r) => r.raw.cpuMsPerJob.total),
          rawAsyncPerJob: med((r) => r.rawAsync.cpuMsPerJob.total),
        },
        /** What the CPU cost implies on an otherwise idle machine of this many cores. */
        idleMachineCapacity: {
          drainStepsPerS: round((ctx.machine.cores * 1000) / med((r) => r.drain.cpuMsPerStep.total)),
          onlineStepsPerS: round((ctx.machine.cores * 1000) / med((r) => r.online.cpuMsPerStep.total)),
          pgbossJobsPerSCpuBound: round((ctx.machine.cores * 1000) / med((r) => r.pgboss.cpuMsPerJob.total)),
          rawJobsPerS: round((ctx.machine.cores * 1000) / med((r) => r.raw.cpuMsPerJob.total)),
        },
        pgbossJobsPerS: med((r) => r.pgboss.jobsPerS),
        rawJobsPerS: med((r) => r.raw.jobsPerS),
        rawAsyncJobsPerS: med((r) => r.rawAsync.jobsPerS),
        ratios: {
          drainVsPgboss: med((r) => r.ratios.drainVsPgboss),
          drainVsRaw: med((r) => r.ratios.drainVsRaw),
          onlineVsPgboss: med((r) => r.ratios.onlineVsPgboss),
          onlineVsRaw: med((r) => r.ratios.onlineVsRaw),
          drainVsRawAsync: med((r) => r.ratios.drainVsRawAsync),
        },
        notCompleted: runs.reduce((n, r: any) => n + (r.online.orders - r.online.completed) + (r.drain.orders - r.drain.completed), 0),
      };
      const checks: TargetCheck[] = [
        atLeast('steps/s, drain (engines only), median', summary.drain.stepsPerS, 1500, 'steps/s'),
        atLeast('steps/s, online (API + engines), median', summary.online.stepsPerS, 1500, 'steps/s'),
        atLeast('drain steps/s ÷ pg-boss jobs/s, median of per-rep ratios', summary.ratios.drainVsPgboss, 3.5, '×', {
          baseline: { name: 'pg-boss 10', value: summary.pgbossJobsPerS, unit: 'jobs/s' },
        }),
        atLeast('online steps/s ÷ pg-boss jobs/s, median', summary.ratios.onlineVsPgboss, 3.5, '×', { baseline: { name: 'pg-boss 10', value: summary.pgbossJobsPerS, unit: 'jobs/s' } }),
        atLeast('drain steps/s ÷ raw loop jobs/s, median of per-rep ratios', round(summary.ratios.drainVsRaw * 100, 1), 50, '%', {
          baseline: { name: 'raw pg loop', value: summary.rawJobsPerS, unit: 'jobs/s' },
        }),
        atLeast('online steps/s ÷ raw loop jobs/s, median', round(summary.ratios.onlineVsRaw * 100, 1), 50, '%', { baseline: { name: 'raw pg loop', value: summary.rawJobsPerS, unit: 'jobs/s' } }),
        atLeast('drain steps/s ÷ raw loop with synchronous_commit=off (the engines\' journal mode), median', round(summary.ratios.drainVsRawAsync * 100, 1), 50, '%', {
          baseline: { name: 'raw pg loop, async commit', value: summary.rawAsyncJobsPerS, unit: 'jobs/s' },
        }),
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
        pgboss: { ...PGBOSS_SETTINGS, jobs: 'as many as the drain journaled steps', handler: 'trivial (returns at once)' },
        raw: { ...RAW_SETTINGS, commitsPerJob: 3, jobs: 'as many as the drain journaled steps', alsoRunWith: 'synchronous_commit=off, the mode of the engines\' journal pool' },
        engineJournalCommits: 'the engine process opens its journal pool with synchronous_commit=off (src/provisioning/engine/README.md, "Durability"); providers (lab, quota ledger) commit synchronously',
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
        summary: { apiPeakMb: apiFinal, enginePeakMb: round(Math.max(...engineMemory.map((m) => m.hwmMb))), engineMedianPeakMb: round(median(engineMemory.map((m) => m.hwmMb))) },
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
