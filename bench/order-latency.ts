import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import { type BenchContext, type BenchDefinition } from './lib/context';
import { summarizeProfiles } from './lib/cpu-profile';
import { ApiClient, expectStatus } from './lib/http';
import { resetStatements, startBenchDatabase, topStatements } from './lib/postgres';
import { type ApiProcess, type EngineProcess, startApi, startEngine } from './lib/processes';
import { atMost, type BenchResult } from './lib/results';
import { distribution, median, round } from './lib/stats';
import { createCustomers, type Customer } from './lib/tenants';

const TERMINAL = ['completed', 'failed', 'needs_attention', 'cancelled'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * order-latency (QUALITY.md): one `subscribe` order at a time on an otherwise idle system (API +
 * 2 engines, default configuration), POST → completed as the client sees it: the client POSTs,
 * then long-polls `GET /v1/orders/{id}?wait=30` until the order is terminal. Each repetition is
 * a round of orders, each for a fresh customer; the database timestamps split each latency into
 * placement, queue wait (created → claimed), execution and notification.
 */
export const orderLatency: BenchDefinition = {
  name: 'order-latency',
  description: 'one subscribe order (business-premium, ≈ 12 steps) at a time on an idle system, POST → completed seen by the client (long-poll ?wait=)',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const perRound = ctx.quick ? 8 : 20;
    const warmup = 3;
    const started = Date.now();
    const db = await startBenchDatabase('latency');
    const profileDir = ctx.profile ? path.join(db.dir, 'profiles') : undefined;
    let api: ApiProcess | undefined;
    let engines: EngineProcess[] = [];
    try {
      api = await startApi(db.url, db.dir, { cpuProfileDir: profileDir });
      engines = await Promise.all([0, 1].map((slot) => startEngine(db.pool, db.url, db.dir, { slot, cpuProfileDir: profileDir })));
      const client = new ApiClient(api.base);
      const customers: Customer[] = await createCustomers(client, api.adminToken, warmup + perRound * ctx.reps, 'lat');
      ctx.log(`API pid ${api.pid}, engines ${engines.map((e) => e.pid).join(', ')}; ${customers.length} customers`);

      const one = async (c: Customer) => {
        const t0 = performance.now();
        const sentAt = Date.now();
        const placed = await client.post('/v1/orders', { type: 'subscribe', organizationId: c.orgId, plan: 'business-premium', domain: c.domain }, c.token);
        expectStatus(placed, 202, 'subscribe');
        const postMs = performance.now() - t0;
        let view = placed.body;
        let polls = 0;
        while (!TERMINAL.includes(view.status)) {
          const res = await client.get(`/v1/orders/${placed.body.id}?wait=30`, c.token);
          expectStatus(res, 200, 'long-poll the order');
          view = res.body;
          polls++;
        }
        const totalMs = performance.now() - t0;
        const seenAt = Date.now();
        const r = (
          await db.pool.query(
            `/* bench */ SELECT r.step_count, EXTRACT(EPOCH FROM r.created_at) * 1000 AS created, EXTRACT(EPOCH FROM r.started_at) * 1000 AS started,
                    EXTRACT(EPOCH FROM r.finished_at) * 1000 AS finished,
                    (SELECT sum(duration_ms) FROM provisioning_steps s WHERE s.run_id = r.id) AS provider_ms,
                    (SELECT count(*)::int FROM provisioning_steps s WHERE s.run_id = r.id) AS steps
               FROM provisioning_runs r WHERE r.id = $1`,
            [placed.body.runId ?? view.runId],
          )
        ).rows[0];
        return {
          status: view.status,
          totalMs,
          postMs,
          polls,
          steps: r?.steps,
          // DB timestamps (transaction start times) against the client's send time, same host clock.
          queueMs: r ? Number(r.started) - Number(r.created) : NaN,
          executeMs: r ? Number(r.finished) - Number(r.started) : NaN,
          providerMs: r ? Number(r.provider_ms) : NaN,
          notifyMs: r ? seenAt - Number(r.finished) : NaN,
          sentToCreatedMs: r ? Number(r.created) - sentAt : NaN,
        };
      };

      let next = 0;
      for (let i = 0; i < warmup; i++) await one(customers[next++]);
      await resetStatements(db.pool);
      const runs: Record<string, unknown>[] = [];
      const all: Awaited<ReturnType<typeof one>>[] = [];
      for (let rep = 1; rep <= ctx.reps; rep++) {
        const samples: Awaited<ReturnType<typeof one>>[] = [];
        for (let i = 0; i < perRound; i++) {
          samples.push(await one(customers[next++]));
          await sleep(100);
        }
        all.push(...samples);
        const lat = distribution(samples.map((s) => s.totalMs));
        runs.push({
          rep,
          orders: samples.length,
          completed: samples.filter((s) => s.status === 'completed').length,
          stepsPerOrder: median(samples.map((s) => s.steps)),
          latencyMs: lat,
          breakdownMedianMs: {
            post: round(median(samples.map((s) => s.postMs))),
            queue: round(median(samples.map((s) => s.queueMs))),
            execute: round(median(samples.map((s) => s.executeMs))),
            providerCalls: round(median(samples.map((s) => s.providerMs))),
            notify: round(median(samples.map((s) => s.notifyMs))),
          },
          samplesMs: samples.map((s) => round(s.totalMs)),
        });
        ctx.log(
          `round ${rep}: p50 ${lat.p50} ms, p90 ${lat.p90} ms, max ${lat.max} ms over ${samples.length} orders (${median(samples.map((s) => s.steps))} steps each)`,
        );
      }
      const statements = await topStatements(db.pool, 12);
      const pooled = distribution(all.map((s) => s.totalMs));
      const p50s = runs.map((r: any) => r.latencyMs.p50 as number);
      const stepsPerOrder = median(all.map((s) => s.steps!));
      const executeMedian = median(all.map((s) => s.executeMs));
      const summary = {
        p50MsMedianOfRounds: round(median(p50s)),
        pooled,
        stepsPerOrder,
        breakdownMedianMs: {
          post: round(median(all.map((s) => s.postMs))),
          queue: round(median(all.map((s) => s.queueMs))),
          execute: round(executeMedian),
          perStep: round(executeMedian / stepsPerOrder, 2),
          providerCallsTotal: round(median(all.map((s) => s.providerMs))),
          notify: round(median(all.map((s) => s.notifyMs))),
        },
        notCompleted: all.filter((s) => s.status !== 'completed').length,
        roundTripsPerOrder: round(statements.totalCalls / all.length, 1),
      };
      for (const e of engines) await e.stop();
      engines = [];
      await api.stop();
      api = undefined;
      const profile: Record<string, unknown> = { statements };
      if (profileDir) {
        profile.cpu = { engines: summarizeProfiles(path.join(profileDir, 'engine')), api: summarizeProfiles(path.join(profileDir, 'serve')) };
        ctx.keepProfiles(profileDir, 'order-latency');
      }
      return [
        {
          ...ctx.header('order-latency', this.description),
          date: new Date().toISOString(),
          durationS: Math.round((Date.now() - started) / 1000),
          setup: {
            processes: '`provisio serve` + 2 × `provisio engine`, default configuration (ENGINE_POLL_INTERVAL=500ms, NOTIFY wake-up)',
            order: 'subscribe to business-premium without users, each for a fresh customer',
            ordersPerRound: perRound,
            warmupOrders: warmup,
            pauseBetweenOrdersMs: 100,
            client: 'POST /v1/orders, then GET /v1/orders/{id}?wait=30 until terminal; time on the client (performance.now())',
            postgres: { version: db.version, settings: db.settings },
          },
          repetitions: ctx.reps,
          runs,
          summary,
          checks: [
            atMost("p50 POST → completed (median of the rounds' p50)", summary.p50MsMedianOfRounds, 100, 'ms'),
            atMost('orders not completed', summary.notCompleted, 0, 'orders'),
          ],
          profile,
        },
      ];
    } finally {
      await Promise.all(engines.map((e) => e.stop(10_000)));
      await api?.stop(10_000);
      await db.stop();
    }
  },
};
