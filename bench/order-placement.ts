import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Pool } from 'pg';
import { buildRef, type RefBuild } from './lib/build-ref';
import { type BenchContext, type BenchDefinition } from './lib/context';
import { cpuDelta, cpuSnapshot } from './lib/cpu';
import { summarizeProfiles } from './lib/cpu-profile';
import { ApiClient, expectStatus, mapLimit } from './lib/http';
import { type BenchDatabase, resetStatements, startBenchDatabase, topStatements } from './lib/postgres';
import { type ApiProcess, startApi, startEngine } from './lib/processes';
import { atLeast, atMost, type BenchResult, gitCommit, type TargetCheck } from './lib/results';
import { distribution, median, round } from './lib/stats';
import { addUserOrder, createCustomers, type Customer, subscribeAll } from './lib/tenants';

/**
 * order-placement (QUALITY.md, issue 19): the API alone placing orders — no engine runs, so the
 * figure is what one API process and PostgreSQL spend to accept an order. add_users orders of
 * one user (standard-mailbox and mobile-mailbox alternate) over K customers on the enterprise
 * plan, 32 in flight; orders/s, POST latency, CPU per order (API, PostgreSQL) and statements
 * per order.
 *
 * A/B: the same workload against another commit (`--vs <git-ref>`; by default the commit before
 * issue 13, branch `baseline-13` or commit 0515ddf), built by lib/build-ref.ts, with its own API
 * process and its own database in the same PostgreSQL server. The two sides alternate round by
 * round (A B, B A, …) so both see the same machine; the target is the median of the per-round
 * ratios of orders/s (issue 19: ≥ 2×). Each side's customers are subscribed by that side's own
 * engines before the rounds and the engines are stopped.
 */

export const DEFAULT_VS = 'baseline-13';
/** The commit before issue 13 (main when issue 19 was filed), for clones without the branch. */
export const DEFAULT_VS_COMMIT = '0515ddf';
const USER_PLANS = ['standard-mailbox', 'mobile-mailbox'];

interface Side {
  label: string;
  commit: string;
  api: ApiProcess;
  client: ApiClient;
  customers: Customer[];
  database: string;
  serial: number;
}

interface Round {
  side: string;
  orders: number;
  windowMs: number;
  ordersPerS: number;
  postMs: ReturnType<typeof distribution>;
  cpuMs: Record<string, number>;
  cpuMsPerOrder: Record<string, number>;
  statementsPerOrder: number;
  planMsPerOrder: number;
}

async function prepareSide(
  ctx: BenchContext,
  label: string,
  build: { commit: string; mainJs?: string },
  db: { url: string; pool: Pool; name: string },
  dir: string,
  customers: number,
  profileDir?: string,
): Promise<Side> {
  fs.mkdirSync(dir, { recursive: true });
  const api = await startApi(db.url, dir, { mainJs: build.mainJs, cpuProfileDir: profileDir && path.join(profileDir, label) });
  const client = new ApiClient(api.base);
  const engines = await Promise.all([0, 1].map((slot) => startEngine(db.pool, db.url, dir, { slot, mainJs: build.mainJs })));
  try {
    const list = await createCustomers(client, api.adminToken, customers, `place-${label.toLowerCase()}`);
    await subscribeAll(client, list, 'enterprise');
    ctx.log(`${label} (${build.commit.slice(0, 12)}): API pid ${api.pid}, ${list.length} customers subscribed`);
    return { label, commit: build.commit, api, client, customers: list, database: db.name, serial: 0 };
  } finally {
    await Promise.all(engines.map((e) => e.stop()));
  }
}

async function placeRound(bench: BenchDatabase, side: Side, orders: number, concurrency: number): Promise<Round> {
  const bodies = Array.from({ length: orders }, (_, i) => {
    const c = side.customers[i % side.customers.length];
    return { body: addUserOrder(c, `${side.label.toLowerCase()}p${side.serial++}`, USER_PLANS[i % USER_PLANS.length]), token: c.token };
  });
  await bench.pool.query('/* bench */ CHECKPOINT');
  await resetStatements(bench.pool);
  const cpu0 = cpuSnapshot(bench.embedded.pid, { api: [side.api.pid] });
  const t0 = performance.now();
  const latencies = await mapLimit(bodies, concurrency, async ({ body, token }) => {
    const s = performance.now();
    const res = await side.client.post('/v1/orders', body, token);
    expectStatus(res, 202, `${side.label}: place an order`);
    return performance.now() - s;
  });
  const windowMs = performance.now() - t0;
  const cpuMs = cpuDelta(cpu0, cpuSnapshot(bench.embedded.pid, { api: [side.api.pid] }));
  const st = await topStatements(bench.pool, 10, side.database);
  return {
    side: side.label,
    orders,
    windowMs: Math.round(windowMs),
    ordersPerS: round((orders / windowMs) * 1000),
    postMs: distribution(latencies, 1),
    cpuMs,
    cpuMsPerOrder: Object.fromEntries(Object.entries(cpuMs).map(([k, v]) => [k, round(v / orders, 3)])),
    statementsPerOrder: round(st.totalCalls / orders, 1),
    planMsPerOrder: round(st.planMs / orders, 3),
  };
}

function sideSummary(rounds: Round[]) {
  const med = (f: (r: Round) => number) => round(median(rounds.map(f)), 3);
  return {
    ordersPerS: med((r) => r.ordersPerS),
    postP50Ms: med((r) => r.postMs.p50),
    postP99Ms: med((r) => r.postMs.p99),
    cpuMsPerOrder: { api: med((r) => r.cpuMsPerOrder.api), postgres: med((r) => r.cpuMsPerOrder.postgres), total: med((r) => r.cpuMsPerOrder.total) },
    statementsPerOrder: med((r) => r.statementsPerOrder),
    planMsPerOrder: med((r) => r.planMsPerOrder),
  };
}

export const orderPlacement: BenchDefinition = {
  name: 'order-placement',
  description:
    'the API alone placing add_users orders (no engine running): orders/s, CPU and statements per order, A/B against another commit in the same run (--vs, default the commit before issue 13)',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const started = Date.now();
    const opts = { ordersPerRound: ctx.quick ? 200 : 1000, customers: ctx.quick ? 20 : 50, concurrency: 32, warmup: ctx.quick ? 50 : 200 };
    let vs: RefBuild | undefined;
    if (ctx.vs !== 'none') vs = buildRef(ctx.vs ?? DEFAULT_VS, ctx.log, ctx.vs ? undefined : DEFAULT_VS_COMMIT);
    const db = await startBenchDatabase('placement');
    const profileDir = ctx.profile ? path.join(db.dir, 'profiles') : undefined;
    const sides: Side[] = [];
    try {
      ctx.log(`PostgreSQL ${db.version} in ${db.dir}`);
      const here = { commit: gitCommit().commit };
      sides.push(await prepareSide(ctx, 'A', here, { url: db.url, pool: db.pool, name: 'provisio' }, path.join(db.dir, 'a'), opts.customers, profileDir));
      if (vs) {
        const other = await db.createDatabase('provisio_vs');
        sides.push(await prepareSide(ctx, 'B', vs, { ...other, name: 'provisio_vs' }, path.join(db.dir, 'b'), opts.customers, profileDir));
      }
      for (const side of sides) await placeRound(db, side, opts.warmup, opts.concurrency); // JIT, pools, caches
      const rounds: Round[][] = [];
      for (let rep = 1; rep <= ctx.reps; rep++) {
        const order = rep % 2 ? sides : [...sides].reverse();
        const results: Round[] = [];
        for (const side of order) results.push(await placeRound(db, side, opts.ordersPerRound, opts.concurrency));
        rounds.push(results);
        ctx.log(
          `round ${rep}: ` +
            results
              .map(
                (r) =>
                  `${r.side} ${r.ordersPerS} orders/s, CPU ${r.cpuMsPerOrder.api} + ${r.cpuMsPerOrder.postgres} ms/order (API + PostgreSQL), ${r.statementsPerOrder} statements/order`,
              )
              .join('; '),
        );
      }
      const of = (label: string) => rounds.map((rs) => rs.find((r) => r.side === label)!).filter(Boolean);
      const a = sideSummary(of('A'));
      const b = vs ? sideSummary(of('B')) : undefined;
      const ratios = vs
        ? {
            ordersPerS: round(median(rounds.map((rs) => rs.find((r) => r.side === 'A')!.ordersPerS / rs.find((r) => r.side === 'B')!.ordersPerS)), 2),
            cpuPerOrder: round(
              median(rounds.map((rs) => rs.find((r) => r.side === 'A')!.cpuMsPerOrder.total / rs.find((r) => r.side === 'B')!.cpuMsPerOrder.total)),
              2,
            ),
          }
        : undefined;
      const checks: TargetCheck[] = [];
      if (vs && b && ratios) {
        const baseline = { name: `${vs.ref} (${vs.commit.slice(0, 12)})`, value: b.ordersPerS, unit: 'orders/s' };
        checks.push(atLeast(`orders/s ÷ ${vs.ref}'s, median of per-round ratios`, ratios.ordersPerS, 2, '×', { baseline }));
        checks.push(
          atMost(`CPU per order ÷ ${vs.ref}'s (API + PostgreSQL), median of per-round ratios`, ratios.cpuPerOrder, 0.5, '×', {
            baseline: { name: baseline.name, value: b.cpuMsPerOrder.total, unit: 'ms/order' },
          }),
        );
      }
      await Promise.all(sides.map((s) => s.api.stop())); // peaks sampled; CPU profiles written at exit
      const result: BenchResult = {
        ...ctx.header('order-placement', this.description),
        durationS: Math.round((Date.now() - started) / 1000),
        setup: {
          api: '`provisio serve` per side, default configuration; no engine runs during the rounds',
          sides: sides.map((s) => ({ label: s.label, commit: s.commit, database: s.database })),
          order: 'add_users with one user; user plans standard-mailbox and mobile-mailbox alternate',
          customers: opts.customers,
          ordersPerRound: opts.ordersPerRound,
          warmupOrders: opts.warmup,
          concurrency: opts.concurrency,
          interleaving: 'rounds alternate A B, B A, …',
        },
        repetitions: ctx.reps,
        runs: rounds.map((rs, i) => ({ rep: i + 1, rounds: rs })),
        summary: { a, ...(b ? { b } : {}), ...(ratios ? { ratios } : {}), apiPeakMb: Object.fromEntries(sides.map((s) => [s.label, round(s.api.peakHwmMb)])) },
        checks,
      };
      if (profileDir) {
        result.profile = { cpu: { api: summarizeProfiles(path.join(profileDir, 'A', 'serve')) } };
        ctx.keepProfiles(profileDir, 'order-placement');
      }
      return [result];
    } finally {
      await Promise.all(sides.map((s) => s.api.stop(10_000)));
      await db.stop();
    }
  },
};
